import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser } from '../../pipeline/browser/launch-browser.ts';
import { renderPdf } from '../../pipeline/render/pdf/render-pdf.ts';
import type { RequestLogEntry } from '../../pipeline/render/pdf/serve-requests.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { reportFrom } from '../helpers/report.ts';
import { parseFonts, pdfTool, squash, tempDir } from './support.ts';

const DATE = new Date('2024-01-20T00:00:00Z');

/** fontsource's slices of a CJK family: `files/<family>-<slice number>-<weight>-normal.woff2`. */
const SLICE = /\/files\/noto-(serif|sans)-sc-\d+-\d+-normal\.woff2$/;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await closeBrowser(browser);
});

/** Print a gov-report document; the URLs the print page asked for, and the PDF. */
async function print(body: string): Promise<{ urls: string[]; pdf: Uint8Array; errors: string[] }> {
  const report = await reportFrom(`---\ntitle: 政府工作报告\nlang: zh-CN\ntemplate: gov-report\n---\n\n${body}\n`, await tempDir('cjk-faces'));
  const requests: RequestLogEntry[] = [];
  const pdf = await renderPdf(report, await loadTemplate('gov-report', { env: {} }), { date: DATE, browser, onRequest: (entry) => requests.push(entry) });
  const errors = report.file.messages.filter((message) => message.fatal === true).map((message) => `${message.ruleId}: ${message.reason}`);
  return { urls: requests.map((entry) => entry.url), pdf, errors };
}

describe('the CJK faces of the print page', { timeout: 120_000 }, () => {
  it('set a Chinese report from one file per family and weight, not from fontsource\'s slices', async () => {
    const body = [
      '# 一、2023年工作回顾',
      '一年来，我们瞄准实事，兜牢底线，人民群众得到更多实惠。聚焦群众关心关切，全面完成20项民生实事。',
      '## （一）坚持稳中求进',
      '推动社会保险扩面提质，发放就业补助、失业保险稳岗扩岗补助等2.68亿元，城镇新增就业5.74万人。**这是加粗的一句。**',
    ].join('\n\n');
    const { urls, pdf, errors } = await print(body);
    expect(errors).toEqual([]);
    expect(urls.filter((url) => SLICE.test(url))).toEqual([]);
    // Noto Serif SC 400 and 700 (body, title, bold) and Noto Sans SC 700 (level-1 heading) at least.
    expect(urls.filter((url) => /\/press-font-files\/p\d+\//.test(url)).length).toBeGreaterThanOrEqual(3);
    const text = squash(await pdfTool('pdftotext', ['-enc', 'UTF-8'], pdf));
    expect(text).toContain(squash('一年来，我们瞄准实事，兜牢底线，人民群众得到更多实惠。'));
    expect(text).toContain('这是加粗的一句。');
    for (const font of parseFonts(await pdfTool('pdffonts', [], pdf))) expect(font.type, font.name).toBe('CID TrueType');
  });

  it('take an ideograph the unsplit file lacks from the family\'s own slices', async () => {
    // 鱻 is in Noto Serif SC, but not in fontsource's chinese-simplified file of it.
    const { urls, pdf, errors } = await print('鱻字在正文里。');
    expect(errors).toEqual([]);
    expect(urls.filter((url) => SLICE.test(url)).length).toBeGreaterThan(0);
    expect(squash(await pdfTool('pdftotext', ['-enc', 'UTF-8'], pdf))).toContain('鱻字在正文里。');
  });

  it('set keys, sample output and teletype text (<kbd>, <samp>, <tt>) in the template\'s mono face, not the machine\'s monospace', async () => {
    const { pdf, errors } = await print('快捷键 <kbd>Ctrl</kbd>+<kbd>P</kbd>，输出 <samp>OK 200</samp>，旧式 <tt>tt text</tt>，代码 `code`。');
    expect(errors).toEqual([]);
    const names = parseFonts(await pdfTool('pdffonts', [], pdf)).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names.filter((name) => !/^(NotoSerifSC|NotoSansSC|LXGWWenKai)-/.test(name))).toEqual([]);
  });
});
