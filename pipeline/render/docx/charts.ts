import { ImageRun, Paragraph, TextRun, type FileChild } from 'docx';
import type { Root, Table, TableRow } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Template } from '../../template/load-template.ts';
import type { CrossrefTarget } from '../../types.ts';
import type { Chart } from '../../charts/chart-node.ts';
import { chartPng, type ChartPicture } from '../../charts/chart-png.ts';
import { dataTableCaption, formatValue } from '../../charts/format-value.ts';
import type { BlockState } from './context.ts';
import { renderBlocks } from './dispatch.ts';
import { fitInto } from './images.ts';
import { chartPictureName, chartProperty } from './chart-sources.ts';

/** The picture of each chart of a report, drawn before the Word file is written (drawing is asynchronous, handlers are not). */
export async function chartPictures(tree: Root, template: Template): Promise<ReadonlyMap<Chart, ChartPicture>> {
  const charts: { chart: Chart; prefix: string }[] = [];
  visit(tree, 'chart', (chart: Chart, _index, parent) => {
    const label = parent?.type === 'figure' ? parent.data?.crossref?.id : undefined;
    charts.push({ chart, prefix: `${label ?? `chart-${charts.length + 1}`}-svg` });
  });
  const pictures = new Map<Chart, ChartPicture>();
  for (const { chart, prefix } of charts) if (chart.data?.spec) pictures.set(chart, await chartPng(chart, template, prefix));
  return pictures;
}

/**
 * A chart as an inline picture: its SVG (Word 2016 and later draw it) with the PNG at print
 * resolution as the fallback other readers show, fitted to the space here (at most
 * `heightShare` of the text height), its text alternative as the picture's description.
 * Undefined when it was not drawn.
 */
export function chartRun(chart: Chart, state: BlockState, heightShare: number): ImageRun | undefined {
  const picture = state.ctx.charts.get(chart);
  if (!picture) return undefined;
  const size = fitInto(picture.cssWidth, picture.cssHeight, state.maxImageWidthPx, state.ctx.textHeightPx * heightShare);
  const description = chart.data?.description ?? '';
  return new ImageRun({
    type: 'svg',
    data: new TextEncoder().encode(picture.svg),
    fallback: { type: 'png', data: picture.bytes },
    transformation: size,
    altText: { id: String(state.ctx.nextDrawingId()), name: chartPictureName([...state.ctx.charts.keys()].indexOf(chart) + 1), description, title: description },
  });
}

/** The paragraph of a chart's picture (its description in brackets if it was not drawn). */
export function chartParagraph(chart: Chart, state: BlockState, heightShare: number): Paragraph {
  const run = chartRun(chart, state, heightShare);
  return new Paragraph({ style: 'Figure', children: [run ?? new TextRun(`[${chart.data?.description ?? 'chart'}]`)] });
}

/**
 * The chart's data as a Word table in the report's table style, when the template asks for it
 * (`chart.dataTable`), captioned `图1的数据` / `Data of Figure 1` (`dataTableCaption`):
 * written as the table of the source would be.
 */
export function chartDataTable(chart: Chart, target: CrossrefTarget | undefined, state: BlockState): FileChild[] {
  const table = chart.data?.table;
  if (!state.ctx.template.chart.dataTable || !table || state.inFootnote) return [];
  const caption = dataTableCaption(state.ctx.file.data.meta?.lang ?? 'en', target, [...state.ctx.charts.keys()].indexOf(chart) + 1);
  const row = (cells: string[]): TableRow => ({ type: 'tableRow', children: cells.map((value) => ({ type: 'tableCell', children: value === '' ? [] : [{ type: 'text', value }] })) });
  const numeric = table.columns.map((_, index) => table.rows.every((values) => values[index] === null || typeof values[index] === 'number'));
  const node: Table = {
    type: 'table',
    align: numeric.map((isNumber) => (isNumber ? 'right' : 'left')),
    children: [row(table.columns), ...table.rows.map((values) => row(values.map(formatValue)))],
    data: { caption: [{ type: 'text', value: caption }] },
  };
  return renderBlocks([node], state);
}

/**
 * The custom document properties recording each drawn chart's block (`chart-sources.ts`), in the
 * order of the pictures: `press import` gives the blocks back from them.
 */
export function chartSourceProperties(tree: Root, charts: ReadonlyMap<Chart, ChartPicture>, template: Template, language: string): { name: string; value: string }[] {
  const targets = new Map<Chart, CrossrefTarget | undefined>();
  visit(tree, 'chart', (chart: Chart, _index, parent) => {
    targets.set(chart, parent?.type === 'figure' ? parent.data?.crossref : undefined);
  });
  return [...charts.keys()].map((chart, index) => {
    const target = targets.get(chart);
    const table = template.chart.dataTable && chart.data?.table ? { table: dataTableCaption(language, target, index + 1) } : {};
    return chartProperty(index + 1, { ...(target ? { label: target.id } : {}), spec: chart.value, ...table });
  });
}
