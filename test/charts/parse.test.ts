/**
 * Charts from data (issue 15, points 1 and 2), the parse stage: a ```` ```chart ```` block holding
 * a Vega-Lite specification becomes a numbered figure whose data comes from inline values, a
 * file beside the source or a table of the same document; every problem is an error at its
 * place in the block. No browser here: the outputs are tested in `outputs.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { visit } from 'unist-util-visit';
import type { Report } from '../../pipeline/types.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { relativeLuminance } from '../../pipeline/charts/palette.ts';
import { chartSvg } from '../../pipeline/charts/render-chart.ts';
import { chartPng } from '../../pipeline/charts/chart-png.ts';
import { reportFrom, temporaryFolder, writeFiles } from '../helpers/report.ts';
import { charts, EN } from './support.ts';

const ZH = '---\ntitle: 图表\nlang: zh-CN\ntemplate: gov-report\n---\n\n';

function errors(report: Report): string[] {
  return report.file.messages.filter((message) => message.fatal === true).map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.reason}`);
}

const TABLE = [
  '表1　主要目标 {#tbl-targets}',
  '',
  '| 指标 | 目标 | 金额 |',
  '| --- | ---: | ---: |',
  '| 地区生产总值 | 6% | 1,234 |',
  '| 进出口总额 | ３.５% | ２０ |',
  '| 居民消费价格涨幅 | 3% | 7 |',
  '',
].join('\n');

describe('chart blocks', () => {
  it('take their data from a table of the same document by its label, typed as vega reads CSV (%, thousands separators and full-width digits)', async () => {
    const source = `${ZH}${TABLE}\n@fig-goals与@tbl-targets一致。\n\n\`\`\`chart {#fig-goals}\ndata: {table: tbl-targets}\nmark: bar\nencoding:\n  x: {field: 指标, type: nominal}\n  y: {field: 目标, type: quantitative, title: 目标（%）}\n\`\`\`\n图1　主要目标（%）\n`;
    const report = await reportFrom(source);
    expect(errors(report)).toEqual([]);
    const [chart] = charts(report);
    expect(chart?.data?.table?.columns).toEqual(['指标', '目标', '金额']);
    expect(chart?.data?.table?.rows).toEqual([
      ['地区生产总值', 6, 1234],
      ['进出口总额', 3.5, 20],
      ['居民消费价格涨幅', 3, 7],
    ]);
    // A numbered figure: the reference resolves, the caption line is its caption.
    let figure: { id?: string; caption: string } | undefined;
    visit(report.tree, 'figure', (node) => {
      figure = { ...(node.data?.crossref ? { id: node.data.crossref.id } : {}), caption: node.caption.map((child) => ('value' in child ? child.value : '')).join('') };
    });
    expect(figure).toEqual({ id: 'fig-goals', caption: '主要目标（%）' });
    const links: string[] = [];
    visit(report.tree, 'link', (link) => {
      links.push(link.url);
    });
    expect(links).toEqual(['#fig-goals', '#tbl-targets']);
    // The text alternative: chart type, axes, extremes with their categories.
    expect(chart?.data?.description).toBe('柱状图。横轴：指标；纵轴：目标（%）。共3项数据，最小值3（居民消费价格涨幅），最大值6（地区生产总值）。');
  });

  it('accept the label with its hash ("#tbl-targets") and give the same data', async () => {
    const source = `${ZH}${TABLE}\n\`\`\`chart\ndata: {table: "#tbl-targets"}\nmark: bar\nencoding:\n  x: {field: 指标, type: nominal}\n  y: {field: 金额, type: quantitative}\n\`\`\`\n`;
    const report = await reportFrom(source);
    expect(errors(report)).toEqual([]);
    expect(charts(report)[0]?.data?.table?.rows.map((row) => row[2])).toEqual([1234, 20, 7]);
  });

  it('read a CSV file beside the source (noted for the build cache), and JSON inline values', async () => {
    const folder = await temporaryFolder();
    await writeFiles(folder, { 'growth.csv': 'year,gdp,series\n2021,8.1,GDP\n2022,3.0,GDP\n2023,5.2,GDP\n' });
    const source = `${EN}\`\`\`chart {#fig-growth}\ndata: {url: growth.csv}\nmark: line\nencoding:\n  x: {field: year, type: ordinal, title: Year}\n  y: {field: gdp, type: quantitative, title: Growth (%)}\n\`\`\`\nGrowth of GDP\n\n\`\`\`chart\n{"data": {"values": [{"k": "a", "v": 1}, {"k": "b", "v": 2}]}, "mark": "point", "encoding": {"x": {"field": "k", "type": "nominal"}, "y": {"field": "v", "type": "quantitative"}}}\n\`\`\`\n`;
    const report = await reportFrom(source, folder);
    expect(errors(report)).toEqual([]);
    const [line, point] = charts(report);
    expect(line?.data?.table?.rows).toEqual([
      [2021, 8.1, 'GDP'],
      [2022, 3, 'GDP'],
      [2023, 5.2, 'GDP'],
    ]);
    expect([...(report.file.data.reads?.keys() ?? [])].some((file) => file.endsWith('growth.csv'))).toBe(true);
    expect(line?.data?.description).toBe('Line chart. X axis: Year; Y axis: Growth (%). 3 data points; minimum 3 (2022), maximum 8.1 (2021).');
    expect(point?.data?.table?.rows).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('give each problem as an error at its line in the block, with the message of YAML, Vega-Lite or the data', async () => {
    const folder = await temporaryFolder();
    await writeFiles(folder, { 'inside/ok.csv': 'a,b\n1,2\n' });
    const block = (body: string) => `\`\`\`chart\n${body}\n\`\`\`\n`;
    const source = [
      EN,
      block('mark: bar\nencoding: {x: {field: a'), // 7: YAML syntax (line 9)
      block('{"mark": "bar",, }'), // 11: JSON syntax
      block('data: {values: [{a: 1}]}\nmark: pie-slice'), // 15: Vega-Lite
      block('data: {url: missing.csv}\nmark: bar'), // 20: missing file
      block('data: {url: ../outside.csv}\nmark: bar'), // 25: outside the folder
      block('data: {url: "https://example.com/a.csv"}\nmark: bar'), // 30: network
      block('data: {table: tbl-nothing}\nmark: bar'), // 35: unknown table
      block('data: {url: inside/ok.csv}\nmark: bar\nencoding:\n  x: {field: a, type: nominal}\n  y: {field: c, type: quantitative}'), // 41: unknown field, line 46
    ].join('\n');
    const report = await reportFrom(source, folder);
    const found = report.file.messages.filter((message) => message.fatal === true);
    const at = found.map((message) => `${message.line}:${message.column} ${message.ruleId}`);
    // Syntax errors: at the line YAML or JSON names; the others at the value they are about.
    expect(at.map((place) => place.replace(/:\d+ /, ' '))).toEqual(['9 chart-syntax', '13 chart-syntax', '18 chart-spec', '22 chart-data-file', '27 chart-data-file', '32 chart-data-file', '37 chart-table-unknown', '46 chart-field-unknown']);
    expect(at.slice(3)).toEqual(['22:13 chart-data-file', '27:13 chart-data-file', '32:13 chart-data-file', '37:15 chart-table-unknown', '46:14 chart-field-unknown']);
    expect(at[2]).toBe('18:7 chart-spec');
    expect(found.map((message) => message.reason)).toHaveLength(8);
    const reasons = found.map((message) => message.reason);
    expect(reasons[2]).toContain('pie-slice');
    expect(reasons[3]).toContain('missing.csv');
    expect(reasons[6]).toContain('tbl-nothing');
    expect(reasons[7]).toMatch(/field “c”.*a, b/);
    // Nothing is rendered from a block in error: it stays out of the figures.
    expect(charts(report).filter((chart) => chart.data?.spec !== undefined)).toHaveLength(0);
  });
});

describe('chart rendering', () => {
  it('makes the same SVG and the same PNG bytes from the same input, with ids of its own', async () => {
    const template = await loadTemplate('gov-report', { env: {} });
    const report = await reportFrom(`${ZH}${TABLE}\n\`\`\`chart {#fig-a}\ndata: {table: tbl-targets}\nmark: bar\nencoding:\n  x: {field: 指标, type: nominal}\n  y: {field: 目标, type: quantitative}\n\`\`\`\n图1　目标\n`);
    const [chart] = charts(report);
    if (!chart) throw new Error('no chart');
    const first = await chartSvg(chart, template, 'print', 'fig-a');
    const second = await chartSvg(chart, template, 'print', 'fig-a');
    expect(second).toBe(first);
    expect(first).toContain('>地区生产总值</text>');
    // Ids (clip paths) are the chart's own, never a process-wide counter.
    for (const id of first.matchAll(/ id="([^"]+)"/g)) expect(id[1]).toMatch(/^fig-a-/);
    const png = await chartPng(chart, template, 'fig-a');
    expect(Buffer.compare(Buffer.from(png.bytes), Buffer.from((await chartPng(chart, template, 'fig-a')).bytes))).toBe(0);
    expect(png.dpi).toBeGreaterThanOrEqual(300);
  });

  it('interprets expressions (calculate, filter) from their syntax tree: no JavaScript function is made from a specification', async () => {
    const template = await loadTemplate('default', { env: {} });
    const report = await reportFrom(`---\ntitle: T\nlang: en\n---\n\n\`\`\`chart\ndata: {values: [{k: a, v: 1}, {k: b, v: 2}, {k: c, v: 3}]}\ntransform:\n  - {filter: "datum.v > 1"}\n  - {calculate: "datum.v * 100 + 7", as: w}\nmark: bar\nencoding:\n  x: {field: k, type: nominal}\n  y: {field: w, type: quantitative}\n\`\`\`\n`);
    const [chart] = charts(report);
    if (!chart) throw new Error('no chart');
    const made: string[] = [];
    const original = globalThis.Function;
    globalThis.Function = new Proxy(original, {
      apply: (target, self, args: string[]) => (made.push(args.join(' ')), Reflect.apply(target, self, args)),
      construct: (target, args: string[]) => (made.push(args.join(' ')), Reflect.construct(target, args)),
    });
    let svg: string;
    try {
      svg = await chartSvg(chart, template, 'print', 'c');
    } finally {
      globalThis.Function = original;
    }
    expect(made.filter((body) => body.includes('datum'))).toEqual([]);
    // The filter dropped a; the calculated field drew b and c (their bars' values are 207 and 307).
    expect(svg).not.toContain('>a</text>');
    expect(svg).toContain('>b</text>');
    expect(svg).toContain('>300</text>');
  });

  it('measures Chinese labels with the template font: a label of 6 ideographs is about 6 em wide, not a Latin estimate', async () => {
    const template = await loadTemplate('gov-report', { env: {} });
    const report = await reportFrom(`${ZH}\`\`\`chart\ndata: {values: [{k: 居民消费价格, v: 1}, {k: 乙, v: 2}]}\nmark: bar\nencoding:\n  y: {field: k, type: nominal, axis: {labelFontSize: 10, title: null}}\n  x: {field: v, type: quantitative}\n\`\`\`\n`);
    const [chart] = charts(report);
    if (!chart) throw new Error('no chart');
    const svg = await chartSvg(chart, template, 'print', 'c');
    // The plot is translated right by the widest y label (6 × 10 px) plus the axis' offsets.
    const left = Number(/<g[^>]* transform="translate\(([\d.]+),/.exec(svg)?.[1]);
    expect(left).toBeGreaterThan(60);
    expect(left).toBeLessThan(80);
  });
});

describe('chart palettes', () => {
  it.each(['default', 'gov-report'] as const)('%s: every colour differs from the others in luminance, so the series stay apart in greyscale print', async (name) => {
    const template = await loadTemplate(name, { env: {} });
    const luminances = template.chart.palette.map(relativeLuminance).sort((a, b) => a - b);
    expect(luminances.length).toBeGreaterThanOrEqual(4);
    for (let index = 1; index < luminances.length; index++) {
      // Contrast ratio between neighbours in greyscale at least 1.4:1.
      const ratio = ((luminances[index] ?? 0) + 0.05) / ((luminances[index - 1] ?? 0) + 0.05);
      expect(ratio).toBeGreaterThanOrEqual(1.4);
    }
  });
});

describe('chart data from a table with missing values', () => {
  it('reads a dash (—, –, -, －) or an empty cell as a missing value, so the column stays numbers', async () => {
    const source = `${ZH}表1　完成 {#tbl-done}\n\n| 指标 | 完成 |\n| --- | ---: |\n| 甲 | 5.2% |\n| 乙 | — |\n| 丙 | － |\n| 丁 | 5.1% |\n\n\`\`\`chart\ndata: {table: tbl-done}\nmark: bar\nencoding: {y: {field: 指标, type: nominal}, x: {field: 完成, type: quantitative}}\n\`\`\`\n`;
    const report = await reportFrom(source);
    expect(errors(report)).toEqual([]);
    expect(charts(report)[0]?.data?.table?.rows).toEqual([
      ['甲', 5.2],
      ['乙', null],
      ['丙', null],
      ['丁', 5.1],
    ]);
  });
});

describe('chart data with dates', () => {
  it('keeps a CSV column of dates as written (the data table and the text alternative showed milliseconds since 1970), and the chart still draws them as dates', async () => {
    const folder = await temporaryFolder();
    await writeFiles(folder, { 'g.csv': '日期,增速\n2024-01-31,5.2\n2024-02-29,-1.3\n2024-03-31,\n' });
    const report = await reportFrom(`${EN}\`\`\`chart\ndata: {url: g.csv}\nmark: line\nencoding: {x: {field: 日期, type: temporal}, y: {field: 增速, type: quantitative}}\n\`\`\`\n`, folder);
    expect(errors(report)).toEqual([]);
    const [chart] = charts(report);
    expect(chart?.data?.table?.rows).toEqual([
      ['2024-01-31', 5.2],
      ['2024-02-29', -1.3],
      ['2024-03-31', null],
    ]);
    expect(chart?.data?.description).toContain('minimum -1.3 (2024-02-29), maximum 5.2 (2024-01-31)');
    const svg = await chartSvg(chart!, await loadTemplate('default'), 'print', 'd');
    // A time axis: its ticks are dates (`Feb 04`…), not the texts of the three records.
    expect(svg).toMatch(/>(?:Feb|Mar) \d\d</);
  });
});
