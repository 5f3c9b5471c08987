/**
 * Where the characters of Markdown text nodes are in the source, so that transforms can point
 * at a single character and `press check --fix` can edit it in place.
 */
import type { Link, Text } from 'mdast';

/** An autolink (`<https://…>`, or a bare URL or e-mail address): its text is the URL, never changed. */
export function isAutolink(link: Link): boolean {
  const [only, ...rest] = link.children;
  if (rest.length > 0 || only?.type !== 'text') return false;
  return [only.value, `http://${only.value}`, `https://${only.value}`, `mailto:${only.value}`].includes(link.url);
}

const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;
const REFERENCE = /^&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/**
 * Where the characters of a text node are in the source: code-unit index in `text.value` →
 * source offset, for the characters written there as themselves. Characters from backslash
 * escapes and character references are left out, and so is every character of a node whose
 * value cannot be matched with its source (the node is then never edited).
 */
export function sourceOffsets(text: Text, source: string): Map<number, number> {
  const found = new Map<number, number>();
  const start = text.position?.start.offset;
  const end = text.position?.end.offset;
  if (start === undefined || end === undefined) return found;
  const value = text.value;
  let index = 0;
  let at = start;
  while (index < value.length && at < end) {
    const wanted = value[index];
    const here = source[at];
    const next = source[at + 1];
    if (here === '\\' && next !== undefined && at + 1 < end && ASCII_PUNCTUATION.test(next)) {
      if (next === wanted) {
        index++;
        at += 2;
      } else {
        at++;
      }
      continue;
    }
    if (here === '&') {
      const reference = REFERENCE.exec(source.slice(at, Math.min(end, at + 40)))?.[0];
      if (reference && !value.startsWith(reference, index)) {
        index += referenceLength(reference, value, index);
        at += reference.length;
        continue;
      }
    }
    if (here === wanted) {
      found.set(index, at);
      index++;
    }
    at++;
  }
  return index >= value.length ? found : new Map();
}

/** How many code units of `value` a character reference at `index` produced. */
function referenceLength(reference: string, value: string, index: number): number {
  const numeric = /^&#([xX])?([0-9A-Fa-f]+);$/.exec(reference);
  if (numeric?.[2]) {
    const code = Number.parseInt(numeric[2], numeric[1] ? 16 : 10);
    return code > 0xffff && code <= 0x10ffff ? 2 : 1;
  }
  const code = value.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff ? 2 : 1;
}

/** Offsets where each line of `source` starts (CR LF, LF and CR all end a line). */
export function lineStarts(source: string): number[] {
  const starts = [0];
  for (let at = 0; at < source.length; at++) {
    const char = source[at];
    if (char === '\n' || (char === '\r' && source[at + 1] !== '\n')) starts.push(at + 1);
  }
  return starts;
}

/** 1-based line and column of a source offset (columns count UTF-16 code units, as unist does). */
export function pointAt(starts: number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}
