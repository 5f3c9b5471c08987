import type { Code, Paragraph, Root, RootContent, Table } from 'mdast';
import type { TopLevelSpec } from 'vega-lite';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Figure } from '../types.ts';
import type { Chart, ChartTable, ChartValue } from '../charts/chart-node.ts';
import { readSpec, type SourcePlace, type SpecSource } from '../charts/spec-source.ts';
import { readDataFile } from '../charts/data-file.ts';
import { tableRecords } from '../charts/table-data.ts';
import { checkSpec } from '../charts/check-spec.ts';
import { describeChart } from '../charts/describe-chart.ts';
import { runChart } from '../charts/render-chart.ts';
import { flag } from '../util/messages.ts';
import { closestWord } from '../util/did-you-mean.ts';
import { noteRead } from '../cache/reads.ts';
import { sha256 } from '../cache/hash.ts';

/** Options of `remarkCharts`. */
export interface RemarkChartsOptions {
  /** Absolute folder of the source: data files are read from here and nowhere else. */
  baseDir: string;
}

/**
 * Most rows a chart's data may have: vega draws 20,000 points in about 25 s and 1 GB, 200,000 in
 * minutes and 2.8 GB; the data table behind the chart (and Word's) has a row for each.
 */
export const MAX_CHART_ROWS = 10_000;

