import type { Browser } from 'puppeteer-core';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destinationPages, outlinePages } from '../../pipeline/render/pdf/toc-pages.ts';
import { checkPrintFonts, printEditionHtml } from '../../pipeline/render/pdf/render-pdf.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { closeBrowser, startBrowser } from '../helpers/browser.ts';
import { isPageNumber, printMarkdown, removeTempDirs, rows, squash, textLayout, tool, type Printed, type TextPage } from './support.ts';

/**
 * Contents with true page numbers (two-pass printing) and bookmarks nested by level, checked
 * on the final PDF: every entry's number is the page where its heading's text is printed.
 */
const PARAGRAPH = '各位代表，我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，着力推动高质量发展，全面深化改革开放，推动高水平科技自立自强。';
const PARTS = ['一', '二', '三'];

interface Heading {
  level: number;
  text: string;
}

function source(): { markdown: string; headings: Heading[] } {
  const headings: Heading[] = [];
  const lines = ['---', 'title: 政府工作报告', 'subtitle: ——2024年1月在市人民代表大会上', 'speaker: 市长 某某', 'toc: true', '---', ''];
  PARTS.forEach((part, index) => {
    headings.push({ level: 1, text: `${part}、第${part}部分` });
    lines.push(`# ${part}、第${part}部分`, '');
    for (const [section, name] of ['一', '二'].entries()) {
      headings.push({ level: 2, text: `（${name}）第${part}部分第${name}节` });
      lines.push(`## （${name}）第${part}部分第${name}节`, '');
      // Sections of different lengths, so that headings land at different places on their pages.
      for (let count = 0; count < 2 + index + section; count++) lines.push(PARAGRAPH.repeat(3), '');
      headings.push({ level: 3, text: `${section + 1}. 小节${part}${name}` });
      lines.push(`### ${section + 1}. 小节${part}${name}`, '', PARAGRAPH.repeat(2), '');
    }
  });
  return { markdown: lines.join('\n'), headings };
}

let browser: Browser;
let printed: Printed;
let pages: TextPage[];
const { markdown, headings } = source();

beforeAll(async () => {
  browser = await startBrowser();
  printed = await printMarkdown(browser, markdown);
  pages = await textLayout(printed.file);
});

afterAll(async () => {
  if (browser) await closeBrowser(browser);
  await removeTempDirs();
});

/** The page a heading's text is printed on (a line holding exactly that text). */
function headingPage(text: string): number | undefined {
  const index = pages.findIndex((page) => rows(page).some((line) => squash(line.text) === squash(text)));
  return index === -1 ? undefined : index + 1;
}

/** The contents entries as printed: text and number, from the pages before the first part. */
function contentsEntries(): { text: string; page: number; line: string }[] {
  const entries: { text: string; page: number; line: string }[] = [];
  for (const page of pages) {
    for (const line of rows(page)) {
      if (isPageNumber(line)) continue;
      const match = /^(.*?)(\d+)$/.exec(squash(line.text));
      const heading = headings.find((candidate) => match?.[1] === squash(candidate.text));
      if (match && heading && !entries.some((entry) => entry.text === heading.text)) entries.push({ text: heading.text, page: Number(match[2]), line: line.text });
    }
    if (entries.length === headings.length) break;
  }
  return entries;
}

