import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document } from 'yaml';
import { plugins, logger } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CslItem } from './types.ts';
import type { PendingMessage } from '../util/messages.ts';
import { readRegularFile } from '../util/read-regular-file.ts';
import { isInside } from '../render/pdf/local-files.ts';
import { lineStarts } from '../fix/source-offsets.ts';
import { pointAt, type SourceText } from '../transform/support/text-slice.ts';

/** A bibliography file named in front matter, and where it is named. */
export interface BibliographySource {
  /** The path as written, relative to the source's folder. */
  path: string;
  place: { line: number; column: number };
}

/** A bibliography entry and where it starts in its file. */
export interface PlacedItem {
  item: CslItem;
  /** The file as messages name it (beside the source, as written). */
  file: string;
  line: number;
  column: number;
}

/** The entries of every bibliography file by key, the files read (with their bytes' use), and the problems found. */
export interface LoadedBibliography {
  items: Map<string, PlacedItem>;
  problems: PendingMessage[];
  /** Absolute paths read, with their bytes (for the build cache), or looked for and absent. */
  reads: { path: string; bytes?: Uint8Array }[];
}

/** Largest bibliography file read (bytes). */
export const MAX_BIBLIOGRAPHY_BYTES = 16 * 1024 * 1024;

/** The formats by file extension. */
const FORMATS: Record<string, 'csl-json' | 'csl-yaml' | 'bibtex' | 'ris'> = { '.json': 'csl-json', '.yaml': 'csl-yaml', '.yml': 'csl-yaml', '.bib': 'bibtex', '.bibtex': 'bibtex', '.ris': 'ris' };

/** A problem inside one bibliography file, at a place of it. */
type FileProblem = { offset: number; detail: string };

/**
 * Read the bibliography files named in front matter, from inside the source's folder only
 * (after following symbolic links): CSL-JSON (`.json`), CSL-YAML (`.yaml`, `.yml`; a list, or a
 * mapping with `references`), BibTeX and BibLaTeX (`.bib`, with citation-js) and RIS (`.ris`).
 * A file that is missing or outside the folder is `bibliography-missing` at its front-matter
 * line; one that cannot be read is `bibliography-invalid` at the place of its first problem in
 * that file (messages name the file); a key given twice (in one file or two) is
 * `bibliography-duplicate-key` at the second entry.
 */
export async function loadBibliography(sources: readonly BibliographySource[], baseDir: string, sourcePath: string | undefined): Promise<LoadedBibliography> {
  const loaded: LoadedBibliography = { items: new Map(), problems: [], reads: [] };
  const root = await realpath(baseDir).catch(() => baseDir);
  for (const source of sources) {
    const shown = sourcePath === undefined ? source.path : path.join(path.dirname(sourcePath), source.path);
    const format = FORMATS[path.extname(source.path).toLowerCase()];
    if (format === undefined) {
      loaded.problems.push({ rule: 'bibliography-invalid', place: source.place, args: { file: source.path, detail: undefined, kind: 'format' } });
      continue;
    }
    const candidate = path.resolve(root, source.path);
    const real = path.isAbsolute(source.path) || !isInside(root, candidate) ? undefined : await realpath(candidate).catch(() => null);
    if (real === undefined || (real !== null && !isInside(root, real))) {
      loaded.problems.push({ rule: 'bibliography-missing', place: source.place, args: { file: source.path, kind: 'outside' } });
      continue;
    }
    let bytes: Uint8Array;
    try {
      if (real === null) throw new Error('absent');
      bytes = await readRegularFile(real);
    } catch {
      loaded.reads.push({ path: candidate });
      loaded.problems.push({ rule: 'bibliography-missing', place: source.place, args: { file: source.path, kind: 'absent' } });
      continue;
    }
    loaded.reads.push({ path: candidate, bytes });
    if (bytes.length > MAX_BIBLIOGRAPHY_BYTES) {
      loaded.problems.push({ rule: 'bibliography-invalid', place: source.place, args: { file: source.path, detail: `${(bytes.length / 1048576).toFixed(1)} MB`, kind: 'size' } });
      continue;
    }
    const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
    const lines: SourceText = { text, lineStarts: lineStarts(text) };
    const at = (offset: number) => {
      const point = pointAt(lines, Math.max(0, Math.min(offset, text.length)));
      return { line: point.line, column: point.column, path: shown };
    };
    const parsed = parseEntries(text, format);
    logger._log.length = 0;
    if ('problem' in parsed) {
      loaded.problems.push({ rule: 'bibliography-invalid', place: at(parsed.problem.offset), args: { file: source.path, detail: parsed.problem.detail, kind: 'syntax' } });
      continue;
    }
    for (const { item, offset } of parsed.entries) {
      const place = at(offset);
      const first = loaded.items.get(item.id);
      if (first !== undefined) {
        loaded.problems.push({ rule: 'bibliography-duplicate-key', place, args: { key: item.id, first: `${first.file}:${first.line}` } });
        continue;
      }
      loaded.items.set(item.id, { item, file: shown, line: place.line, column: place.column });
    }
  }
  return loaded;
}

