/**
 * Compare two texts by words: `Intl.Segmenter` words in the text's language (dictionary words
 * for Chinese and Japanese, Latin words elsewhere), with each run of whitespace and each
 * punctuation mark a token of its own. Shared by `press compare` and `press review`.
 */
import { diffArrays } from 'diff';

/**
 * One difference: the old text's `[oldStart, oldEnd)` became the new text's `[newStart, newEnd)`
 * (offsets in UTF-16 code units). An empty old range is an insertion, an empty new range a
 * deletion, both non-empty a replacement.
 */
export interface DiffHunk {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** A word, a run of whitespace or a punctuation mark, and where it starts in its text. */
export interface WordToken {
  text: string;
  start: number;
}

/**
 * Edits beyond which the word diff stops looking for a finer alignment and reports what is left
 * between the common start and end as one replacement: a bound on time for texts that have
 * little in common (Myers' algorithm is O(N·D)).
 */
const MAX_EDIT_LENGTH = 2000;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: string): Intl.Segmenter {
  let found = segmenters.get(lang);
  if (!found) {
    let locale = lang;
    try {
      Intl.getCanonicalLocales(lang);
    } catch {
      locale = 'und';
    }
    found = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(lang, found);
  }
  return found;
}

/**
 * Split a text into words for comparison: the segmenter's words, whitespace runs and single
 * punctuation marks (a segment that is not word-like is split into whitespace runs and single
 * characters, so that `。”` is two tokens).
 */
export function wordTokens(text: string, lang: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const segment of segmenter(lang).segment(text)) {
    if (segment.isWordLike === true) {
      tokens.push({ text: segment.segment, start: segment.index });
      continue;
    }
    for (const match of segment.segment.matchAll(/\s+|[\s\S]/gu)) {
      tokens.push({ text: match[0], start: segment.index + (match.index ?? 0) });
    }
  }
  return tokens;
}

/**
 * The differences between two texts, by words, as hunks in text order. A replacement is one hunk
 * (not a deletion and an insertion side by side), and changes separated only by whitespace are
 * one hunk: `the quick fox` → `a slow fox` is one replacement of `the quick` by `a slow`.
 */
export function wordDiff(oldText: string, newText: string, lang: string): DiffHunk[] {
  if (oldText === newText) return [];
  const oldTokens = wordTokens(oldText, lang);
  const newTokens = wordTokens(newText, lang);
  const oldEnd = (index: number) => (index < oldTokens.length ? (oldTokens[index]?.start ?? oldText.length) : oldText.length);
  const newEnd = (index: number) => (index < newTokens.length ? (newTokens[index]?.start ?? newText.length) : newText.length);

  // The common start and end first: most edits are small, and what is left is then short.
  let head = 0;
  while (head < oldTokens.length && head < newTokens.length && oldTokens[head]?.text === newTokens[head]?.text) head++;
  let tail = 0;
  while (tail < oldTokens.length - head && tail < newTokens.length - head && oldTokens[oldTokens.length - 1 - tail]?.text === newTokens[newTokens.length - 1 - tail]?.text) tail++;
  const oldMiddle = oldTokens.slice(head, oldTokens.length - tail).map((token) => token.text);
  const newMiddle = newTokens.slice(head, newTokens.length - tail).map((token) => token.text);

  const hunks: DiffHunk[] = [];
  const changes = diffArrays(oldMiddle, newMiddle, { maxEditLength: MAX_EDIT_LENGTH });
  if (changes === undefined) {
    hunks.push({ oldStart: oldEnd(head), oldEnd: oldEnd(oldTokens.length - tail), newStart: newEnd(head), newEnd: newEnd(newTokens.length - tail) });
  } else {
    let oldIndex = head;
    let newIndex = head;
    for (const change of changes) {
      const count = change.value.length;
      if (!change.added && !change.removed) {
        oldIndex += count;
        newIndex += count;
        continue;
      }
      const hunk: DiffHunk = { oldStart: oldEnd(oldIndex), oldEnd: oldEnd(oldIndex), newStart: newEnd(newIndex), newEnd: newEnd(newIndex) };
      if (change.removed) {
        oldIndex += count;
        hunk.oldEnd = oldEnd(oldIndex);
      } else {
        newIndex += count;
        hunk.newEnd = newEnd(newIndex);
      }
      hunks.push(hunk);
    }
  }
  return mergeHunks(hunks, oldText);
}

/** Join hunks that touch, or that only whitespace in the old text separates. */
function mergeHunks(hunks: DiffHunk[], oldText: string): DiffHunk[] {
  const merged: DiffHunk[] = [];
  for (const hunk of hunks) {
    const last = merged.at(-1);
    if (last && /^\s*$/u.test(oldText.slice(last.oldEnd, hunk.oldStart))) {
      last.oldEnd = hunk.oldEnd;
      last.newEnd = hunk.newEnd;
    } else {
      merged.push({ ...hunk });
    }
  }
  return merged;
}

/**
 * How alike two texts are by words, from 0 (nothing in common) to 1 (equal): twice the number of
 * words and punctuation marks they share, in order, over the number of both (white space is
 * left out).
 */
export function similarity(oldText: string, newText: string, lang: string): number {
  const words = (text: string) => wordTokens(text, lang).map((token) => token.text).filter((token) => token.trim() !== '');
  return tokenSimilarity(words(oldText), words(newText));
}

/**
 * `similarity` of two texts already split into tokens (`wordTokens`). With `least`, any value
 * below it may come back as 0: the comparison stops as soon as it cannot reach `least`, first by
 * counting the tokens the texts share in any order, then by bounding the diff's edits.
 */
export function tokenSimilarity(oldTokens: readonly string[], newTokens: readonly string[], least = 0): number {
  const total = oldTokens.length + newTokens.length;
  if (total === 0) return 1;
  if (least > 0) {
    if ((2 * Math.min(oldTokens.length, newTokens.length)) / total < least) return 0;
    const counts = new Map<string, number>();
    for (const token of oldTokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    let shared = 0;
    for (const token of newTokens) {
      const left = counts.get(token) ?? 0;
      if (left > 0) {
        shared++;
        counts.set(token, left - 1);
      }
    }
    if ((2 * shared) / total < least) return 0;
  }
  // Each edit is one token added or removed: similarity = (total - edits) / total.
  const maxEditLength = least > 0 ? Math.floor((1 - least) * total) : total;
  const changes = diffArrays([...oldTokens], [...newTokens], { maxEditLength: Math.max(1, maxEditLength) });
  if (changes === undefined) return 0;
  let edits = 0;
  for (const change of changes) if (change.added || change.removed) edits += change.value.length;
  return (total - edits) / total;
}
