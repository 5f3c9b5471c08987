import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { yamlPlaces, rangeStart } from '../parse/yaml-place.ts';

/** A place in the source: line and column. */
export interface SourcePlace {
  line: number;
  column: number;
}

/** A chart specification read from its block, with the places of its values in the source. */
export interface SpecSource {
  /** The specification as plain data. */
  spec: Record<string, unknown>;
  /** Whether it was written as JSON (else YAML). */
  format: 'YAML' | 'JSON';
  /** The place of the value at `path` (keys and indexes), or of the nearest written value above it. */
  place(path: readonly (string | number)[]): SourcePlace;
}

/** What reading a block gives: the specification, or the syntax error and its place. */
export type SpecRead = { ok: true; source: SpecSource } | { ok: false; format: 'YAML' | 'JSON'; message: string; place: SourcePlace };

/**
 * Read a chart block's text as YAML, or as JSON when it starts with `{` (YAML's flow syntax
 * reads JSON, and tells where it breaks; JSON.parse does not). `firstLine` and `indent` say
 * where the text starts in the source (the line after the opening fence, the fence's indent).
 */
export function readSpec(text: string, firstLine: number, indent: number): SpecRead {
  const format = /^\s*\{/.test(text) ? 'JSON' : 'YAML';
  const places = yamlPlaces(firstLine);
  const toPlace = (offset: number | undefined): SourcePlace => {
    const place = places.at(offset) as SourcePlace;
    return { line: place.line, column: place.column + indent };
  };
  const document = parseDocument(text, { lineCounter: places.lineCounter, prettyErrors: true, uniqueKeys: true });
  const error = document.errors[0];
  if (error) {
    const offset = Math.min(error.pos[0], Math.max(0, text.trimEnd().length - 1));
    return { ok: false, format, message: firstLine_(error.message), place: toPlace(offset) };
  }
  const spec: unknown = document.toJS({ maxAliasCount: 100 });
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    return { ok: false, format, message: format === 'JSON' ? 'the specification must be an object' : 'the specification must be a mapping (`mark: bar`, `encoding: …`)', place: toPlace(0) };
  }
  return { ok: true, source: { spec: spec as Record<string, unknown>, format, place: (path) => toPlace(offsetOf(document, path)) } };
}

/** The first line of a YAML error message (the rest is a drawing of the line). */
function firstLine_(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/** Start offset of the value at `path`, or of the deepest value above it that is written. */
function offsetOf(document: Document, path: readonly (string | number)[]): number {
  let node: unknown = document.contents;
  let offset = rangeStart(node) ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      node = pair.value;
      offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      offset = rangeStart(node) ?? offset;
    } else break;
  }
  return offset;
}
