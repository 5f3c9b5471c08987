import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, startBrowser } from '../helpers/browser.ts';
import { pageTexts, printMarkdown, removeTempDirs, rows, squash, textLayout, type TextLine } from '../layout/support.ts';

/**
 * Adjacent punctuation compression (W3C clreq 3.1.6, GB/T 15834): of two full-width marks side by
 * side, one is set in half its width (whether `！` and `？` take part depends on the font's
 * `chws` table: Noto Serif SC compresses `！”`, Noto Sans SC does not, so they are not listed). Chromium does it (`text-spacing-trim`) only when both marks
 * come from one font file; fontsource splits its CJK fonts so that, for example, `。` and `」`
 * sit in different files. Each pair below is printed between two Han characters, alone on its
 * line: four full-width characters are 4 em wide, compressed 3.5 em.
 */
const PAIRS = ['。」', '”，', '，「', '）（', '。（', '」。', '、“', '：“', '》、', '。”', '）。', '》，', '；“', '」，', '”。', '》。', '）、', '（「', '“《'];


/** A control: four Han characters are 4 em wide whatever the punctuation rules. */
const CONTROL = '甲丙丁乙';

let browser: Browser;

beforeAll(async () => {
  browser = await startBrowser();
});

afterAll(async () => {
  if (browser) await closeBrowser(browser);
  await removeTempDirs();
});

/** Width in em of the printed row whose text is `text`, from poppler's word boxes. */
function widthInEm(lines: TextLine[], text: string, emPt: number): number {
  const row = lines.find((line) => line.text === text);
  if (!row) throw new Error(`no printed line reads ${text}; lines: ${lines.map((line) => line.text).join(' | ')}`);
  return (row.xMax - row.xMin) / emPt;
}

describe('adjacent punctuation is compressed in the print PDF', () => {
  it.each([
    ['body text', '', 16],
    ['level-1 headings (Hei)', '## ', 16],
  ])('in %s, every pair takes 3.5 em, not 4', async (_, prefix, emPt) => {
    // A heading that writes its number keeps gov-report from numbering the others (一、甲。」乙).
    const numbered = prefix === '' ? [] : [`${prefix}一、标点`];
    const paragraphs = [...numbered, ...[CONTROL, ...PAIRS.map((pair) => `甲${pair}乙`)].map((text) => `${prefix}${text}`)];
    const table = ['| 项目 | 说明 |', '| --- | --- |', ...PAIRS.map((pair, index) => `| 第${index + 1}行 | 甲${pair}乙 |`)].join('\n');
    const markdown = `---\ntitle: 标点挤压\nlang: zh-CN\n---\n\n${paragraphs.join('\n\n')}\n\n${table}\n`;
    const printed = await printMarkdown(browser, markdown);
    expect(printed.report.file.messages.filter((message) => message.fatal === true)).toEqual([]);
    const lines = (await textLayout(printed.file)).flatMap(rows);

    // poppler's boxes trim a little of the outer characters' side bearings: compare with the control.
    const control = widthInEm(lines, CONTROL, emPt);
    expect(control).toBeGreaterThan(3.8);
    expect(control).toBeLessThanOrEqual(4);
    const saved = (pair: string) => Number((control - widthInEm(lines, `甲${pair}乙`, emPt)).toFixed(1));
    expect(Object.fromEntries(PAIRS.map((pair) => [pair, saved(pair)]))).toEqual(Object.fromEntries(PAIRS.map((pair) => [pair, 0.5])));

    // Table cells are set in the same faces and must still print (an earlier attempt lost them).
    const text = squash((await pageTexts(printed.file)).join(''));
    for (let index = 1; index <= PAIRS.length; index++) expect(text).toContain(`第${index}行`);
  });
});
