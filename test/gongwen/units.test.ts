// Small parts of the 公文 template: a front-matter text in a generated stylesheet cannot end it;
// which sources are a 公文; a title written as the first heading is set as the 公文's title; the
// 抄送 line ends in one 。.
import { describe, expect, it } from 'vitest';
import { cssString } from '../../pipeline/gongwen/letter-page.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { renderHtml } from '../../pipeline/render/html/render-html.ts';
import { renderDocx } from '../../pipeline/render/docx/render-docx.ts';
import { paragraphs, paragraphStyle, partText, readDocx } from '../docx/read-docx.ts';
import { reportFrom } from '../helpers/report.ts';

describe('公文 parts', () => {
  it('writes any text as a CSS string that cannot end the string, the rule or the <style> element', () => {
    const hostile = '某市"}</style><script>alert(1)</script>\\\f\n;{';
    const written = cssString(hostile);
    expect(written).not.toMatch(/[<>{};\f\n]/);
    expect(written.slice(1, -1)).not.toContain('"');
    expect(written.startsWith('"') && written.endsWith('"')).toBe(true);
    // Letters and digits stay as they are, the rest as escapes CSS reads back to the same text.
    expect(cssString('秦皇岛市人民政府办公室 2024')).toBe('"秦皇岛市人民政府办公室 2024"');
    expect(cssString('<')).toBe('"\\3c "');
  });

  it('refuses a key given twice, once by its Chinese name', async () => {
    const report = await reportFrom('---\ntemplate: gongwen\ndate: 2024-01-20\n成文日期: 2024-01-21\n---\n\n正文。\n');
    const message = report.file.messages.find((candidate) => candidate.ruleId === 'front-matter-yaml');
    expect(message?.line).toBe(4);
    expect(message?.reason).toContain('成文日期 and date name the same key');
    expect(message?.fatal).toBe(true);
  });

  it('takes a Chinese source with 公文 keys as a 公文, not an English one', async () => {
    expect((await reportFrom('---\n发文字号: 某政〔2024〕1号\n---\n\n正文。\n')).meta.template).toBe('gongwen');
    expect((await reportFrom('---\nnote: draft\nlang: en\n---\n\nSome text.\n')).meta.template).toBe('default');
    expect((await reportFrom('---\nnote: draft\n---\n\n正文。\n')).meta.template).toBe('gongwen');
  });

  it('sets a title written as the first heading above the 主送机关, broken between words, and ends 抄送 in one 。', async () => {
    const report = await reportFrom('---\ntemplate: gongwen\nauthor: 某市人民政府\n主送机关: 各区人民政府：\n抄送机关: [市委办公室, 市政协办公室。]\n---\n\n# 某市人民政府关于做好2024年春节期间安全生产工作的通知\n\n正文。\n');
    const template = await loadTemplate('gongwen');
    for (const variant of ['screen', 'print'] as const) {
      const html = await renderHtml(report, template, { date: new Date(0), variant });
      const body = html.slice(html.indexOf('<main'));
      expect(body.indexOf('class="title gw-title"'), variant).toBeGreaterThan(-1);
      expect(body.indexOf('class="title gw-title"'), variant).toBeLessThan(body.indexOf('gw-recipients'));
      expect(body.match(/<h1/g), variant).toHaveLength(1);
      expect(html, variant).toMatch(/市委办公室，市政协办公室。(?!。)/);
    }
  });

  it('marks a single attachment 附件, without a number, in print, web and Word', async () => {
    const report = await reportFrom('---\ntemplate: gongwen\nauthor: 某市人民政府\n附件: 检查事项清单\n---\n\n正文。\n\n# 附件1\n\n清单内容。\n');
    const template = await loadTemplate('gongwen');
    for (const variant of ['screen', 'print'] as const) {
      const html = await renderHtml(report, template, { date: new Date(0), variant });
      expect(html, variant).toMatch(/class="gw-attachment-mark"[^>]*>附件<\/h2>/);
    }
    const docx = readDocx(await renderDocx(report, template, { date: new Date(0) }));
    const marks = paragraphs(docx.xml('word/document.xml')).filter((paragraph) => paragraphStyle(paragraph) !== undefined && partText(paragraph).trim() === '附件');
    expect(marks).toHaveLength(1);
    expect(paragraphs(docx.xml('word/document.xml')).some((paragraph) => partText(paragraph).includes('附件1'))).toBe(false);
  });
});
