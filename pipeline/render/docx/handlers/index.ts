import type { BlockHandlers, InlineHandlers } from '../dispatch.ts';
import { blockquote, code, definition, heading, paragraph, thematicBreak } from './blocks.ts';
import { figure } from './figure.ts';
import { chart } from './chart.ts';
import { bibliography } from './bibliography.ts';
import { footnoteDefinition, footnoteReference } from './footnote.ts';
import { htmlBlock, inlineHtml } from './html.ts';
import { image, imageReference } from './image.ts';
import { link, linkReference } from './link.ts';
import { list, listItem } from './list.ts';
import { breakHandler, deleteHandler, emphasis, inlineCode, strong, text } from './phrasing.ts';
import { table } from './table.ts';
import { inlineMath, math } from './math.ts';
import { defList, defListDescription, defListTerm, defListTermInline } from './definition-list.ts';
import { suggestionComment, suggestionDelete, suggestionInsert, suggestionSubstitute } from './suggestion.ts';

/** Block handlers keyed by mdast node type. */
export const blockHandlers: BlockHandlers = {
  paragraph,
  heading,
  thematicBreak,
  blockquote,
  list,
  listItem,
  code,
  table,
  math,
  figure,
  chart,
  html: htmlBlock,
  definition,
  footnoteDefinition,
  defList,
  defListTerm,
  defListDescription,
  bibliography,
};

/** Inline handlers keyed by mdast node type. */
export const inlineHandlers: InlineHandlers = {
  text,
  emphasis,
  strong,
  delete: deleteHandler,
  inlineCode,
  inlineMath,
  break: breakHandler,
  link,
  linkReference,
  image,
  imageReference,
  footnoteReference,
  html: inlineHtml,
  suggestionInsert,
  suggestionDelete,
  suggestionSubstitute,
  suggestionComment,
  defListTerm: defListTermInline,
};
