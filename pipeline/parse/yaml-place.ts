import { LineCounter } from 'yaml';
import type { Place } from '../util/messages.ts';

/** Maps offsets in a YAML text to places in the file that holds it. */
export interface YamlPlaces {
  /** Pass to `parseDocument` so that offsets can be turned into lines. */
  lineCounter: LineCounter;
  /** The place of an offset of the YAML text (its start when unknown). */
  at: (offset: number | undefined) => Place;
}

/**
 * Places for a YAML text that starts on line `firstLine` of its file; `path` names the file
 * when it is not the source (a configuration file).
 */
export function yamlPlaces(firstLine: number, path?: string): YamlPlaces {
  const lineCounter = new LineCounter();
  const at = (offset: number | undefined): Place => {
    const position = lineCounter.linePos(offset ?? 0);
    const place = { line: firstLine + position.line - 1, column: position.col };
    return path === undefined ? place : { ...place, path };
  };
  return { lineCounter, at };
}

/** Start offset of a YAML node (or pair key), when it has a range. */
export function rangeStart(node: unknown): number | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: [number, number, number] | null }).range;
    return range?.[0];
  }
  return undefined;
}

/** A YAML node's value as plain data (scalars, lists, mappings). */
export function plainValue(node: unknown): unknown {
  if (node && typeof node === 'object' && 'toJSON' in node && typeof node.toJSON === 'function') return (node.toJSON as () => unknown).call(node);
  return node;
}

/** A value as shown in a message: JSON, or its string form. */
export function shown(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
