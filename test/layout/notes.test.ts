import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notesAtPartEnds } from '../../pipeline/render/pdf/part-notes.ts';
import { closeBrowser, startBrowser } from '../helpers/browser.ts';
import { pageTexts, printMarkdown, removeTempDirs, squash, type Printed } from './support.ts';

/**
 * Notes in the print PDF: numbered at the end of the part (top-level section) that first refers
 * to them, because Chromium cannot put them at the foot of the page (checked here too).
 */
const SOURCE = `---
title: 政府工作报告
---

# 一、第一部分

正文甲段落引用第一条注释[^a]。

正文乙段落引用第二条注释[^b]。

## （一）小节

小节正文。

# 二、第二部分

正文丙段落引用第三条注释[^c]，再次引用第一条[^a]。

# 三、第三部分

没有注释的部分。

[^a]: 注释甲的内容。
[^b]: 注释乙的内容。
[^c]: 注释丙的内容。
`;

let browser: Browser;
let printed: Printed;

beforeAll(async () => {
  browser = await startBrowser();
  printed = await printMarkdown(browser, SOURCE);
});

afterAll(async () => {
  if (browser) await closeBrowser(browser);
  await removeTempDirs();
});

describe('notes at the end of each part', () => {
  it('prints each note after the part that first refers to it, numbered through the document', async () => {
    expect(printed.report.file.messages.filter((message) => message.fatal === true).map(String)).toEqual([]);
    const text = squash((await pageTexts(printed.file)).join(''));
    const order = ['一、第一部分', '正文甲段落', '正文乙段落', '（一）小节', '小节正文', '1.注释甲的内容', '2.注释乙的内容', '二、第二部分', '正文丙段落', '3.注释丙的内容', '三、第三部分', '没有注释的部分'];
    let at = 0;
    for (const piece of order) {
      const found = text.indexOf(piece, at);
      expect(found, `${piece} after position ${at} in ${text}`).toBeGreaterThanOrEqual(at);
      at = found + piece.length;
    }
    // Each note once, no back-reference arrows, no leftover notes section at the end.
    for (const note of ['注释甲的内容', '注释乙的内容', '注释丙的内容']) expect(text.split(note)).toHaveLength(2);
    expect(text).not.toContain('↩');
  });

  it('moves the notes in the print page only, keeping ids for the links between mark and note', () => {
    const html = `<!doctype html><html><head></head><body><main><h2 id="a">一</h2><p>x<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a></sup></p><h2 id="b">二</h2><p>y</p><section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">注释</h2><ol><li id="user-content-fn-1"><p>注。</p></li><li id="user-content-fn-2"><p>未引用。</p></li></ol></section></main></body></html>`;
    const moved = notesAtPartEnds(html, '注释');
    expect(moved).toMatch(/<p>x<sup>.*<\/p>\s*<section class="part-notes" aria-label="注释"><ol start="1"><li id="user-content-fn-1">/s);
    expect(moved.indexOf('part-notes')).toBeLessThan(moved.indexOf('<h2 id="b">'));
    // A note nothing refers to stays in the notes section at the end, keeping its number.
    expect(moved).toMatch(/<section data-footnotes="" class="footnotes">.*<ol start="2"><li id="user-content-fn-2">/s);
    expect(moved).not.toContain('aria-describedby');
    expect(notesAtPartEnds('<!doctype html><html><body><main><p>no notes</p></main></body></html>', '注释')).toBe('<!doctype html><html><body><main><p>no notes</p></main></body></html>');
  });

  it("evidence: Chromium has no footnote area (float: footnote, @footnote), so notes cannot go to the page's foot", async () => {
    const page = await browser.newPage();
    try {
      await page.setContent(
        '<!doctype html><html><head><style>@page { @footnote { border-top: 1px solid; } } .note { float: footnote; } a::after { content: " " target-counter(attr(href), page); }</style></head>' +
          '<body><p>x<span class="note">n</span> <a href="#b">b</a></p><h2 id="b">b</h2></body></html>',
      );
      const facts = await page.evaluate(() => ({
        floatFootnote: CSS.supports('float', 'footnote'),
        footnoteDisplay: CSS.supports('display', 'footnote'),
        computedFloat: getComputedStyle(document.querySelector('.note') as Element).float,
        // target-counter() parses, but the content it is in computes to nothing.
        targetCounterContent: getComputedStyle(document.querySelector('a') as Element, '::after').content,
      }));
      expect(facts).toEqual({ floatFootnote: false, footnoteDisplay: false, computedFloat: 'none', targetCounterContent: 'none' });
    } finally {
      await page.close();
    }
  });
});
