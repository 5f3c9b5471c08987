/**
 * The leaves of the copy a department was sent, matched with the leaves of the source: for each
 * base leaf, the source leaf it shows and where each of its characters stands in that leaf's
 * text. For a copy of the current source the texts are equal; for a copy of an older edition,
 * paragraphs are matched by likeness and characters by a character diff.
 */
import { alignBlocks } from '../critic/align-blocks.ts';
import { alignCharacters } from './align-characters.ts';
import { alignable } from './department-changes.ts';
import type { Leaf } from './leaves.ts';

/** A base leaf's source leaf, and its text offsets in the source leaf's text (`undefined`: changed since). */
export interface SourceMatch {
  source: number;
  offset: (baseOffset: number) => number | undefined;
}

/** What matching found: each base leaf's match, and how many leaves differ between the two. */
export interface BaseMatches {
  matches: (SourceMatch | undefined)[];
  /** Base leaves changed or missing in the source, and source leaves the base lacks. */
  differences: { changed: number; baseOnly: number; sourceOnly: number; firstSourceLine: number | undefined };
}

/** Match base leaves to source leaves. */
export function matchBaseToSource(base: readonly Leaf[], source: readonly Leaf[], lang: string): BaseMatches {
  const matches: (SourceMatch | undefined)[] = base.map(() => undefined);
  const differences: BaseMatches['differences'] = { changed: 0, baseOnly: 0, sourceOnly: 0, firstSourceLine: undefined };
  const note = (line: number | undefined) => {
    if (line !== undefined && (differences.firstSourceLine === undefined || line < differences.firstSourceLine)) differences.firstSourceLine = line;
  };
  for (const step of alignBlocks(alignable(base), alignable(source), lang)) {
    if (step.kind === 'equal') {
      matches[step.old.index] = { source: step.new.index, offset: (offset) => offset };
    } else if (step.kind === 'change') {
      const map = alignCharacters(step.old.text, step.new.text);
      const changed = changedOffsets(step.old.text, step.new.text, map);
      matches[step.old.index] = { source: step.new.index, offset: (offset) => (changed.has(offset) ? undefined : map[offset]) };
      differences.changed++;
      note(step.new.leaf.line);
    } else if (step.kind === 'insert') {
      differences.sourceOnly++;
      note(step.new.leaf.line);
    } else {
      differences.baseOnly++;
    }
  }
  return { matches, differences };
}

/** Base offsets inside text that differs between the two leaves (an edit there has no sure place). */
function changedOffsets(baseText: string, sourceText: string, map: readonly number[]): Set<number> {
  const changed = new Set<number>();
  for (let offset = 0; offset < baseText.length; offset++) {
    const at = map[offset];
    if (at === undefined || sourceText[at] !== baseText[offset]) {
      changed.add(offset);
      changed.add(offset + 1);
    }
  }
  return changed;
}