/** The entries of one file with the offset each starts at, or its first problem. */
function parseEntries(text: string, format: 'csl-json' | 'csl-yaml' | 'bibtex' | 'ris'): { entries: { item: CslItem; offset: number }[] } | { problem: FileProblem } {
  switch (format) {
    case 'csl-json':
      return cslJson(text);
    case 'csl-yaml':
      return cslYaml(text);
    case 'bibtex':
      return bibtex(text);
    case 'ris':
      return ris(text);
  }
}

function cslJson(text: string): { entries: { item: CslItem; offset: number }[] } | { problem: FileProblem } {
  try {
    JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/u.exec(message)?.[1];
    return { problem: { offset: position === undefined ? text.length : Number(position), detail: message.replace(/\s*\(line \d+ column \d+\)/u, '') } };
  }
  // The same text read by the YAML parser (JSON is YAML) gives each entry's place.
  return cslData(parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: false }), text);
}

function cslYaml(text: string): { entries: { item: CslItem; offset: number }[] } | { problem: FileProblem } {
  const document = parseDocument(text, { uniqueKeys: false });
  const error = document.errors[0];
  if (error) return { problem: { offset: error.pos[0], detail: error.message.split('\n')[0] ?? '' } };
  return cslData(document, text);
}

/** Entries of a CSL-JSON or CSL-YAML document: a list of items, or a mapping whose `references` is one. */
function cslData(document: Document, text: string): { entries: { item: CslItem; offset: number }[] } | { problem: FileProblem } {
  let list: unknown = document.contents;
  if (isMap(list)) list = list.get('references', true);
  if (!isSeq(list)) return { problem: { offset: rangeStartOf(document.contents) ?? 0, detail: 'expected a list of CSL items (or a mapping with `references:`)' } };
  const entries: { item: CslItem; offset: number }[] = [];
  for (const node of list.items) {
    const offset = rangeStartOf(node) ?? text.length;
    const value: unknown = isMap(node) ? node.toJSON() : undefined;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { problem: { offset, detail: 'an entry is not a mapping of CSL variables' } };
    const record = value as Record<string, unknown>;
    const id = record.id;
    if (typeof id !== 'string' && typeof id !== 'number') return { problem: { offset, detail: 'an entry has no `id` (its citation key)' } };
    const idNode = isMap(node) ? node.items.find((pair) => isScalar(pair.key) && pair.key.value === 'id') : undefined;
    const item: CslItem = { ...normalizeDates(record), id: String(id), type: typeof record.type === 'string' ? record.type : 'document' };
    entries.push({ item, offset: rangeStartOf(idNode?.key) ?? offset });
  }
  return { entries };
}

const DATE_VARIABLES = ['issued', 'accessed', 'original-date', 'event-date', 'submitted', 'available-date'];

