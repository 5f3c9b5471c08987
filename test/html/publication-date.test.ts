import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { renderHtml } from '../../pipeline/render/html/render-html.ts';
import { reportFrom } from '../helpers/report.ts';

/** The publication footer's `<time>` element of a page built from `markdown`, in both variants. */
async function timeElements(markdown: string): Promise<string[]> {
  const report = await reportFrom(markdown);
  const template = await loadTemplate(report.meta.template);
  const pages = await Promise.all((['screen', 'print'] as const).map((variant) => renderHtml(report, template, { date: new Date(0), variant })));
  return pages.map((html) => /<footer class="publication">[\s\S]*?(<time[^>]*>[^<]*<\/time>)/.exec(html)?.[1] ?? '');
}

describe('the publication date in the web page and the print edition', () => {
  it('a Chinese report writes it as the Word file does (GB/T 9704: 2025年1月10日, no zero padding)', async () => {
    const times = await timeElements('---\ntitle: 报告\nauthor: 某市人民政府\ndate: 2025-01-10\n---\n\n正文。\n');
    expect(times).toEqual(['<time datetime="2025-01-10">2025年1月10日</time>', '<time datetime="2025-01-10">2025年1月10日</time>']);
  });

  it('a year and month alone', async () => {
    const times = await timeElements('---\ntitle: 报告\ndate: 2024-03\n---\n\n正文。\n');
    expect(times[0]).toBe('<time datetime="2024-03">2024年3月</time>');
  });

  it('another language keeps the date as written', async () => {
    const times = await timeElements('---\ntitle: Report\nlang: en\ndate: 2025-03-15\n---\n\nText.\n');
    expect(times[0]).toBe('<time datetime="2025-03-15">2025-03-15</time>');
  });
});