describe('table of contents with true page numbers', () => {
  it('builds without errors, over several pages', () => {
    expect(printed.report.file.messages.filter((message) => message.fatal === true).map(String)).toEqual([]);
    expect(pages.length).toBeGreaterThanOrEqual(8);
  });

  it('lists every heading with the page its text is printed on', () => {
    const entries = contentsEntries();
    expect(entries.map((entry) => entry.text)).toEqual(headings.map((heading) => heading.text));
    // A contents line is the heading's text plus its number, so it never equals the heading's text.
    const checks = entries.map((entry) => ({ entry: entry.text, printed: entry.page, actual: headingPage(entry.text) }));
    console.log('contents (entry: printed number = page of the heading):', checks.map((check) => `${check.entry}: ${check.printed}${check.printed === check.actual ? '' : ` ≠ ${check.actual}`}`).join('; '));
    for (const check of checks) expect(check.printed, check.entry).toBe(check.actual);
    // The headings really are spread over different pages.
    expect(new Set(checks.map((check) => check.actual)).size).toBeGreaterThanOrEqual(5);
  });

  it('draws the leaders as rules: no dots in the text', () => {
    for (const entry of contentsEntries()) expect(entry.line).not.toMatch(/[.．…·。]{2,}/);
  });

  it('agrees with the named destinations of the final PDF', async () => {
    const destinations = await destinationPages(printed.pdf);
    const ids: string[] = [];
    visit(printed.report.tree, 'heading', (heading) => {
      if (heading.data?.id) ids.push(heading.data.id);
    });
    const entries = contentsEntries();
    expect(ids).toHaveLength(entries.length);
    ids.forEach((id, index) => expect(destinations.get(id), id).toBe(entries[index]?.page));
  });

  it('places every heading by the outline as the named destinations do (the first print is a draft without links)', async () => {
    const template = await loadTemplate(printed.report.meta.template);
    const html = await printEditionHtml(printed.report, template, await checkPrintFonts(template), { date: new Date('2024-01-15T00:00:00Z') });
    // Every heading of the print page, the title and the contents' own heading included.
    const pageHeadings = [...html.matchAll(/<h[1-6]\b([^>]*)>/g)].map((match) => /\bid="([^"]*)"/.exec(match[1] ?? '')?.[1] ?? '');
    const byOutline = await outlinePages(printed.pdf, pageHeadings);
    const destinations = await destinationPages(printed.pdf);
    const ids: string[] = [];
    visit(printed.report.tree, 'heading', (heading) => {
      if (heading.data?.id) ids.push(heading.data.id);
    });
    expect(ids.length).toBeGreaterThan(5);
    for (const id of ids) expect(byOutline.get(id), id).toBe(destinations.get(id));
    // One heading too many or too few, and nothing is guessed.
    expect((await outlinePages(printed.pdf, pageHeadings.slice(1))).size).toBe(0);
  });

  it('has bookmarks for every heading, nested by level, pointing at their pages', async () => {
    interface Outline {
      title: string;
      destpageposfrom1?: number;
      kids: Outline[];
    }
    const json = JSON.parse(await tool('qpdf', ['--json', '--json-key=outlines', printed.file])) as { outlines: Outline[] };
    const flat: { title: string; depth: number; page: number | undefined }[] = [];
    const walk = (items: Outline[], depth: number) => {
      for (const item of items) {
        flat.push({ title: item.title, depth, page: item.destpageposfrom1 });
        walk(item.kids, depth + 1);
      }
    };
    walk(json.outlines, 0);
    expect(flat[0]).toMatchObject({ title: '政府工作报告', depth: 0, page: 1 });
    const entries = contentsEntries();
    for (const [index, heading] of headings.entries()) {
      const bookmark = flat.find((item) => squash(item.title) === squash(heading.text));
      expect(bookmark, heading.text).toBeDefined();
      // Level 1 under the title, level 2 under level 1, …
      expect(bookmark?.depth, heading.text).toBe(heading.level);
      expect(bookmark?.page, heading.text).toBe(entries[index]?.page);
    }
    // Nesting: each bookmark's parent is the closest heading one level up before it.
    let parentAt = new Map<number, string>();
    for (const item of flat) {
      parentAt = new Map([...parentAt].filter(([depth]) => depth < item.depth));
      const heading = headings.find((candidate) => squash(candidate.text) === squash(item.title));
      if (heading && heading.level > 1) {
        const parent = headings.slice(0, headings.indexOf(heading)).reverse().find((candidate) => candidate.level === heading.level - 1);
        expect(parentAt.get(item.depth - 1), item.title).toBe(parent?.text);
      }
      parentAt.set(item.depth, headings.find((candidate) => squash(candidate.text) === squash(item.title))?.text ?? item.title);
    }
  });
});

describe('contents of a document titled by its top heading', () => {
  it('prints without the title as an entry; a title alone gives no contents and no error', async () => {
    const parts = await printMarkdown(browser, '---\ntoc: true\n---\n\n# 关于做好安全工作的通知\n\n各单位：\n\n## 一、加强组织领导\n\n正文。\n');
    expect(parts.report.file.messages.filter((message) => message.fatal === true).map(String)).toEqual([]);
    const [first] = await textLayout(parts.file);
    const entries = (first ? rows(first) : []).filter((line) => /\d$/.test(line.text) && !isPageNumber(line)).map((line) => squash(line.text));
    // The contents fill page 1 (a page break follows them): the part opens page 2.
    expect(entries).toEqual(['一、加强组织领导2']);
    const alone = await printMarkdown(browser, '---\ntoc: true\n---\n\n# 通知\n\n正文。\n');
    expect(alone.report.file.messages.filter((message) => message.fatal === true).map(String)).toEqual([]);
  });
});
