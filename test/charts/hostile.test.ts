/**
 * Charts from data (issue 15) against hostile and unusual specifications: each one is an error at
 * its place in the block, or a chart drawn; never a stack trace, a crash of the process or a hang.
 * In process, no browser: the parse stage and the SVG the outputs are made from.
 */
import { describe, expect, it } from 'vitest';
import { visit } from 'unist-util-visit';
import type { Report } from '../../pipeline/types.ts';
import type { Chart } from '../../pipeline/charts/chart-node.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { chartSvg } from '../../pipeline/charts/render-chart.ts';
import { reportFrom } from '../helpers/report.ts';

const EN = '---\ntitle: Charts\nlang: en\n---\n\n';

function charts(report: Report): Chart[] {
  const found: Chart[] = [];
  visit(report.tree, 'chart', (chart: Chart) => {
    found.push(chart);
  });
  return found;
}

function errors(report: Report): string[] {
  return report.file.messages.filter((message) => message.fatal === true).map((message) => `${message.line}:${message.column} ${message.ruleId}`);
}

describe('hostile chart specifications', () => {
  it('draws a chart whose own config names a font the template lacks (vega measured it by recursing until the stack ran out)', async () => {
    const report = await reportFrom(`${EN}\`\`\`chart\ndata: {values: [{a: x, b: 1}, {a: y, b: 2}]}\nmark: bar\nencoding: {x: {field: a, type: nominal}, y: {field: b, type: quantitative}}\nconfig: {font: serif}\n\`\`\`\n`);
    expect(errors(report)).toEqual([]);
    const [chart] = charts(report);
    const svg = await chartSvg(chart!, await loadTemplate('default'), 'print', 'c');
    expect(svg).toContain('font-family="serif"');
  });

  it('refuses links (href) in an encoding or a mark at their place: the SVG holds no links, and vega crashed the process drawing one', async () => {
    const report = await reportFrom(
      `${EN}\`\`\`chart\ndata: {values: [{a: 1, u: "javascript:alert(1)"}]}\nmark: point\nencoding: {x: {field: a, type: quantitative}, href: {field: u}}\n\`\`\`\n\n\`\`\`chart\ndata: {values: [{a: 1}]}\nmark: {type: point, href: "https://example.com"}\nencoding: {x: {field: a, type: quantitative}}\n\`\`\`\n`,
    );
    expect(errors(report)).toEqual(['9:53 chart-spec', '14:27 chart-spec']);
    expect(charts(report)).toEqual([]);
  });

  it.each([
    ['a call of a call', "constructor.constructor('return process')()"],
    ['a name vega does not know', 'window.process'],
  ])('gives an expression vega cannot read (%s) as an error at the block, not a failed build', async (_name, expression) => {
    const report = await reportFrom(`${EN}\`\`\`chart\ndata: {values: [{a: 1}]}\ntransform: [{calculate: "${expression}", as: x}]\nmark: text\nencoding: {x: {field: a, type: quantitative}, text: {field: x}}\n\`\`\`\n`);
    expect(errors(report)).toEqual(['6:1 chart-spec']);
    expect(report.file.messages[0]?.reason).toMatch(/Chart specification is not valid Vega-Lite: /);
  });

  it('gives a parameter whose expression is not one as an error at the block', async () => {
    const report = await reportFrom(`${EN}\`\`\`chart\ndata: {values: [{a: 1}]}\nparams: [{name: p, expr: "constructor"}]\nmark: point\nencoding: {x: {field: a, type: quantitative}}\n\`\`\`\n`);
    expect(errors(report)).toEqual(['6:1 chart-spec']);
  });
});
