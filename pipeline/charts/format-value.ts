import type { ChartValue } from './chart-node.ts';
import type { CrossrefTarget } from '../types.ts';

/** A data value as the data table shows it: numbers and text as they are, dates as `YYYY-MM-DD`, nothing as empty. */
export function formatValue(value: ChartValue): string {
  if (value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value);
}

/** The word of a chart's data table: its disclosure's summary and Word's caption of it. */
export function dataTableLabel(language: string): string {
  return language.toLowerCase().startsWith('zh') ? '图表数据' : 'Chart data';
}

/**
 * The caption of a chart's data table: `图1的数据` / `Data of Figure 1` for a numbered chart, else
 * the data label with the chart's place among the report's charts (`图表数据 2`): each names its
 * own table (screen readers list the tables' regions by these names).
 */
export function dataTableCaption(language: string, target: CrossrefTarget | undefined, index: number): string {
  const zh = language.toLowerCase().startsWith('zh');
  if (target) return zh ? `${target.text}的数据` : `Data of ${target.text}`;
  return `${dataTableLabel(language)} ${index}`;
}
