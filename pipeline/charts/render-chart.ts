import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';
import type { Template } from '../template/load-template.ts';
import type { Chart } from './chart-node.ts';
import { chartFonts, useChartFonts, type ChartMedium } from './chart-fonts.ts';

/** The logger a vega View takes. */
type ViewLogger = NonNullable<NonNullable<ConstructorParameters<typeof vega.View>[1]>['logger']>;

/** Size of a chart's text in px: labels, and titles a step larger. */
const LABEL_SIZE = 11;
const TITLE_SIZE = 12;

/** Where vega would load data or images from: nowhere. Charts get their data inlined by `remarkCharts`. */
function refusingLoader(): vega.Loader {
  const loader = vega.loader();
  const refuse = (uri: string): Promise<never> => Promise.reject(new Error(`report-press charts load nothing (${uri})`));
  loader.load = refuse;
  loader.sanitize = refuse;
  loader.http = refuse;
  loader.file = refuse;
  return loader;
}

/**
 * The configuration a template gives its charts: the font list of the medium (whose text vega
 * measures with the template's print faces, see `chart-fonts.ts`), the palette for series and
 * for a single mark, white ground, a continuous axis 360 px long (220 px upright), and no ARIA markup of vega's own (the chart is one image
 * with a text alternative). A specification's own `config` is laid over it.
 */
export function chartConfig(template: Template, font: string, own: unknown): Record<string, unknown> {
  const palette = template.chart.palette;
  const mine = typeof own === 'object' && own !== null ? (own as Record<string, unknown>) : {};
  const merged: Record<string, unknown> = {
    font,
    background: 'white',
    aria: false,
    mark: { color: palette[0] },
    axis: { labelFontSize: LABEL_SIZE, titleFontSize: TITLE_SIZE },
    legend: { labelFontSize: LABEL_SIZE, titleFontSize: TITLE_SIZE },
    title: { fontSize: TITLE_SIZE + 2 },
    // About two thirds of the text width of an A4 page: room for the labels beside it.
    view: { continuousWidth: 360, continuousHeight: 220 },
    range: { category: palette, ordinal: palette },
  };
  for (const [key, value] of Object.entries(mine)) {
    const base = merged[key];
    merged[key] = typeof base === 'object' && base !== null && typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...base, ...value } : value;
  }
  return merged;
}

/**
 * The chart as SVG, drawn at build time by vega in Node (no browser, no script in the output):
 * Vega-Lite compiled with the template's configuration, a vega View without a renderer, its
 * `toSVG()`. Ids (clip paths, gradients) are made the chart's own, `<prefix>-1`, `<prefix>-2`…,
 * so two charts of a page never share one and the same input gives the same bytes.
 */
export async function chartSvg(chart: Chart, template: Template, medium: ChartMedium, prefix: string): Promise<string> {
  const spec = chart.data?.spec;
  if (!spec) throw new Error('chartSvg: the chart was not read (remarkCharts reported why)');
  const fonts = await chartFonts(template, medium);
  await useChartFonts(fonts);
  const silent = { level: () => silent, warn: () => silent, info: () => silent, debug: () => silent, error: () => silent };
  const compiled = compile({ ...spec, config: chartConfig(template, fonts.font, spec.config) } as TopLevelSpec, { logger: silent as never });
  const errors: string[] = [];
  const view = chartView(compiled.spec, errors);
  try {
    const svg = await view.toSVG();
    if (errors[0] !== undefined) throw new Error(`vega could not draw the chart: ${errors[0]}`);
    return ownIds(svg, prefix);
  } finally {
    view.finalize();
  }
}

/**
 * Run a compiled specification's dataflow once, without drawing: vega's message when it cannot
 * be run (an expression it cannot read, a name it does not know, a failure while the data flows),
 * else undefined. `remarkCharts` runs each chart so, so that such a chart is an error at its block.
 */
export async function runChart(spec: object): Promise<string | undefined> {
  const errors: string[] = [];
  try {
    const view = chartView(spec, errors);
    try {
      await view.runAsync();
    } finally {
      view.finalize();
    }
  } catch (failure) {
    return failure instanceof Error ? failure.message : String(failure);
  }
  return errors[0];
}

/**
 * A vega View of a compiled specification, without a renderer, loading nothing, its errors kept
 * in `errors` (vega logs a failure of its dataflow and carries on). Expressions (`calculate`,
 * `filter`, signals) are interpreted from their syntax tree, never compiled into JavaScript
 * functions: a hostile specification runs no code of its own.
 */
function chartView(spec: object, errors: string[]): vega.View {
  const logger = {
    level: () => logger,
    warn: () => logger,
    info: () => logger,
    debug: () => logger,
    error: (...messages: unknown[]) => {
      errors.push(messages.map((message) => (message instanceof Error ? message.message : String(message))).join(' '));
      return logger;
    },
  };
  return new vega.View(vega.parse(spec as vega.Spec, undefined, { ast: true }), { renderer: 'none', loader: refusingLoader(), expr: expressionInterpreter, logger: logger as unknown as ViewLogger });
}

/** Rename every id of an SVG (and the references to it) to `<prefix>-<n>`, in order of appearance. */
export function ownIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  for (const match of svg.matchAll(/ id="([^"]+)"/g)) if (match[1] !== undefined && !ids.has(match[1])) ids.set(match[1], `${prefix}-${ids.size + 1}`);
  if (ids.size === 0) return svg;
  return svg.replace(/( id="|url\(#|href="#)([^")]+)/g, (whole, head: string, id: string) => {
    const renamed = ids.get(id);
    return renamed === undefined ? whole : `${head}${renamed}`;
  });
}
