/** An inclusive range of Unicode code points. */
export type CodepointRange = readonly [first: number, last: number];

/**
 * A set of code points kept as sorted, disjoint, non-adjacent ranges: small for the tens of
 * thousands of characters of a CJK font, and fast to query.
 */
export class CodepointSet {
  readonly #ranges: CodepointRange[];

  private constructor(ranges: CodepointRange[]) {
    this.#ranges = ranges;
  }

  /** The empty set. */
  static empty(): CodepointSet {
    return new CodepointSet([]);
  }

  /** A set made of any ranges (unsorted, overlapping or empty ones are fine). */
  static fromRanges(ranges: Iterable<CodepointRange>): CodepointSet {
    const sorted = [...ranges].filter(([first, last]) => first <= last).sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [first, last] of sorted) {
      const previous = merged.at(-1);
      if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
      else merged.push([first, last]);
    }
    return new CodepointSet(merged);
  }

  /** The ranges, sorted and disjoint. */
  get ranges(): readonly CodepointRange[] {
    return this.#ranges;
  }

  /** How many code points the set holds. */
  get size(): number {
    return this.#ranges.reduce((total, [first, last]) => total + last - first + 1, 0);
  }

  /** Whether the set holds `codepoint`. */
  has(codepoint: number): boolean {
    let low = 0;
    let high = this.#ranges.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [first, last] = this.#ranges[middle] ?? [0, -1];
      if (codepoint < first) high = middle - 1;
      else if (codepoint > last) low = middle + 1;
      else return true;
    }
    return false;
  }

  /** The code points in this set or in `other`. */
  union(other: CodepointSet): CodepointSet {
    return CodepointSet.fromRanges([...this.#ranges, ...other.#ranges]);
  }

  /** The code points in both this set and `other`. */
  intersect(other: CodepointSet): CodepointSet {
    const result: CodepointRange[] = [];
    let i = 0;
    let j = 0;
    const a = this.#ranges;
    const b = other.#ranges;
    while (i < a.length && j < b.length) {
      const [aFirst, aLast] = a[i] ?? [0, -1];
      const [bFirst, bLast] = b[j] ?? [0, -1];
      const first = Math.max(aFirst, bFirst);
      const last = Math.min(aLast, bLast);
      if (first <= last) result.push([first, last]);
      if (aLast < bLast) i++;
      else j++;
    }
    return new CodepointSet(result);
  }
}

/**
 * Parse a CSS `unicode-range` value (`U+4e00-9fff, U+3000, U+30??`) into a set. Returns
 * `undefined` for a value it cannot read.
 */
export function parseUnicodeRange(value: string): CodepointSet | undefined {
  const ranges: CodepointRange[] = [];
  for (const part of value.split(',')) {
    const match = /^\s*U\+([0-9a-f?]{1,6})(?:-([0-9a-f]{1,6}))?\s*$/i.exec(part);
    if (!match?.[1]) return undefined;
    const start = match[1];
    if (start.includes('?')) {
      ranges.push([parseInt(start.replaceAll('?', '0'), 16), parseInt(start.replaceAll('?', 'f'), 16)]);
    } else {
      const first = parseInt(start, 16);
      ranges.push([first, match[2] ? parseInt(match[2], 16) : first]);
    }
  }
  return CodepointSet.fromRanges(ranges);
}