/** `{#fig-…}` in a chart fence's info string: the figure's label. */
const FENCE_LABEL = /^\s*\{#(\p{L}[\p{L}\p{N}_-]*)\}\s*$/u;

/**
 * Read every ```` ```chart ```` block: a Vega-Lite specification in YAML or JSON whose data is
 * inline (`values`), a CSV, TSV or JSON file beside the source (`url`, read here from inside the
 * document's folder only, never from the network, and noted for the build cache), or a table of
 * the same document by its label (`table: tbl-targets`, its header row the field names). A valid
 * block becomes a `chart` node carrying the specification with its data inlined, the data as a
 * table and a text alternative made from it. A block labelled in its info string
 * (```` ```chart {#fig-gdp} ````) or followed on the next line by a caption line becomes a
 * figure, numbered with the images' figures. A syntax error, an invalid specification, a data
 * file that cannot be read, an unknown table label and a field the data lacks are errors at
 * their place in the block; the block then stays a code block.
 */
export function remarkCharts(options: RemarkChartsOptions) {
  return async (tree: Root, file: VFile): Promise<void> => {
    const blocks: { code: Code; index: number; parent: { children: RootContent[] } }[] = [];
    visit(tree, 'code', (code, index, parent) => {
      if (code.lang === 'chart' && parent && index !== undefined) blocks.push({ code, index, parent: parent as { children: RootContent[] } });
    });
    if (blocks.length === 0) return;
    const tables = new Map<string, Table>();
    visit(tree, 'table', (table) => {
      const id = table.data?.label?.id;
      if (id !== undefined && !tables.has(id)) tables.set(id, table);
    });
    const language = (file.data.meta?.lang ?? 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
    // Backwards, so that a figure replacing a block and its caption leaves the earlier indexes alone.
    const made = new Map<Code, Chart>();
    for (const block of blocks) {
      const chart = await readChart(block.code, file, options.baseDir, tables, language);
      if (chart) made.set(block.code, chart);
    }
    for (const { code, index, parent } of [...blocks].reverse()) {
      const chart = made.get(code);
      if (!chart) continue;
      const label = FENCE_LABEL.exec(code.meta ?? '')?.[1];
      const next = parent.children[index + 1];
      const caption = next?.type === 'paragraph' && isCaptionLine(next, code) ? next : undefined;
      if (label === undefined && caption === undefined) {
        parent.children[index] = chart;
        continue;
      }
      const figure: Figure = {
        type: 'figure',
        children: [chart],
        caption: caption?.children ?? [],
        ...(label !== undefined ? { data: { label: { id: label, ...labelPosition(code, file) } } } : {}),
        ...(code.position ? { position: { start: code.position.start, end: caption?.position?.end ?? code.position.end } } : {}),
      };
      parent.children.splice(index, caption ? 2 : 1, figure);
    }
  };
}

/** A one-line paragraph right under the closing fence (no blank line between): the chart's caption. */
function isCaptionLine(paragraph: Paragraph, code: Code): boolean {
  const end = code.position?.end.line;
  const start = paragraph.position?.start.line;
  return end !== undefined && start === end + 1 && paragraph.position?.end.line === start && paragraph.data?.tableCaption === undefined;
}

/** Where `{#…}` stands on the opening fence line. */
function labelPosition(code: Code, file: VFile): { position?: { start: { line: number; column: number; offset: number }; end: { line: number; column: number; offset: number } } } {
  const start = code.position?.start;
  if (start?.offset === undefined) return {};
  const source = String(file.value);
  const lineEnd = source.indexOf('\n', start.offset);
  const at = source.slice(start.offset, lineEnd === -1 ? undefined : lineEnd).indexOf('{#');
  const close = source.indexOf('}', start.offset + at);
  if (at === -1 || close === -1) return {};
  const offset = start.offset + at;
  return { position: { start: { line: start.line, column: start.column + at, offset }, end: { line: start.line, column: start.column + at + (close + 1 - offset), offset: close + 1 } } };
}

/** The chart a block makes, or undefined (its problems reported) when it cannot be drawn. */
async function readChart(code: Code, file: VFile, baseDir: string, tables: ReadonlyMap<string, Table>, language: 'en' | 'zh'): Promise<Chart | undefined> {
  const fence = code.position?.start;
  const read = readSpec(code.value, (fence?.line ?? 0) + 1, (fence?.column ?? 1) - 1);
  if (!read.ok) {
    flag(file, 'chart-syntax', read.place, { format: read.format, message: read.message });
    return undefined;
  }
  const { source } = read;
  const data = await chartData(source, file, baseDir, tables, fence);
  if (!data) return undefined;
  if (data.records.length > MAX_CHART_ROWS) {
    const given = source.spec['data'] as Record<string, unknown>;
    const key = 'url' in given ? 'url' : 'values' in given ? 'values' : 'table';
    flag(file, 'chart-data-too-long', source.place(['data', key]), { rows: data.records.length, limit: MAX_CHART_ROWS });
    return undefined;
  }
  const spec = { ...source.spec, data: { values: data.records } } as unknown as TopLevelSpec;
  const checked = checkSpec(spec, data.table.columns);
  let failed = false;
  for (const problem of checked.problems) {
    const place = problem.path.length > 0 ? source.place(problem.path) : fence ? { line: fence.line, column: fence.column } : undefined;
    if (problem.rule === 'chart-field-unknown') flag(file, 'chart-field-unknown', place, { field: problem.field, channel: problem.channel, fields: problem.fields, suggestion: problem.suggestion });
    else flag(file, problem.rule, place, { message: problem.message });
    if (problem.rule !== 'chart-warning') failed = true;
  }
  if (failed || !checked.vega) return undefined;
  const failure = await runChart(checked.vega);
  if (failure !== undefined) {
    flag(file, 'chart-spec', fence ? { line: fence.line, column: fence.column } : undefined, { message: failure });
    return undefined;
  }
  const chart: Chart = {
    type: 'chart',
    value: code.value,
    data: { spec, table: data.table, description: describeChart(source.spec, data.table, language), texts: textsOf(source.spec, data.table) },
    ...(code.position ? { position: code.position } : {}),
  };
  return chart;
}

/** The records a chart plots and the same data as a table, or undefined (reported) when they cannot be had. */
async function chartData(
  source: SpecSource,
  file: VFile,
  baseDir: string,
  tables: ReadonlyMap<string, Table>,
  fence: { line: number; column: number } | undefined,
): Promise<{ records: Record<string, unknown>[]; table: ChartTable } | undefined> {
  const data = source.spec['data'];
  const place = (path: (string | number)[]): SourcePlace | undefined => (source ? source.place(path) : fence);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    flag(file, 'chart-spec', place(data === undefined ? [] : ['data']), { message: 'give the data as `data: {values: […]}`, `data: {url: file.csv}` or `data: {table: tbl-label}`' });
    return undefined;
  }
  const { values, url, table, format } = data as Record<string, unknown>;
  if (Array.isArray(values)) {
    const records = values.map((value) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : { data: value }));
    return { records, table: asTable(records) };
  }
  if (typeof url === 'string') {
    const read = await readDataFile(url, baseDir, typeof format === 'object' && format !== null ? (format as { type?: unknown; property?: unknown }) : undefined);
    if (read.file !== undefined) noteRead(file, read.file, read.ok ? sha256(read.bytes) : undefined);
    if (!read.ok) {
      flag(file, 'chart-data-file', place(['data', 'url']), { url, problem: read.problem, detail: read.detail });
      return undefined;
    }
    return { records: read.records, table: asTable(read.records) };
  }
  if (typeof table === 'string') {
    const label = table.replace(/^#/, '');
    const found = tables.get(label);
    if (!found) {
      flag(file, 'chart-table-unknown', place(['data', 'table']), { label, suggestion: closestWord(label, [...tables.keys()]) });
      return undefined;
    }
    const { columns, records } = tableRecords(found);
    return { records, table: { columns, rows: records.map((record) => columns.map((column) => record[column] ?? null)) } };
  }
  flag(file, 'chart-spec', place(['data']), { message: 'give the data as `data: {values: […]}`, `data: {url: file.csv}` or `data: {table: tbl-label}`' });
  return undefined;
}

/** Records as a table: the fields in the order they first appear, one row per record. */
function asTable(records: readonly Record<string, unknown>[]): ChartTable {
  const columns = [...new Set(records.flatMap((record) => Object.keys(record)))];
  return { columns, rows: records.map((record) => columns.map((column) => chartValue(record[column]))) };
}

function chartValue(value: unknown): ChartValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  return JSON.stringify(value);
}

/** The text a chart may print: the strings of its specification (titles, labels) and of its data. */
function textsOf(spec: Record<string, unknown>, table: ChartTable): string[] {
  const texts = new Set<string>(table.columns);
  for (const row of table.rows) for (const value of row) if (typeof value === 'string') texts.add(value);
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string' && (key === 'title' || key === 'text' || key === 'subtitle' || key === 'description')) texts.add(value);
    else if (Array.isArray(value)) for (const inner of value) walk(inner, key);
    else if (typeof value === 'object' && value !== null) for (const [inner, nested] of Object.entries(value)) if (inner !== 'data') walk(nested, inner);
  };
  walk(spec, '');
  return [...texts];
}