/** Dates written as text or a year (`issued: 2024-03-01`, `issued: 2024`) as CSL dates citeproc-js reads. */
function normalizeDates(record: Record<string, unknown>): Record<string, unknown> {
  const result = { ...record };
  for (const variable of DATE_VARIABLES) {
    const value = result[variable];
    if (typeof value === 'string' || typeof value === 'number') {
      const parts = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/u.exec(String(value).trim());
      result[variable] = parts ? { 'date-parts': [parts.slice(1).filter((part) => part !== undefined).map(Number)] } : { literal: String(value) };
    }
  }
  return result;
}

function rangeStartOf(node: unknown): number | undefined {
  if (node && typeof node === 'object' && 'range' in node) return (node as { range?: [number, number, number] | null }).range?.[0];
  return undefined;
}

/** An entry's start in a BibTeX file: `@type{key,` (not `@string`, `@preamble`, `@comment`). */
const BIBTEX_ENTRY = /@\s*([A-Za-z]+)\s*[{(]\s*([^,\s{}()]+)\s*,/gu;

function bibtex(text: string): { entries: { item: CslItem; offset: number }[] } | { problem: FileProblem } {
  let items: object[];
  try {
    items = plugins.input.chain(text, { forceType: '@biblatex/text', generateGraph: false });
  } catch (error) {
    return { problem: citationJsProblem(error, text) };
  }
  const starts = new Map<string, number[]>();
  for (const match of text.matchAll(BIBTEX_ENTRY)) {
    if (/^(?:string|preamble|comment)$/iu.test(match[1] ?? '')) continue;
    const key = match[2] ?? '';
    starts.set(key, [...(starts.get(key) ?? []), match.index]);
  }
  return { entries: placed(items, starts, text) };
}

/** The items with their places, the n-th item of a key at the n-th place found for it. */
function placed(items: readonly object[], starts: ReadonlyMap<string, number[]>, text: string): { item: CslItem; offset: number }[] {
  const used = new Map<string, number>();
  return items.map((raw) => {
    const record = raw as Record<string, unknown>;
    const id = String(record.id ?? record['citation-key'] ?? '');
    const count = used.get(id) ?? 0;
    used.set(id, count + 1);
    const { _graph: _unused, ...rest } = record;
    return { item: { ...rest, id, type: typeof record.type === 'string' ? record.type : 'document' }, offset: starts.get(id)?.[count] ?? text.length };
  });
}

/** A citation-js parser error as a place and text: BibTeX's name their line and column. */
function citationJsProblem(error: unknown, text: string): FileProblem {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n')[0] ?? '';
  const place = /at line (\d+) col (\d+)/u.exec(first);
  const detail = first.replace(/\s*at line \d+ col \d+:?\s*$/u, '');
  if (!place) return { offset: 0, detail };
  const starts = lineStarts(text);
  return { offset: (starts[Number(place[1]) - 1] ?? 0) + Number(place[2]) - 1, detail };
}

/** A record's start in an RIS file (`TY  - JOUR`). */
const RIS_START = /^TY {2}- /gmu;

function ris(text: string): { entries: { item: CslItem; offset: number }[] } | { problem: FileProblem } {
  const recordStarts = [...text.matchAll(RIS_START)].map((match) => match.index);
  if (recordStarts.length === 0) return { problem: { offset: 0, detail: 'no record starts with `TY  - `' } };
  for (const [index, start] of recordStarts.entries()) {
    const record = text.slice(start, recordStarts[index + 1] ?? text.length);
    if (!/^ID {2}- \S/mu.test(record)) return { problem: { offset: start, detail: 'a record has no `ID  - ` line (its citation key)' } };
    if (!/^ER {2}-/mu.test(record)) return { problem: { offset: start, detail: 'a record does not end with `ER  - `' } };
  }
  let items: object[];
  try {
    items = plugins.input.chain(text, { forceType: '@ris/file', generateGraph: false });
  } catch (error) {
    return { problem: citationJsProblem(error, text) };
  }
  const starts = new Map<string, number[]>();
  for (const start of recordStarts) {
    const key = /^ID {2}- (.+?)\s*$/mu.exec(text.slice(start))?.[1] ?? '';
    starts.set(key, [...(starts.get(key) ?? []), start]);
  }
  return { entries: placed(items, starts, text) };
}
