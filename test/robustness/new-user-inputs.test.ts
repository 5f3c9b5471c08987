import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { renderHtml } from '../../pipeline/render/html/render-html.ts';
import { renderDocx } from '../../pipeline/render/docx/render-docx.ts';
import { renderPdf } from '../../pipeline/render/pdf/render-pdf.ts';
import { messageSummary, reportFrom, temporaryFolder, TINY_PNG, writeFiles } from '../helpers/report.ts';
import { pdfBodyText } from '../helpers/read-back.ts';
import { closeBrowser, startBrowser } from '../helpers/browser.ts';
import { unzipSync, strFromU8 } from 'fflate';
import type { Report } from '../../pipeline/types.ts';

const EN = '---\ntitle: Review\nlang: en\ntemplate: default\n---\n\n';

let browser: Browser;
beforeAll(async () => {
  browser = await startBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});

async function pdfTextOf(report: Report): Promise<string> {
  const pdf = await renderPdf(report, await loadTemplate(report.meta.template), { date: new Date(0), browser });
  const file = path.join(await temporaryFolder(), 'out.pdf');
  await writeFile(file, pdf);
  return pdfBodyText(file);
}

async function htmlOf(report: Report): Promise<string> {
  return renderHtml(report, await loadTemplate(report.meta.template), { date: new Date(0), variant: 'screen' });
}

describe('inputs a new user writes', () => {
  it('keeps every column of a 30-column table and every level of 60 nested quotes in the PDF', async () => {
    const columns = Array.from({ length: 30 }, (_, index) => `Col${index}`);
    const table = `| ${columns.join(' | ')} |\n|${columns.map(() => '---').join('|')}|\n| ${columns.map((_, index) => `v${index}`).join(' | ')} |\n`;
    const quotes = `${'> '.repeat(60)}deep quote\n`;
    const text = await pdfTextOf(await reportFrom(`${EN}# Wide\n\nJust a paragraph before.\n\n${table}\n${quotes}`));
    // Narrow columns wrap their cells, so compare characters, not words: none may be clipped away.
    const counts = (value: string) => [...value.replace(/\s+/g, '')].reduce((map, character) => map.set(character, (map.get(character) ?? 0) + 1), new Map<string, number>());
    const printed = counts(text);
    for (const [character, count] of counts(columns.join('') + columns.map((_, index) => `v${index}`).join(''))) {
      expect(printed.get(character) ?? 0, character).toBeGreaterThanOrEqual(count);
    }
    expect(text.replace(/\s+/g, '')).toContain('deepquote');
  });

  it('gives a footnote cited twice one Word footnote per citation', async () => {
    const report = await reportFrom(`${EN}A[^a] and B[^a].\n\n[^a]: The note.\n`);
    const parts = unzipSync(await renderDocx(report, await loadTemplate('default'), { date: new Date(0) }));
    const documentXml = strFromU8(parts['word/document.xml'] ?? new Uint8Array());
    const ids = [...documentXml.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((match) => match[1]);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    expect(strFromU8(parts['word/footnotes.xml'] ?? new Uint8Array()).match(/The note\./g)).toHaveLength(2);
  });

  it('reports duplicate, undefined and unused footnotes at their lines', async () => {
    const report = await reportFrom(`${EN}Use dup[^dup]. Ref[^missing].\n\n[^dup]: first def\n[^dup]: second def\n[^unused]: Never referenced.\n`);
    expect(messageSummary(report).sort()).toEqual(['10:1 footnote-duplicate warning', '11:1 footnote-unused warning', '7:19 footnote-undefined warning']);
  });

  it('reports a link to a missing anchor, with a hint for a case slip', async () => {
    const report = await reportFrom(`${EN}# Wide\n\nSee [missing](#no-such-anchor) and [case](#Wide).\n`);
    expect(messageSummary(report)).toEqual(['9:5 link-anchor-missing warning', '9:36 link-anchor-missing warning']);
    expect(report.file.messages[1]?.reason).toContain('did you mean #wide');
  });

  it('gives the page exactly one h1 whatever the headings, warning when the title is a file name', async () => {
    for (const [markdown, warned] of [
      ['# First\n\ntext\n\n# Second\n\nmore\n', true],
      ['just text\n', true],
      ['# Only\n\ntext\n\n## Sub\n', false],
      ['---\ntitle: T\n---\n\n# Content\n\n# Footnote label\n\nx[^1]\n\n[^1]: n\n', false],
    ] as const) {
      const report = await reportFrom(markdown);
      const html = await htmlOf(report);
      expect(html.match(/<h1[ >]/g), markdown).toHaveLength(1);
      expect(report.file.messages.some((message) => message.ruleId === 'title-missing'), markdown).toBe(warned);
      const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
      expect(new Set(ids).size, `duplicate ids in ${markdown}`).toBe(ids.length);
    }
  });

  it('rejects impossible dates at their position', async () => {
    for (const date of ['2024-13-45', '0000-00-00', '2023-02-29']) {
      const report = await reportFrom(`---\ntitle: T\ndate: ${date}\n---\n\ntext\n`);
      expect(messageSummary(report), date).toEqual(['3:7 front-matter-type error']);
    }
  });

  it('keeps an English report English when it names a Chinese place once', async () => {
    const report = await reportFrom('---\ntitle: Annual Report\n---\n\nThis English report mentions Beijing (北京) once.\n');
    expect(report.meta).toMatchObject({ lang: 'en', template: 'default' });
  });

  it('does not report a well-formed raw HTML table as removed', async () => {
    const report = await reportFrom(`${EN}<table><tr><td>cell</td></tr></table>\n`);
    expect(messageSummary(report)).toEqual([]);
    expect(await htmlOf(report)).toContain('<td>cell</td>');
  });

  it('refuses a truncated image with a positioned error', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'trunc.png': TINY_PNG.subarray(0, 40), 'ok.png': TINY_PNG });
    const report = await reportFrom(`${EN}![ok](ok.png)\n\n![truncated](trunc.png)\n`, dir);
    expect(messageSummary(report)).toEqual(['9:1 image-invalid error']);
  });
});
