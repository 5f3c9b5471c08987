/**
 * The charts a report-press Word file carries as source, shared by the writer (`press build`) and
 * the reader (`press import`): each chart's picture is named `press-chart-<n>` (`wp:docPr/@name`),
 * and a custom document property of the same number holds its block as written (the label, the
 * specification, the caption its data table was given), so that import gives the
 * ```` ```chart ```` block back instead of a picture, and leaves out the data table the build made.
 *
 *   ReportPress-Chart-1 = {"label":"fig-targets","spec":"data: {table: tbl-targets}\n…","table":"图1的数据"}
 */
import { DOMParser } from '@xmldom/xmldom';

/** Prefix of the custom document properties holding the charts. */
export const CHART_PROPERTY_PREFIX = 'ReportPress-Chart-';

/** One chart as its block was written. */
export interface ChartSource {
  /** The figure's label (`fig-targets`), when the block had one. */
  label?: string;
  /** The specification's text. */
  spec: string;
  /** The caption of the data table the build wrote after it, when it wrote one. */
  table?: string;
}

/** The picture name of the chart numbered `index` (1-based). */
export function chartPictureName(index: number): string {
  return `press-chart-${index}`;
}

/** The number of a chart picture's name, or undefined for another picture. */
export function chartPictureIndex(name: string | undefined): number | undefined {
  const match = /^press-chart-(\d+)$/.exec(name ?? '');
  return match ? Number(match[1]) : undefined;
}

/** The custom property (name and value) recording the chart numbered `index`. */
export function chartProperty(index: number, source: ChartSource): { name: string; value: string } {
  return { name: `${CHART_PROPERTY_PREFIX}${index}`, value: JSON.stringify(source) };
}

/** The charts recorded in a `docProps/custom.xml` part, by number. */
export function readChartSources(customXml: string | undefined): Map<number, ChartSource> {
  const sources = new Map<number, ChartSource>();
  if (customXml === undefined || /<!DOCTYPE/i.test(customXml)) return sources;
  const document = new DOMParser({ onError: () => undefined }).parseFromString(customXml, 'text/xml');
  const properties = document.getElementsByTagName('property');
  for (let index = 0; index < properties.length; index++) {
    const property = properties.item(index);
    const name = property?.getAttribute('name') ?? '';
    if (!name.startsWith(CHART_PROPERTY_PREFIX)) continue;
    const number = Number(name.slice(CHART_PROPERTY_PREFIX.length));
    try {
      const value = JSON.parse(property?.textContent ?? '') as Partial<ChartSource>;
      if (Number.isInteger(number) && typeof value.spec === 'string') {
        sources.set(number, { spec: value.spec, ...(typeof value.label === 'string' ? { label: value.label } : {}), ...(typeof value.table === 'string' ? { table: value.table } : {}) });
      }
    } catch {
      // Not one of ours: a picture without its source stays a picture.
    }
  }
  return sources;
}
