import type { VFile } from 'vfile';
import { parseMarkdown } from '../parse/parse.ts';
import type { SourceEdit } from '../fix/apply-fixes.ts';
import { collectSuggestions, suggestionEdits, type Decision, type SuggestionFilter } from './suggestions.ts';

/** The source edits that decide a source's suggestions, and how many suggestions they decide. */
export interface SourceDecision {
  edits: SourceEdit[];
  /** Suggestions decided (nested ones counted too); comments included. */
  count: number;
}

/**
 * Accept or reject the suggestions of a source file (all, or `filter.author`'s) as edits of its
 * text (`String(file.value)`), for `check --accept/--reject`: each decided suggestion's whole
 * span becomes what it keeps, every other character unchanged.
 */
export function decideSource(file: VFile, decision: Decision, filter: SuggestionFilter = {}): SourceDecision {
  const tree = parseMarkdown(file);
  const count = collectSuggestions(tree).filter((node) => filter.author === undefined || node.attribution.author === filter.author).length;
  return { edits: suggestionEdits(tree, String(file.value), decision, filter), count };
}
