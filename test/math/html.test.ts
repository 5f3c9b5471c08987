/**
 * Math on the web page and the print page (issue 14, point 1): MathML from temml, no script;
 * `$$…$$` as `<math display="block">` in a `div.equation`, `$…$` as inline `<math>`, each with
 * its TeX as `alttext`; the sanitiser keeps MathML and its harmless attributes and drops links,
 * event handlers and styles; axe finds nothing.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { renderHtml } from '../../pipeline/render/html/render-html.ts';
import { closeBrowser, loadHtml, startBrowser } from '../helpers/browser.ts';
import { reportFrom } from '../helpers/report.ts';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const SOURCE = [
  '---',
  'title: Growth report',
  'lang: en',
  '---',
  '',
  'Energy is $E = mc^2$, and a price of $5 and $10 stays text.',
  '',
  '$$',
  '\\int_0^1 x^2\\,dx = \\frac{1}{3}',
  '$$',
  '',
  'A sum $\\sum_{i=1}^{n} i$ inline.',
  '',
  '<math><mi href="javascript:alert(1)" onclick="alert(2)" style="color:red">y</mi><annotation-xml encoding="text/html"><b>no</b></annotation-xml></math>',
  '',
].join('\n');

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});

async function page(variant: 'screen' | 'print'): Promise<string> {
  const report = await reportFrom(SOURCE);
  return renderHtml(report, await loadTemplate('default', { env: {} }), { date: new Date(0), variant });
}

describe('math on the web page', () => {
  it('writes display math as <math display="block"> in div.equation and inline math as <math>, with the TeX as alttext', async () => {
    for (const variant of ['screen', 'print'] as const) {
      // The print page labels each formula as an image of its TeX, for the PDF's tags.
      const html = (await page(variant)).replace(/ role="img" aria-label="[^"]*"/g, (label) => (variant === 'print' ? '' : label));
      expect(html).not.toMatch(/<script/);
      expect(html).toMatch(/<div class="equation"><math display="block" alttext="\\int_0\^1 x\^2\\,dx = \\frac\{1\}\{3\}">.*<mfrac>.*<\/math><\/div>/s);
      expect(html).toMatch(/<math alttext="E = mc\^2"><mrow><mi>E<\/mi><mo>=<\/mo>.*<msup><mi>c<\/mi><mn>2<\/mn><\/msup>.*<\/math>/);
      expect(html).toMatch(/<math alttext="\\sum_\{i=1\}\^\{n\} i"><mrow><msubsup><mo movablelimits="false">∑<\/mo>/);
      expect(html).toContain('a price of $5 and $10 stays text.');
    }
    expect(await page('screen')).not.toMatch(/role="img"/);
    expect(await page('print')).toContain('<math alttext="E = mc^2" role="img" aria-label="E = mc^2">');
  });

  it('keeps raw MathML but never its links, event handlers, styles or HTML annotations', async () => {
    const html = await page('screen');
    expect(html).toMatch(/<math><mi>y<\/mi><\/math>/);
    expect(html).not.toMatch(/javascript:|onclick|style="color|<b>no<\/b>|annotation-xml/);
  });

  it('is clean for axe, and the browser lays the display formula out as a block', async () => {
    const loaded = await loadHtml(browser, await page('screen'));
    await loaded.addScriptTag({ content: axeSource });
    const violations = await loaded.evaluate(async (tags: string[]) => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((violation) => violation.id);
    }, AXE_TAGS);
    expect(violations).toEqual([]);
    const layout = await loaded.evaluate(() => {
      const block = document.querySelector('div.equation > math');
      const inline = document.querySelector('p math');
      return { block: block ? getComputedStyle(block).display : '', inline: inline ? getComputedStyle(inline).display : '', height: block?.getBoundingClientRect().height ?? 0 };
    });
    expect(layout.block).toBe('block math');
    expect(layout.inline).toBe('math');
    expect(layout.height).toBeGreaterThan(20);
    await loaded.close();
  });
});
