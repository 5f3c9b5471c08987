import { visit } from 'unist-util-visit';
import type { Blockquote, Paragraph, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { flag } from '../util/messages.ts';
import { CALLOUT_KINDS, calloutKindOf, calloutTitle, type CalloutKind } from '../util/callout-kinds.ts';
import { closestWord } from '../util/did-you-mean.ts';
import { sliceText, sourceText, type SourceText } from './support/text-slice.ts';

/** `[!KIND]` at the start of a quote, and the blanks after it. */
const MARKER = /^\[!(\p{L}+)\][+-]?[ \t]*/u;

/**
 * GitHub's alerts (`> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]`, any case,
 * or by their Chinese titles, `[!注意]`…; Obsidian's fold mark `[!NOTE]-` is read and ignored)
 * become callouts: the quote keeps its type and content, with `data.callout` set to the kind and
 * a first paragraph marked `calloutTitle` that holds its title, the kind's name in the report's
 * language, or, as Obsidian writes it, the rest of the marker's line (`> [!WARNING] Data to
 * June`). An unknown kind (`[!NOTES]`) stays a quote, as GitHub shows it, and is reported
 * (`callout-unknown`).
 */
export function remarkCallouts() {
  return (tree: Root, file: VFile): void => {
    const lang = file.data.meta?.lang ?? 'en';
    const source = sourceText(String(file.value));
    visit(tree, 'blockquote', (quote) => {
      const first = quote.children[0];
      const lead = first?.type === 'paragraph' ? first.children[0] : undefined;
      if (first?.type !== 'paragraph' || lead?.type !== 'text') return;
      const marker = MARKER.exec(lead.value);
      if (!marker?.[1]) return;
      const word = calloutKindOf(marker[1]);
      if (word === undefined) {
        const suggestion = closestWord(marker[1].toLowerCase(), CALLOUT_KINDS);
        flag(file, 'callout-unknown', lead, { kind: marker[1], suggestion: suggestion?.toUpperCase() });
        return;
      }
      const title = takeTitleLine(first, marker[0].length, source);
      makeCallout(quote, first, word, title.length > 0 ? title : [{ type: 'text', value: calloutTitle(word, lang) }]);
    });
    visit(tree, 'blockquote', (quote, index, parent) => {
      const previous = index === undefined ? undefined : parent?.children[index - 1];
      if (quote.data?.callout !== undefined && previous?.type === 'blockquote' && previous.data?.callout !== undefined) quote.data.afterCallout = true;
    });
  };
}

function makeCallout(quote: Blockquote, first: Paragraph, kind: CalloutKind, title: PhrasingContent[]): void {
  quote.data = { ...quote.data, callout: kind };
  const titleParagraph: Paragraph = { type: 'paragraph', children: title, data: { calloutTitle: true } };
  const end = title.at(-1)?.position?.end;
  if (first.position && end) titleParagraph.position = { start: first.position.start, end };
  const rest = first.children.length > 0 ? [first] : [];
  quote.children.splice(0, 1, titleParagraph, ...rest);
}

/**
 * Take the marker and the rest of its line out of the paragraph: returns what followed the
 * marker on that line (the writer's title, possibly empty); the paragraph keeps the later lines.
 * Text nodes cut in two are positioned where their text now starts and ends in the source.
 */
function takeTitleLine(paragraph: Paragraph, markerLength: number, source: SourceText): PhrasingContent[] {
  const title: PhrasingContent[] = [];
  const lead = paragraph.children[0] as Text;
  const afterMarker = sliceText(lead, markerLength, lead.value.length, source, 'start');
  let queue: PhrasingContent[] = afterMarker ? [afterMarker, ...paragraph.children.slice(1)] : paragraph.children.slice(1);
  while (queue.length > 0) {
    const node = queue[0] as PhrasingContent;
    queue = queue.slice(1);
    if (node.type === 'break') break;
    if (node.type === 'text' && node.value.includes('\n')) {
      const lineEnd = node.value.indexOf('\n');
      const before = sliceText(node, 0, lineEnd, source, 'end');
      const after = sliceText(node, lineEnd + 1, node.value.length, source, 'start');
      if (before) title.push(before);
      if (after) queue = [after, ...queue];
      break;
    }
    title.push(node);
  }
  paragraph.children = queue;
  return title;
}
