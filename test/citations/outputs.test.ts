import { execFile } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { VFile } from 'vfile';
import { parseReport } from '../../pipeline/parse/parse.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { renderHtml } from '../../pipeline/render/html/render-html.ts';
import { renderDocx } from '../../pipeline/render/docx/render-docx.ts';
import { destinationPages } from '../../pipeline/render/pdf/toc-pages.ts';
import type { Report } from '../../pipeline/types.ts';
import { closeBrowser, loadHtml, startBrowser } from '../helpers/browser.ts';
import { messageSummary, temporaryFolder } from '../helpers/report.ts';
import { pageTexts, printMarkdown } from '../layout/support.ts';

const run = promisify(execFile);
const DATE = new Date('2024-03-01T08:00:00Z');
const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const CHINESE = `---
title: 区域经济监测报告
lang: zh-CN
bibliography: refs.json
---

# 一、总体情况

据统计[@wang2021]，区域增长差异明显[@smith2020; @wang2021]。文献@smith2020的方法可资借鉴。

# 二、下一步工作

继续做好监测。
`;

const ENGLISH = `---
title: Regional monitoring
lang: en
bibliography: refs.json
---

# Findings

Growth differs by region [@smith2020, p. 50]; @wang2021 gives the national figures.
`;

async function parsed(markdown: string, folder: string): Promise<Report> {
  return parseReport(new VFile({ path: path.join(folder, 'input.md'), value: markdown }));
}

let folder: string;
let browser: Browser;
beforeAll(async () => {
  folder = await temporaryFolder('press-cite-out-');
  await copyFile(path.join(FIXTURES, 'refs.json'), path.join(folder, 'refs.json'));
  browser = await startBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});

describe('citations on the web page', () => {
  it('links each citation to its entry; entries are a list with ids; axe finds nothing (gov-report and default)', async () => {
    for (const markdown of [CHINESE, ENGLISH]) {
      const report = await parsed(markdown, folder);
      expect(messageSummary(report)).toEqual([]);
      const html = await renderHtml(report, await loadTemplate(report.meta.template), { date: DATE, variant: 'screen' });
      const page = await loadHtml(browser, html);
      try {
        const found = await page.evaluate(() => ({
          links: [...document.querySelectorAll('a.citation')].map((link) => `${link.getAttribute('href') ?? ''} ${link.textContent ?? ''} ${link.querySelector('sup') ? 'sup' : 'line'}`),
          entries: [...document.querySelectorAll('#refs[role=list] > .csl-entry[role=listitem]')].map((entry) => `${entry.id} ${entry.textContent ?? ''}`),
          targets: [...document.querySelectorAll('a.citation')].every((link) => document.getElementById((link.getAttribute('href') ?? '').slice(1)) !== null),
        }));
        if (report.meta.lang === 'zh-CN') {
          expect(found.links).toEqual(['#ref-wang2021 [1] sup', '#ref-smith2020 [1,2] sup', '#ref-smith2020 [2] line']);
          expect(found.entries).toEqual(['ref-wang2021 [1]王小明. 中国区域经济统计[M]. 北京: 中国统计出版社, 2021.', 'ref-smith2020 [2]SMITH J, DOE J. Measuring regional growth[J]. Journal of Regional Studies, 2020, 12(3): 45-67.']);
        } else {
          expect(found.links).toEqual(['#ref-smith2020 (Smith & Doe, 2020, p. 50) line', '#ref-wang2021 王 (2021) line']);
          expect(found.entries[0]).toBe('ref-smith2020 Smith, J., & Doe, J. (2020). Measuring regional growth. Journal of Regional Studies, 12(3), 45–67.');
        }
        expect(found.targets).toBe(true);
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string }[] }> } }).axe;
          return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'] } })).violations.map((violation) => violation.id);
        });
        expect(violations).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  it('is reproducible: the same source gives the same page and the same Word file', async () => {
    const first = await parsed(CHINESE, folder);
    const second = await parsed(CHINESE, folder);
    const template = await loadTemplate('gov-report');
    expect(await renderHtml(second, template, { date: DATE, variant: 'screen' })).toBe(await renderHtml(first, template, { date: DATE, variant: 'screen' }));
    expect(Buffer.from(await renderDocx(second, template, { date: DATE })).equals(Buffer.from(await renderDocx(first, template, { date: DATE })))).toBe(true);
  });
});

