/**
 * Charts from data (issue 15) against hostile and unusual specifications: each one is an error at
 * its place in the block, or a chart drawn; never a stack trace, a crash of the process or a hang.
 * In process, no browser: the parse stage and the SVG the outputs are made from.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../pipeline/types.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { chartSvg } from '../../pipeline/charts/render-chart.ts';
import { reportFrom, temporaryFolder, writeFiles } from '../helpers/report.ts';
import { charts, EN } from './support.ts';


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

describe('chart data past the limit', () => {
  it('refuses a data file of more than 10,000 rows at once, at its url (200,000 rows took minutes and 2.8 GB to draw)', async () => {
    const folder = await temporaryFolder();
    const rows = Array.from({ length: 200_000 }, (_, index) => `${index},${index % 7}`).join('\n');
    await writeFiles(folder, { 'big.csv': `a,b\n${rows}\n`, 'limit.csv': `a,b\n${rows.split('\n').slice(0, 10_000).join('\n')}\n` });
    const started = Date.now();
    const report = await reportFrom(`${EN}\`\`\`chart\ndata: {url: big.csv}\nmark: point\nencoding: {x: {field: a, type: quantitative}, y: {field: b, type: quantitative}}\n\`\`\`\n\n\`\`\`chart\ndata: {url: limit.csv}\nmark: point\nencoding: {x: {field: a, type: quantitative}, y: {field: b, type: quantitative}}\n\`\`\`\n`, folder);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(errors(report)).toEqual(['7:13 chart-data-too-long']);
    expect(report.file.messages[0]?.reason).toBe('Chart data has 200,000 rows, over the limit of 10,000: a chart of so many points is better drawn from a summary (aggregate the data first)');
    expect(charts(report)).toHaveLength(1);
  });
});
