import type { FootnoteDefinition } from 'mdast';

/**
 * Footnote numbers in order of first reference, as readers count them: the first footnote
 * referenced is 1 whatever the order of the definitions in the source.
 */
export class FootnoteRegistry {
  private readonly numbers = new Map<string, number>();
  private readonly order: string[] = [];

  /** @param definitions the document's footnote definitions by normalised identifier */
  constructor(readonly definitions: ReadonlyMap<string, FootnoteDefinition>) {}

  /** The number of a footnote, assigned at its first reference; undefined when it has no definition. */
  numberFor(identifier: string): number | undefined {
    const key = normalizeIdentifier(identifier);
    const known = this.numbers.get(key);
    if (known !== undefined) return known;
    if (!this.definitions.has(key)) return undefined;
    const assigned = this.order.length + 1;
    this.numbers.set(key, assigned);
    this.order.push(key);
    return assigned;
  }

  /** Footnotes referenced so far, in number order (the list may grow while notes are written). */
  get referenced(): readonly string[] {
    return this.order;
  }

  /** Definitions nothing refers to. */
  unreferenced(): FootnoteDefinition[] {
    return [...this.definitions].filter(([key]) => !this.numbers.has(key)).map(([, definition]) => definition);
  }
}

/** Identifiers of footnotes and link definitions match case-insensitively, with whitespace collapsed. */
export function normalizeIdentifier(identifier: string): string {
  return identifier.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase();
}
