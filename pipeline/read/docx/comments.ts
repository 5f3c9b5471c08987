/**
 * Comments (`word/comments.xml`): each comment's author, date and text, for the comment ranges
 * and references of the body.
 */
import type { CommentInfo, ReadContext } from './context.ts';
import { attributionOf } from './runs.ts';
import { attribute, childElements, parsePart, plainText, rootOf } from './xml.ts';

/** Read the comments of the package (none when it has no comments part). */
export function readComments(context: ReadContext): Map<string, CommentInfo> {
  const comments = new Map<string, CommentInfo>();
  const relationship = [...context.rels.values()].find((rel) => rel.type === 'comments' && rel.part !== undefined);
  const document = relationship?.part === undefined ? undefined : parsePart(context.parts, relationship.part);
  if (document === undefined) return comments;
  for (const comment of childElements(rootOf(document), 'w:comment')) {
    const attribution = attributionOf(comment);
    const text = childElements(comment, 'w:p')
      .map((paragraph) => plainText(paragraph).trim())
      .filter((line) => line !== '')
      .join(' ');
    if (text !== '') attribution.text = text;
    comments.set(attribute(comment, 'w:id') ?? '', { attribution });
  }
  return comments;
}
