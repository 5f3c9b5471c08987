import path from 'node:path';
import { inferTypes, read } from 'vega';
import { resolveInside } from '../render/pdf/local-files.ts';
import { readRegularFile } from '../util/read-regular-file.ts';
import { urlScheme } from '../util/url-scheme.ts';
import type { ChartFileProblem } from '../util/catalogue/chart-rules.ts';

/** Largest data file a chart reads (bytes). */
export const MAX_DATA_BYTES = 10 * 1024 * 1024;

/** The formats a chart's data file may have. */
export type DataFormat = 'csv' | 'tsv' | 'json';

/** A data file read: its records, the file, and the bytes' text (for the build's fingerprint). */
export type DataFileRead =
  | { ok: true; records: Record<string, unknown>[]; file: string; bytes: Uint8Array }
  | { ok: false; problem: ChartFileProblem; detail?: string; file?: string };

/**
 * Read a chart's data file named by `url` (a path relative to the source), and only from inside
 * the document's folder `baseDir` (after following links). Network URLs are refused, never
 * fetched. CSV and TSV are typed as vega types them (`parse: 'auto'`); JSON must hold an array
 * of records (or `format.property` names where it is).
 */
export async function readDataFile(url: string, baseDir: string, format: { type?: unknown; property?: unknown } | undefined): Promise<DataFileRead> {
  const scheme = urlScheme(url);
  if (url.startsWith('//') || (scheme !== undefined && !/^[a-z]:[\\/]/i.test(url))) return { ok: false, problem: scheme === 'file' ? 'outside' : 'network' };
  let relative = url.split(/[?#]/)[0] ?? '';
  try {
    relative = decodeURIComponent(relative);
  } catch {
    // Keep the path as written.
  }
  const type = dataFormat(relative, format?.type);
  const found = await resolveInside(baseDir, relative);
  if (!found.ok) return { ok: false, problem: found.missing ? (found.reason === 'not a file' ? 'not-file' : 'absent') : 'outside', file: path.resolve(baseDir, relative) };
  if (type === undefined) return { ok: false, problem: 'format', file: found.file };
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(found.file);
  } catch (failure) {
    return { ok: false, problem: 'invalid', detail: failure instanceof Error ? failure.message : String(failure), file: found.file };
  }
  if (bytes.length > MAX_DATA_BYTES) return { ok: false, problem: 'too-large', file: found.file };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    const property = typeof format?.property === 'string' ? { property: format.property } : {};
    const records = (type === 'json' ? read(text, { type, parse: 'auto', ...property }) : readDelimited(text, type)) as unknown;
    if (!Array.isArray(records) || records.some((record) => record === null || typeof record !== 'object' || Array.isArray(record))) {
      return { ok: false, problem: 'invalid', detail: type === 'json' ? 'the JSON is not a list of records' : 'no records', file: found.file };
    }
    return { ok: true, records: records as Record<string, unknown>[], file: found.file, bytes };
  } catch (failure) {
    return { ok: false, problem: 'invalid', detail: failure instanceof Error ? failure.message : String(failure), file: found.file };
  }
}

/**
 * CSV or TSV records, each column typed as vega types it (`inferTypes`), except that a column of
 * dates keeps its text as written: vega would make it milliseconds since 1970, which the data
 * table and the text alternative would then show; Vega-Lite parses a `temporal` field's text itself.
 */
function readDelimited(text: string, type: 'csv' | 'tsv'): object[] {
  const rows = read(text, { type }) as Record<string, unknown>[] & { columns?: string[] };
  const fields = rows.columns ?? Object.keys(rows[0] ?? {});
  const types = inferTypes(rows, fields) as Record<string, string>;
  const parse = Object.fromEntries(Object.entries(types).filter(([, inferred]) => inferred !== 'date' && inferred !== 'string'));
  return read(text, { type, parse }) as object[];
}

/** The data format: `format.type` when given, else the file's extension. */
function dataFormat(file: string, declared: unknown): DataFormat | undefined {
  const named = typeof declared === 'string' ? declared.toLowerCase() : path.extname(file).slice(1).toLowerCase();
  return named === 'csv' || named === 'tsv' || named === 'json' ? named : undefined;
}
