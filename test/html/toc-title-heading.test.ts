import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { renderHtml } from '../../pipeline/render/html/render-html.ts';
import { reportFrom } from '../helpers/report.ts';

/**
 * When the title is the source's top heading (no front-matter title), the contents list the
 * headings under it, not the title itself: a link to the page's own title, at the contents' top
 * level, made the real parts look like its subsections. The Word contents skip it too.
 */
describe('contents of a document titled by its top heading', () => {
  it.each(['screen', 'print'] as const)('%s: the title is no entry', async (variant) => {
    const report = await reportFrom('---\ntoc: true\n---\n\n# 关于做好春节期间安全工作的通知\n\n各单位：\n\n## 一、加强组织领导\n\n正文。\n\n## 二、落实安全责任\n\n正文。\n');
    const html = await renderHtml(report, await loadTemplate(report.meta.template), { date: new Date(0), variant });
    const nav = /<nav class="toc"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    const entries = [...nav.matchAll(/<li class="(toc-level-\d)"><a href="#[^"]*">(?:<span class="toc-text">)?([^<]*)/g)].map((match) => `${match[1]} ${match[2]}`);
    expect(entries).toEqual(['toc-level-2 一、加强组织领导', 'toc-level-2 二、落实安全责任']);
  });

  it('a document whose only heading is its title has no contents', async () => {
    const report = await reportFrom('---\ntoc: true\n---\n\n# 通知\n\n正文。\n');
    for (const variant of ['screen', 'print'] as const) {
      const html = await renderHtml(report, await loadTemplate(report.meta.template), { date: new Date(0), variant });
      expect(html, variant).not.toContain('<nav class="toc"');
    }
  });
});
