import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { nestingBeyond } from '../util/deepest-nesting.ts';
import { flag } from '../util/messages.ts';
import { MAX_NESTING } from './remark-nesting-limit.ts';

/**
 * Deepest nesting of lists and block quotes report-press reads at all, judged from the line
 * prefixes before parsing. Parsing time grows with the text's size times its depth: 10 000
 * quote levels on one 20 KB line took the parser 45 s, 1000 indented list levels (1 MB) over
 * two minutes, and past a few thousand levels the parser's stack overflows. Far above
 * {@link MAX_NESTING}, where the tree is flattened with a warning, so that the estimate's
 * error never matters for a document that can be read.
 */
export const MAX_READ_NESTING = 500;

/** The front matter block at the start of a source (`---` … `---`), or nothing. */
const FRONT_MATTER = /^---\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

/**
 * Refuse, before parsing, a source nested deeper than {@link MAX_READ_NESTING} levels: an error
 * (`nesting-too-deep`) at the line and column where the first level beyond the limit starts,
 * and for the transforms a tree of the front matter alone (so that the title, language and
 * settings are still read). Must be used right after `remark-parse`, whose parser it wraps.
 */
export function remarkNestingGuard(this: Processor) {
  const parse = this.parser;
  if (!parse) throw new Error('remarkNestingGuard must come after remark-parse');
  this.parser = (document: string, file: VFile): Root => {
    const beyond = nestingBeyond(document, MAX_READ_NESTING);
    if (!beyond) return parse(document, file) as Root;
    flag(file, 'nesting-too-deep', { line: beyond.line, column: beyond.column }, { depth: beyond.depth, limit: MAX_READ_NESTING, kept: MAX_NESTING });
    return parse(FRONT_MATTER.exec(document)?.[0] ?? '', file) as Root;
  };
}
