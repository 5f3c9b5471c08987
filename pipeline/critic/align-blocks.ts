/**
 * Align the blocks of two editions of a source: equal blocks first (a diff of the block
 * sequences by their text), then, between two equal blocks, similar blocks of the same kind
 * paired for a word diff; what is left is inserted or deleted, and a deleted block whose text
 * equals (or nearly equals) an inserted block elsewhere is a move.
 */
import { diffArrays } from 'diff';
import { tokenSimilarity, wordTokens } from './word-diff.ts';

/** How one block of the new edition relates to the old one, in the new edition's order. */
/**
 * What alignment needs of a block: `key` equal for the same block, `text` to measure likeness,
 * and what may be paired: the same `kind` and `type` (`opaque` blocks never), rows of as many
 * cells, headings of the same `depth`. Compare aligns source blocks (`TextUnit`), review the
 * paragraphs of Word files.
 */
export interface AlignableBlock {
  kind: string;
  key: string;
  text: string;
  type: string;
  depth?: number;
  cells?: readonly unknown[];
  /** The block cannot stand alone as a deleted block: when nothing is like it, the block in its place is taken as its new text. */
  keepsPlace?: boolean;
}

export type BlockStep<TextUnit extends AlignableBlock = AlignableBlock> =
  /** The same block in both editions. */
  | { kind: 'equal'; old: TextUnit; new: TextUnit }
  /** A block changed in place (to be word-diffed). */
  | { kind: 'change'; old: TextUnit; new: TextUnit }
  /** A block only in the new edition (`move` names its other end when it was moved). */
  | { kind: 'insert'; new: TextUnit; move?: string }
  /** A block only in the old edition, shown after the new edition's block `after` (undefined: before the first). */
  | { kind: 'delete'; old: TextUnit; after: TextUnit | undefined; move?: string };

/** Word similarity of two blocks (`tokenSimilarity`), possibly 0 when below `least`. */
type Similarity = (a: AlignableBlock, b: AlignableBlock, least: number) => number;

/** Least word similarity for two blocks to be paired as one changed block (half their words shared). */
const PAIR_SIMILARITY = 0.5;
/** Least word similarity for a deleted and an inserted block to be a move. */
const MOVE_SIMILARITY = 0.9;
/** Candidates looked at for each block when pairing (keeps a long run of new blocks linear). */
const PAIR_WINDOW = 20;
/** Most deleted × inserted blocks compared for near-equal moves (exact moves are always found). */
const MOVE_COMPARISONS = 40_000;

/**
 * Align the blocks of the old and the new edition. The steps list every block of both editions
 * once: equal and changed pairs, insertions, and deletions placed after the new block they
 * followed.
 */
export function alignBlocks<TextUnit extends AlignableBlock>(oldUnits: readonly TextUnit[], newUnits: readonly TextUnit[], lang: string): BlockStep<TextUnit>[] {
  const steps: BlockStep<TextUnit>[] = [];
  const tokens = new Map<AlignableBlock, string[]>();
  const tokensOf = (unit: AlignableBlock): string[] => {
    let found = tokens.get(unit);
    // White space is left out: every paragraph has plenty, and it says nothing about likeness.
    if (!found) tokens.set(unit, (found = wordTokens(unit.text, lang).map((token) => token.text).filter((token) => token.trim() !== '')));
    return found;
  };
  const similarity: Similarity = (a, b, least) => tokenSimilarity(tokensOf(a), tokensOf(b), least);
  const changes = diffArrays(
    oldUnits.map((unit) => unit.key),
    newUnits.map((unit) => unit.key),
  );
  let oldIndex = 0;
  let newIndex = 0;
  let removed: TextUnit[] = [];
  let added: TextUnit[] = [];
  let anchor: TextUnit | undefined;
  const flush = () => {
    anchor = pairGap(removed, added, anchor, steps, similarity);
    removed = [];
    added = [];
  };
  for (const change of changes) {
    const count = change.value.length;
    if (change.removed) {
      removed.push(...oldUnits.slice(oldIndex, oldIndex + count));
      oldIndex += count;
    } else if (change.added) {
      added.push(...newUnits.slice(newIndex, newIndex + count));
      newIndex += count;
    } else {
      flush();
      for (let offset = 0; offset < count; offset++) {
        const old = oldUnits[oldIndex + offset];
        const next = newUnits[newIndex + offset];
        if (old && next) steps.push({ kind: 'equal', old, new: next });
        anchor = next;
      }
      oldIndex += count;
      newIndex += count;
    }
  }
  flush();
  findMoves(steps, similarity);
  return steps;
}