describe('citations in print', () => {
  it('prints the bibliography last, and each citation links to the page of its entry', async () => {
    const filler = Array.from({ length: 40 }, () => '各位代表，我们坚持稳中求进工作总基调，着力推动高质量发展。'.repeat(3)).join('\n\n');
    const printed = await printMarkdown(browser, CHINESE.replace('# 二、下一步工作', `${filler}\n\n# 二、下一步工作`), { dir: folder });
    expect(messageSummary(printed.report)).toEqual([]);
    const pages = (await pageTexts(printed.file)).map((page) => page.replace(/\s+/g, ''));
    const all = pages.join('\n');
    expect(all.indexOf('继续做好监测')).toBeLessThan(all.indexOf('参考文献'));
    expect(all.indexOf('[1]王小明.中国区域经济统计[M]')).toBeGreaterThan(all.indexOf('参考文献'));
    expect(all.indexOf('[2]SMITHJ,DOEJ.')).toBeGreaterThan(all.indexOf('[1]王小明'));
    const destinations = await destinationPages(printed.pdf, ['ref-wang2021', 'ref-smith2020']);
    const pageWith = (text: string) => pages.findIndex((page) => page.includes(text)) + 1;
    expect(destinations.get('ref-wang2021')).toBe(pageWith('[1]王小明'));
    expect(destinations.get('ref-smith2020')).toBe(pageWith('[2]SMITHJ'));
    expect(destinations.get('ref-wang2021')).toBeGreaterThan(1);
  });
});

describe('citations in Word', () => {
  it('writes Bibliography paragraphs in bookmarks and citations as links to them, superscript where the style says; pandoc reads it', async () => {
    const report = await parsed(CHINESE, folder);
    const file = path.join(folder, 'cited.docx');
    await writeFile(file, await renderDocx(report, await loadTemplate('gov-report'), { date: DATE }));
    const parts = unzipSync(new Uint8Array(await readFile(file)));
    const xml = new TextDecoder().decode(parts['word/document.xml']);
    const styles = new TextDecoder().decode(parts['word/styles.xml']);
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Bibliography"[^>]*>\s*<w:name w:val="Bibliography"\/>/);
    expect(xml.match(/<w:pStyle w:val="Bibliography"\/>/g)).toHaveLength(2);
    expect(xml).toMatch(/<w:bookmarkStart w:name="bib_ref_wang2021" w:id="\d+"\/><w:r><w:t xml:space="preserve">\[1\]<\/w:t><w:tab\/><\/w:r><w:r><w:t xml:space="preserve">王小明\. 中国区域经济统计\[M\]/);
    expect(xml).toMatch(/<w:hyperlink [^>]*w:anchor="bib_ref_wang2021"[^>]*><w:r><w:rPr><w:rStyle w:val="Hyperlink"\/><w:vertAlign w:val="superscript"\/><\/w:rPr><w:t xml:space="preserve">\[1\]<\/w:t>/);
    // The number used as a word of the sentence is on the line (GB/T 7714 10.1.2).
    expect(xml).toMatch(/<w:hyperlink [^>]*w:anchor="bib_ref_smith2020"[^>]*><w:r><w:rPr><w:rStyle w:val="Hyperlink"\/><\/w:rPr><w:t xml:space="preserve">\[2\]<\/w:t>/);
    const { stdout } = await run('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', file]);
    expect(stdout).toContain('据统计^([1])，区域增长差异明显^([1,2])。文献[2]的方法可资借鉴。');
    expect(stdout).toMatch(/参考文献\s+\[1\]\s+王小明\. 中国区域经济统计\[M\]\. 北京: 中国统计出版社, 2021\.\s+\[2\]\s+SMITH J, DOE J\./);
  });
});
