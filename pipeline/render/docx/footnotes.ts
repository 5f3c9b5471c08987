import type { FootnoteDefinition } from 'mdast';

/**
 * Footnote numbers in order of reference, as readers count them: the first footnote referenced
 * is 1 whatever the order of the definitions in the source. A note cited twice becomes two Word
 * footnotes with the same text: Word allows one reference per footnote and reports a file with
 * two as damaged.
 */
export class FootnoteRegistry {
  private readonly numbers = new Map<string, number>();
  private readonly order: string[] = [];

  /** @param definitions the document's footnote definitions by normalised identifier */
  constructor(readonly definitions: ReadonlyMap<string, FootnoteDefinition>) {}

  /** The Word footnote number for one reference; undefined when the note has no definition. */
  numberFor(identifier: string): number | undefined {
    const key = normalizeIdentifier(identifier);
    if (!this.definitions.has(key)) return undefined;
    const assigned = this.order.length + 1;
    if (!this.numbers.has(key)) this.numbers.set(key, assigned);
    this.order.push(key);
    return assigned;
  }

  /** The definition behind each Word footnote so far, in number order (one entry per reference). */
  get referenced(): readonly string[] {
    return this.order;
  }
}

/** Identifiers of footnotes and link definitions match case-insensitively, with whitespace collapsed. */
export function normalizeIdentifier(identifier: string): string {
  return identifier.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase();
}
