import type { FileChild } from 'docx';
import type { Chart } from '../../../charts/chart-node.ts';
import type { BlockState } from '../context.ts';
import { chartDataTable, chartParagraph } from '../charts.ts';
import { FIGURE_HEIGHT_SHARE } from '../images.ts';

/** `chart` outside a figure (no label, no caption): its picture, then its data table when the template asks for one. */
export function chart(node: Chart, state: BlockState): FileChild[] {
  return [chartParagraph(node, state, FIGURE_HEIGHT_SHARE), ...chartDataTable(node, undefined, state)];
}
