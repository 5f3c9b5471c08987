import type { IParagraphRunOptions } from 'docx';
import type { PhrasingContent } from 'mdast';
import type { RevisionRegistry } from './revisions.ts';

/**
 * The tracked change of a paragraph's own mark, when the paragraph holds nothing but one
 * inserted or one deleted suggestion: a whole paragraph added or removed. With its mark tracked
 * too, accepting a removal or rejecting an addition leaves no empty paragraph behind.
 */
export function paragraphMarkRevision(children: readonly PhrasingContent[], revisions: RevisionRegistry): { run: IParagraphRunOptions } | undefined {
  const content = children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const [only] = content;
  if (content.length !== 1 || only === undefined) return undefined;
  if (only.type !== 'suggestionInsert' && only.type !== 'suggestionDelete') return undefined;
  const stamp = revisions.stamp(only.attribution);
  const change = { id: revisions.nextRevisionId(stamp, only.type === 'suggestionInsert' ? 'insert' : 'delete'), author: stamp.author, date: stamp.date };
  return { run: only.type === 'suggestionInsert' ? { insertion: change } : { deletion: change } };
}
