/**
 * The suggestion nodes (`syntax.ts`) declared as inline content of mdast, so that every handler
 * map keyed by node type (the Word renderer's, the HTML renderer's) must handle them.
 */
import type { SuggestionComment, SuggestionDelete, SuggestionInsert, SuggestionSubstitute } from './syntax.ts';

/** Source offsets (UTF-16, as unist positions) of what a suggestion holds, start inclusive, end exclusive. */
export interface SuggestionRanges {
  /** The text between the markers: the inserted, deleted, old or highlighted text. */
  content?: [number, number];
  /** A substitution's new text. */
  inserted?: [number, number];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    suggestionInsert: SuggestionInsert;
    suggestionDelete: SuggestionDelete;
    suggestionSubstitute: SuggestionSubstitute;
    suggestionComment: SuggestionComment;
  }
  interface RootContentMap {
    suggestionInsert: SuggestionInsert;
    suggestionDelete: SuggestionDelete;
    suggestionSubstitute: SuggestionSubstitute;
    suggestionComment: SuggestionComment;
  }
  interface Data {
    /** Where a suggestion's parts are in the source (set by the parser). */
    critic?: SuggestionRanges;
    /** A text node that is a CriticMarkup opener never closed (reported as an error). */
    criticUnclosed?: boolean;
  }
}
