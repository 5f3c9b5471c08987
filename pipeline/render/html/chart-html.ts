import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { visit } from 'unist-util-visit';
import type { Report } from '../../types.ts';
import type { Template } from '../../template/load-template.ts';
import type { Chart } from '../../charts/chart-node.ts';
import { chartSvg } from '../../charts/render-chart.ts';
import { dataTableCaption, dataTableLabel, formatValue } from '../../charts/format-value.ts';
import type { CrossrefTarget } from '../../types.ts';
import { chartSvgSchema } from '../../util/sanitize-schema.ts';
import { localPaint } from '../../util/sanitize-svg.ts';
import type { HtmlVariant } from './shell.ts';

/** Each chart of a report drawn for one edition of the page: the element that stands for it. */
export type ChartElements = ReadonlyMap<Chart, Element>;

/**
 * Draw every chart of the report for the page (`chart-svg.ts`): its SVG in the edition's fonts
 * (the screen stack on the web page, the print stack in the print page), held to
 * `chartSvgSchema`, as one image (`role="img"`) named by the text alternative made from the data;
 * on the web page the data follows as a real table behind a disclosure (`<details>`, closed).
 * Ids are the figure's label (or `chart-<n>`) with a number.
 */
export async function chartElements(report: Report, template: Template, variant: HtmlVariant): Promise<ChartElements> {
  const charts: { chart: Chart; prefix: string; target: CrossrefTarget | undefined }[] = [];
  visit(report.tree, 'chart', (chart: Chart, _index, parent) => {
    const target = parent?.type === 'figure' ? parent.data?.crossref : undefined;
    charts.push({ chart, prefix: `${target?.id ?? `chart-${charts.length + 1}`}-svg`, target });
  });
  const drawn = new Map<Chart, Element>();
  for (const [index, { chart, prefix, target }] of charts.entries()) {
    if (!chart.data?.spec) continue;
    const svg = safeSvg(await chartSvg(chart, template, variant === 'print' ? 'print' : 'screen', prefix));
    if (!svg) continue;
    svg.properties = { ...svg.properties, role: 'img', ariaLabel: chart.data.description ?? '' };
    const children: ElementContent[] = [svg];
    if (variant === 'screen' && chart.data.table) children.push(dataDetails(chart, report.meta.lang, dataTableCaption(report.meta.lang, target, index + 1)));
    drawn.set(chart, { type: 'element', tagName: 'div', properties: { className: ['chart'] }, children });
  }
  return drawn;
}

/** The SVG as a hast element held to the chart schema, paint pointing outside the chart removed. */
function safeSvg(svg: string): Element | undefined {
  const tree = sanitize(fromHtml(svg, { fragment: true }), chartSvgSchema) as HastRoot;
  visit(tree, 'element', (element) => {
    for (const [name, value] of Object.entries(element.properties)) if (typeof value === 'string' && !localPaint(value)) delete element.properties[name];
    delete element.properties.className;
  });
  return tree.children.find((child): child is Element => child.type === 'element' && child.tagName === 'svg');
}

/** The chart's data as a table behind a closed disclosure. */
function dataDetails(chart: Chart, language: string, caption: string): Element {
  const table = chart.data?.table ?? { columns: [], rows: [] };
  const text = (value: string): ElementContent => ({ type: 'text', value });
  const cell = (tagName: 'th' | 'td', value: string, properties: Element['properties'] = {}): Element => ({ type: 'element', tagName, properties, children: [text(value)] });
  const label = dataTableLabel(language);
  return {
    type: 'element',
    tagName: 'details',
    properties: { className: ['chart-data'] },
    children: [
      { type: 'element', tagName: 'summary', properties: {}, children: [text(label)] },
      {
        type: 'element',
        tagName: 'table',
        properties: {},
        children: [
          { type: 'element', tagName: 'caption', properties: {}, children: [text(caption)] },
          { type: 'element', tagName: 'thead', properties: {}, children: [{ type: 'element', tagName: 'tr', properties: {}, children: table.columns.map((column) => cell('th', column, { scope: 'col' })) }] },
          { type: 'element', tagName: 'tbody', properties: {}, children: table.rows.map((row): Element => ({ type: 'element', tagName: 'tr', properties: {}, children: row.map((value) => cell('td', formatValue(value))) })) },
        ],
      },
    ],
  };
}

/** Placeholder ids of the charts in the content tree, resolved after sanitising (as images are). */
export class ChartPlaceholders {
  private readonly charts: Element[] = [];

  constructor(private readonly drawn: ChartElements) {}

  /** The placeholder for a chart (an empty `div` with an id the sanitiser keeps), or undefined when it was not drawn. */
  add(chart: Chart): Element | undefined {
    const element = this.drawn.get(chart);
    if (!element) return undefined;
    this.charts.push(element);
    return { type: 'element', tagName: 'div', properties: { id: `press-chart-${this.charts.length - 1}` }, children: [] };
  }

  /** Put each chart in place of its placeholder. */
  resolve(tree: HastRoot): void {
    visit(tree, 'element', (element, index, parent) => {
      const match = element.tagName === 'div' ? /^press-chart-(\d+)$/.exec(String(element.properties.id ?? '')) : null;
      const chart = match ? this.charts[Number(match[1])] : undefined;
      if (!chart || !parent || index === undefined) return;
      parent.children[index] = structuredClone(chart);
    });
  }
}
