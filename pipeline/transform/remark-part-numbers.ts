import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Heading, Root } from 'mdast';
import type { VFile } from 'vfile';
import { flag } from '../util/messages.ts';
import { headingNumber } from './support/heading-number.ts';
import { headingTextPlace } from './support/heading-text.ts';

/** The last numbered heading of a style among siblings. */
interface Previous {
  value: number;
  label: string;
  line: number | undefined;
}

/**
 * Check the part numbers of headings (`part-number-sequence`): headings of one level under the
 * same parent heading that open with a number of the same style (`一、`, `（一）`, `1.`, `（1）`,
 * `第一部分`…; see `headingNumber`) must run 1, 2, 3 with no gap, repeat or restart. A number out
 * of sequence is a warning at the number, saying which was expected; the sequence then goes on
 * from the number written (一、二、四、五 gives one warning, at 四). The first number must be 1,
 * except in an excerpt (`excerpt: true`), which may start anywhere. Unnumbered headings and body
 * text are not looked at.
 */
export function remarkPartNumbers() {
  return (tree: Root, file: VFile): void => {
    const excerpt = file.data.meta?.excerpt === true;
    const parents = new Map<Heading | undefined, number>([[undefined, 0]]);
    const open: Heading[] = [];
    const last = new Map<string, Previous>();
    visit(tree, 'heading', (heading) => {
      while (open.length > 0 && (open.at(-1)?.depth ?? 0) >= heading.depth) open.pop();
      const parent = open.at(-1);
      open.push(heading);
      parents.set(heading, parents.size);
      const number = headingNumber(toString(heading));
      if (!number) return;
      const key = `${parents.get(parent) ?? 0}/${heading.depth}/${number.style}`;
      const previous = last.get(key);
      last.set(key, { value: number.value, label: number.label, line: heading.position?.start.line });
      const expected = previous ? previous.value + 1 : 1;
      if (number.value === expected || (!previous && excerpt)) return;
      flag(file, 'part-number-sequence', headingTextPlace(heading), { found: number.label, expected: number.labelFor(expected), previous: previous?.label, previousLine: previous?.line });
    });
  };
}
