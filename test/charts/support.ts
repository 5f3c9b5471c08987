import { visit } from 'unist-util-visit';
import type { Report } from '../../pipeline/types.ts';
import type { Chart } from '../../pipeline/charts/chart-node.ts';

/** Front matter of an English test report. */
export const EN = '---\ntitle: Charts\nlang: en\n---\n\n';

/** The chart nodes of a built report, in document order. */
export function charts(report: Report): Chart[] {
  const found: Chart[] = [];
  visit(report.tree, 'chart', (chart: Chart) => {
    found.push(chart);
  });
  return found;
}
