import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { closeBrowser, startBrowser } from '../helpers/browser.ts';
import { pageTexts, printMarkdown, removeTempDirs } from '../layout/support.ts';

/** Paragraphs whose formula falls at the end of a 28-character line, each a little earlier than the one before. */
function paragraphs(): string {
  const text = '各位代表坚持稳中求进工作总基调完整准确全面贯彻新发展理念';
  return Array.from({ length: 6 }, (_, shift) => `${text.slice(0, 25 - shift)}$x$。着力推动高质量发展，以中国式现代化全面推进强国建设。`).join('\n\n');
}

describe('an inline formula and its punctuation', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await startBrowser();
  });
  afterAll(async () => {
    await closeBrowser(browser);
    await removeTempDirs();
  });

  it('never leave a line starting with closing punctuation, or ending with opening punctuation', async () => {
    const printed = await printMarkdown(browser, `---\ntitle: 标点\nlang: zh-CN\n---\n\n${paragraphs()}\n\n价格为（$p$）元。\n`);
    const lines = (await pageTexts(printed.file)).flatMap((page) => page.split('\n')).map((line) => line.trim()).filter(Boolean);
    expect(lines.filter((line) => /^[。，、；：！？）]/u.test(line))).toEqual([]);
    expect(lines.filter((line) => /[（]$/u.test(line))).toEqual([]);
    // Every paragraph printed whole.
    expect(lines.join('').split('着力推动高质量发展').length - 1).toBe(6);
  });
});
