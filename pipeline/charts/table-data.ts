import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { inferType } from 'vega';
import type { ChartValue } from './chart-node.ts';

/** Full-width digits and the marks written with them in Chinese tables (`６．５％`, `－３`). */
const FULL_WIDTH = /[０-９．－＋，％]/g;

/**
 * A cell's text as vega's type inference should see it: full-width digits made ASCII, a trailing
 * `%` and thousands separators (`1,234`) taken off a number, so that `6%` and `1,234` read as 6
 * and 1234 as they would in a CSV file written for a chart.
 */
export function numericText(text: string): string {
  const ascii = text.trim().replace(FULL_WIDTH, (character) => String.fromCharCode((character.codePointAt(0) ?? 0) - 0xfee0));
  const bare = ascii.replace(/\s*%$/, '');
  return /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(bare) ? bare.replaceAll(',', '') : bare;
}

/** A cell that says a value is missing: a dash alone (`—`, `——`, `–`, `-`, `－`) or an ellipsis. */
const MISSING = /^(?:[—–\-－]{1,2}|…{1,2}|\.\.\.)$/;

/**
 * The records of a Markdown table: the header row's texts are the field names, each body row a
 * record. A column is typed as vega types a CSV column (`inferType`) from its cells' numeric
 * text ({@link numericText}): numbers, booleans or text as written; an empty cell, or one that
 * is a dash or an ellipsis alone (`—`, the mark Chinese statistical tables write for no data), is null.
 */
export function tableRecords(table: Table): { columns: string[]; records: Record<string, ChartValue>[] } {
  const [head, ...body] = table.children;
  const columns = uniqueNames((head?.children ?? []).map((cell) => toString(cell).trim()));
  const cells = body.map((row) =>
    columns.map((_, index) => {
      const text = toString(row.children[index] ?? { type: 'tableCell', children: [] }).trim();
      return MISSING.test(text) ? '' : text;
    }),
  );
  const types = columns.map((_, index) => {
    const values = cells.map((row) => numericText(row[index] ?? '')).filter((value) => value !== '');
    return values.length === 0 ? 'string' : inferType(values);
  });
  const records = cells.map((row) =>
    Object.fromEntries(
      columns.map((name, index): [string, ChartValue] => {
        const text = row[index] ?? '';
        if (text === '') return [name, null];
        const type = types[index];
        if (type === 'integer' || type === 'number') return [name, Number(numericText(text))];
        if (type === 'boolean') return [name, numericText(text).toLowerCase() === 'true'];
        return [name, text];
      }),
    ),
  );
  return { columns, records };
}

/** Header texts made usable as field names: an empty one is `column N`, a repeated one gets ` (2)`. */
function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((name, index) => {
    let unique = name === '' ? `column ${index + 1}` : name;
    for (let count = 2; seen.has(unique); count++) unique = `${name} (${count})`;
    seen.add(unique);
    return unique;
  });
}
