import type { Data, Literal } from 'mdast';
import type { TopLevelSpec } from 'vega-lite';

/** One value of a chart's data: what vega's type inference makes of a cell (text, number, boolean, date) or nothing. */
export type ChartValue = string | number | boolean | Date | null;

/** A chart's data as a table: the field names in order and one row of values per record. */
export interface ChartTable {
  columns: string[];
  rows: ChartValue[][];
}

/** What `remarkCharts` learnt of a valid chart block, for every renderer. */
export interface ChartData extends Data {
  /** The Vega-Lite specification with its data inlined (`data: {values}`), ready to compile. */
  spec?: TopLevelSpec;
  /** The data as a table (the HTML disclosure, Word's data table, the text alternative). */
  table?: ChartTable;
  /** The text alternative made from the data: chart type, axes, series and extremes. */
  description?: string;
  /** Text the chart may print (titles, labels, data values): checked against the print fonts. */
  texts?: string[];
}

/**
 * A chart: a fenced ```` ```chart ```` block whose Vega-Lite specification `remarkCharts`
 * read and checked. Its `value` is the specification as written; a labelled or captioned chart
 * is the child of a figure.
 */
export interface Chart extends Literal {
  type: 'chart';
  data?: ChartData;
}

declare module 'mdast' {
  interface RootContentMap {
    chart: Chart;
  }
  interface BlockContentMap {
    chart: Chart;
  }
}