/**
 * The steps for one run of removed and added blocks between equal ones: similar blocks of the
 * same kind paired in order, the rest deleted (after the block before them) or inserted.
 * Resolves to the last new block, the anchor for what follows.
 */
function pairGap<TextUnit extends AlignableBlock>(removed: TextUnit[], added: TextUnit[], anchor: TextUnit | undefined, steps: BlockStep<TextUnit>[], similarity: Similarity): TextUnit | undefined {
  let nextAdded = 0;
  let last = anchor;
  for (const old of removed) {
    let best = -1;
    let bestScore = PAIR_SIMILARITY;
    const limit = Math.min(added.length, nextAdded + PAIR_WINDOW);
    for (let index = nextAdded; index < limit; index++) {
      const candidate = added[index];
      if (!candidate || !pairable(old, candidate)) continue;
      const score = similarity(old, candidate, bestScore);
      if (score > bestScore || (best < 0 && score === bestScore)) {
        bestScore = score;
        best = index;
      }
    }
    // A heading reworded beyond recognition, in the place of the old one, is still that heading;
    // so is a block that could not be written back as a deleted block (a footnote's first paragraph).
    const inPlace = added[nextAdded];
    if (best < 0 && inPlace && pairable(old, inPlace) && ((old.depth !== undefined && inPlace.depth === old.depth) || (old.keepsPlace === true && old.kind === 'text'))) best = nextAdded;
    if (best < 0) {
      steps.push({ kind: 'delete', old, after: last });
      continue;
    }
    for (; nextAdded < best; nextAdded++) {
      const inserted = added[nextAdded];
      if (inserted) steps.push({ kind: 'insert', new: inserted });
      last = inserted ?? last;
    }
    const paired = added[best];
    if (paired) steps.push({ kind: 'change', old, new: paired });
    last = paired ?? last;
    nextAdded = best + 1;
  }
  for (; nextAdded < added.length; nextAdded++) {
    const inserted = added[nextAdded];
    if (inserted) steps.push({ kind: 'insert', new: inserted });
    last = inserted ?? last;
  }
  return last;
}

function pairable(old: AlignableBlock, candidate: AlignableBlock): boolean {
  if (old.kind !== candidate.kind || old.kind === 'opaque') return false;
  if (old.kind === 'row') return old.cells?.length === candidate.cells?.length;
  return old.type === candidate.type;
}

/** Mark deleted and inserted text blocks with equal (or nearly equal) text as the two ends of a move. */
function findMoves<TextUnit extends AlignableBlock>(steps: BlockStep<TextUnit>[], similarity: Similarity): void {
  const deletes = steps.filter((step): step is Extract<BlockStep<TextUnit>, { kind: 'delete' }> => step.kind === 'delete' && step.old.kind === 'text' && step.old.text.trim() !== '');
  const inserts = steps.filter((step): step is Extract<BlockStep<TextUnit>, { kind: 'insert' }> => step.kind === 'insert' && step.new.kind === 'text' && step.new.text.trim() !== '');
  let moves = 0;
  const byText = new Map<string, Extract<BlockStep<TextUnit>, { kind: 'insert' }>[]>();
  for (const insert of inserts) {
    const key = insert.new.text.trim();
    byText.set(key, [...(byText.get(key) ?? []), insert]);
  }
  for (const remove of deletes) {
    const match = byText.get(remove.old.text.trim())?.find((insert) => insert.move === undefined);
    if (!match) continue;
    moves++;
    remove.move = match.move = `m${moves}`;
  }
  const openDeletes = deletes.filter((step) => step.move === undefined);
  const openInserts = inserts.filter((step) => step.move === undefined);
  if (openDeletes.length * openInserts.length > MOVE_COMPARISONS) return;
  for (const remove of openDeletes) {
    let best: Extract<BlockStep<TextUnit>, { kind: 'insert' }> | undefined;
    let bestScore = MOVE_SIMILARITY;
    for (const insert of openInserts) {
      if (insert.move !== undefined) continue;
      const [a, b] = [remove.old.text.length, insert.new.text.length];
      if (Math.min(a, b) < MOVE_SIMILARITY * Math.max(a, b)) continue;
      const score = similarity(remove.old, insert.new, bestScore);
      if (score >= bestScore) {
        bestScore = score;
        best = insert;
      }
    }
    if (!best) continue;
    moves++;
    remove.move = best.move = `m${moves}`;
  }
}
