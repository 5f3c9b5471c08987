import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import type { Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { findCitations } from '../../pipeline/cite/citation-syntax.ts';
import { formatBibliography } from '../../pipeline/cite/format-bibliography.ts';
import type { Bibliography } from '../../pipeline/cite/types.ts';
import { messageSummary, reportFrom, temporaryFolder, writeFiles } from '../helpers/report.ts';
import type { Report } from '../../pipeline/types.ts';
import { pressCommand } from '../lint/support.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

/** A folder holding the fixture bibliographies and style, plus `files`. */
async function folderWith(files: Record<string, string> = {}): Promise<string> {
  const folder = await temporaryFolder('press-cite-');
  for (const name of ['refs.json', 'refs.yaml', 'refs.bib', 'refs.ris', 'numeric.csl']) await copyFile(path.join(FIXTURES, name), path.join(folder, name));
  await writeFiles(folder, files);
  return folder;
}

async function build(markdown: string, files: Record<string, string> = {}): Promise<Report> {
  return reportFrom(markdown, await folderWith(files));
}

/** Each citation's text, in document order. */
function citations(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, 'link', (link: Link) => {
    if (link.data?.citation) found.push(toString(link));
  });
  return found;
}

function bibliography(tree: Root): Bibliography | undefined {
  return tree.children.find((node): node is Bibliography => node.type === 'bibliography');
}

function entries(tree: Root): string[] {
  return bibliography(tree)?.children.map((entry) => `${entry.data?.bibliographyEntry?.label ?? ''}${toString(entry)}`) ?? [];
}

const ENGLISH = (body: string, more = '') => `---\ntitle: Cited\nbibliography: refs.json\n${more}---\n\n# Findings\n\n${body}\n`;

describe('citation syntax (pandoc)', () => {
  it('reads bracketed lists, locators, prefixes, suppressed authors and in-text keys', () => {
    const found = findCitations('As [@a, p. 12] and [see @b, pp. 3-5; @c] show, [-@a], @b says, @c [chap. 2] too, [@{odd key}].');
    expect(found.map((each) => each.cluster)).toEqual([
      { items: [{ key: 'a', locator: '12', label: 'page' }], mode: 'normal' },
      { items: [{ key: 'b', prefix: 'see', locator: '3-5', label: 'page' }, { key: 'c' }], mode: 'normal' },
      { items: [{ key: 'a', suppressAuthor: true }], mode: 'normal' },
      { items: [{ key: 'b' }], mode: 'in-text' },
      { items: [{ key: 'c', locator: '2', label: 'chapter' }], mode: 'in-text' },
      { items: [{ key: 'odd key' }], mode: 'normal' },
    ]);
  });

  it('ends a key before its trailing punctuation and keeps internal punctuation', () => {
    expect(findCitations('See @smith:2020.a, and @doe-2021.').map((each) => each.cluster.items[0]?.key)).toEqual(['smith:2020.a', 'doe-2021']);
  });

  it('takes no e-mail address, no cross-reference label and no bracket without a key in each item', () => {
    expect(findCitations('Write to a@b.com or x.y@z.org.')).toEqual([]);
    expect(findCitations('See @fig-targets and [@tbl-a; @eq-b] and [@sec-goals].')).toEqual([]);
    expect(findCitations('[@a; no key here]').map((each) => each.cluster.mode)).toEqual(['in-text']);
  });

  it('takes a key Chinese text runs up to, and cuts it to the longest known key', () => {
    const found = findCitations('据统计@wang2021显示，另见[@wang2021第12页]。', { knownPrefix: (key) => (key.startsWith('wang2021') ? 8 : undefined) });
    expect(found.map((each) => each.cluster)).toEqual([
      { items: [{ key: 'wang2021' }], mode: 'in-text' },
      { items: [{ key: 'wang2021', locator: '12', label: 'page' }], mode: 'normal' },
    ]);
    expect(found[0]).toMatchObject({ start: 3, end: 12 });
  });

  it('formats citations in the document and leaves code, links, addresses and \\@ alone', async () => {
    const report = await build(ENGLISH('As [@smith2020, p. 50] and [see @smith2020; @wang2021] show, @smith2020 argues [-@wang2021]. Mail a@smith2020.org, `[@smith2020]`, [a link @smith2020](https://example.org), \\@smith2020.\n\n```\n[@smith2020]\n```'));
    expect(messageSummary(report)).toEqual([]);
    expect(citations(report.tree)).toEqual(['(Smith & Doe, 2020, p. 50)', '(see Smith & Doe, 2020; 王, 2021)', 'Smith & Doe (2020)', '(2021)']);
    const text = toString(report.tree);
    expect(text).toContain('Mail a@smith2020.org, [@smith2020], a link @smith2020, @smith2020.');
    expect(text).toContain('@smith2020.[@smith2020]References');
  });

  it('links each citation to its first work’s entry, and keeps cross-references to the cross-reference rules', async () => {
    const report = await build(ENGLISH('![Chart](c.png){#fig-a}\n\nSee @fig-a and [@smith2020].'), { 'c.png': '' });
    const links: { url: string; citation: boolean }[] = [];
    visit(report.tree, 'link', (link: Link) => {
      links.push({ url: link.url, citation: link.data?.citation !== undefined });
    });
    expect(links).toEqual([
      { url: '#fig-a', citation: false },
      { url: '#ref-smith2020', citation: true },
    ]);
    const unknownLabel = await build(ENGLISH('See @fig-missing and [@smith2020].'));
    expect(messageSummary(unknownLabel)).toEqual(['8:5 crossref-unknown error']);
  });

  it('numbers in a numeric style: superscript brackets, the number on the line for an in-text key, [1]… in the list', async () => {
    const report = await build(`---\nlang: zh-CN\nbibliography: refs.json\ncsl: numeric.csl\n---\n\n# 一、情况\n\n据统计[@wang2021]，另见[@smith2020; @wang2021]，文献@smith2020指出。\n`);
    expect(messageSummary(report)).toEqual([]);
    expect(citations(report.tree)).toEqual(['[1]', '[1,2]', '[2]']);
    const raised: string[] = [];
    visit(report.tree, 'emphasis', (node) => {
      if (node.data?.verticalAlign === 'superscript') raised.push(toString(node));
    });
    expect(raised).toEqual(['[1]', '[1,2]']);
    expect(entries(report.tree)).toEqual(['[1]王小明. 中国区域经济统计, 2021.', '[2]J Smith, J Doe. Measuring regional growth, 2020.']);
  });
});

describe('bibliography section', () => {
  it('puts the bibliography at the end under an unnumbered References heading', async () => {
    const report = await build(ENGLISH('See [@smith2020].'));
    const last = report.tree.children.slice(-2);
    expect(last.map((node) => node.type)).toEqual(['heading', 'bibliography']);
    expect(toString(last[0])).toBe('References');
    expect(last[0]?.type === 'heading' && last[0].data).toMatchObject({ id: 'references', level: 1, unnumbered: true });
    expect(bibliography(report.tree)?.children.map((entry) => entry.data?.bibliographyEntry?.id)).toEqual(['ref-smith2020']);
  });

  it('titles it 参考文献 in Chinese, and puts it where ::: {#refs} stands (no heading added)', async () => {
    const chinese = await build(`---\nbibliography: refs.json\n---\n\n# 一、情况\n\n据统计[@wang2021]。\n`);
    expect(toString(chinese.tree.children.at(-2))).toBe('参考文献');
    const placed = await build(ENGLISH('See [@smith2020].\n\n## Sources\n\n::: {#refs}\n:::\n\n## Annex\n\nMore.'));
    expect(placed.tree.children.map((node) => node.type)).toEqual(['heading', 'paragraph', 'heading', 'bibliography', 'heading', 'paragraph']);
    expect(messageSummary(placed)).toEqual([]);
  });

  it('reads the same works from CSL-JSON, CSL-YAML, BibTeX and RIS', async () => {
    const results: string[][] = [];
    for (const file of ['refs.json', 'refs.yaml', 'refs.bib', 'refs.ris']) {
      const report = await build(ENGLISH('See [@smith2020; @wang2021].').replace('refs.json', file));
      expect(messageSummary(report), file).toEqual([]);
      results.push(entries(report.tree));
    }
    expect(results[0]).toEqual([
      'Smith, J., & Doe, J. (2020). Measuring regional growth. Journal of Regional Studies, 12(3), 45–67.',
      '王小明. (2021). 中国区域经济统计. 中国统计出版社.',
    ]);
    for (const result of results.slice(1)) expect(result.map((entry) => entry.toLowerCase())).toEqual(results[0]?.map((entry) => entry.toLowerCase()));
  });

  it('gives each document its own works: a cached style engine keeps nothing of an earlier build', async () => {
    const first = await build(ENGLISH('[@k]').replace('refs.json', 'a.yaml'), { 'a.yaml': '- id: k\n  type: book\n  title: First title\n  issued: 2001\n' });
    const second = await build(ENGLISH('[@k]').replace('refs.json', 'a.yaml'), { 'a.yaml': '- id: k\n  type: book\n  title: Second title\n  issued: 2002\n' });
    expect([entries(first.tree), citations(first.tree)]).toEqual([['First title. (2001).'], ['(First Title, 2001)']]);
    expect([entries(second.tree), citations(second.tree)]).toEqual([['Second title. (2002).'], ['(Second Title, 2002)']]);
  });

  it('reads several files named as a list, and records them for the build cache', async () => {
    const report = await build(`---\ntitle: Two\nbibliography:\n  - refs.json\n  - more.bib\n---\n\n# A\n\n[@smith2020; @li2019]\n`, { 'more.bib': '@misc{li2019, title = {Another work}, author = {Li, Lei}, year = 2019}\n' });
    expect(messageSummary(report)).toEqual([]);
    expect(entries(report.tree)).toHaveLength(2);
    expect([...(report.file.data.reads?.keys() ?? [])].map((file) => path.basename(file))).toEqual(expect.arrayContaining(['refs.json', 'more.bib']));
  });
});

describe('citation errors, each at its place', () => {
  it('an unknown key, at the key, with a did-you-mean', async () => {
    const report = await build(ENGLISH('Known [@smith2020] and unknown [see @smith2021, p. 3].'));
    expect(messageSummary(report)).toEqual(['8:37 citation-unknown error']);
    expect(report.file.messages[0]?.reason).toBe('Citation @smith2021: no entry of the bibliography has this key (did you mean @smith2020?)');
  });

  it('a key given twice, at the second entry in the bibliography file', async () => {
    const bib = '@book{a, title = {One}, year = 2000}\n\n@book{a,\n  title = {Two}, year = 2001}\n';
    const report = await build(ENGLISH('[@a]').replace('refs.json', 'dup.bib'), { 'dup.bib': bib });
    expect(messageSummary(report)).toEqual(['3:1 bibliography-duplicate-key error']);
    expect(report.file.messages[0]?.file).toMatch(/dup\.bib$/);
    expect(report.file.messages[0]?.reason).toMatch(/^Key a is already given to an entry at .*dup\.bib:1/);
    const json = await build(ENGLISH('[@a]').replace('refs.json', 'dup.json'), { 'dup.json': '[\n  {"id": "a", "type": "book"},\n  {"type": "book", "id": "a"}\n]\n' });
    expect(messageSummary(json)).toEqual(['3:20 bibliography-duplicate-key error']);
  });

  it('a malformed bibliography, at the parser’s place in the file', async () => {
    const cases: [string, string, string][] = [
      ['bad.json', '[\n  {"id": "a",}\n]\n', '2:14'],
      ['bad.yaml', '- id: a\n  title: [unclosed\n', '3:1'],
      ['bad.bib', '@book{a,\n  title = {One,\n  year = 2000\n', '4:1'],
      ['bad.ris', 'TY  - BOOK\nTI  - No key\nER  - \n', '1:1'],
    ];
    for (const [name, text, place] of cases) {
      const report = await build(ENGLISH('[@a]').replace('refs.json', name), { [name]: text });
      expect(messageSummary(report), name).toEqual([`${place} bibliography-invalid error`]);
      expect(report.file.messages[0]?.file, name).toMatch(new RegExp(`${name.replace('.', '\\.')}$`));
    }
  });

  it('a missing file, an unknown format, a file outside the folder: at the front-matter line', async () => {
    const report = await build(`---\ntitle: T\nbibliography:\n  - refs.json\n  - missing.bib\n  - notes.txt\n  - ../outside.bib\n---\n\n[@smith2020]\n`);
    expect(messageSummary(report)).toEqual(['5:5 bibliography-missing error', '6:5 bibliography-invalid error', '7:5 bibliography-missing error']);
  });

  it('an unknown style name with a did-you-mean, and a malformed .csl at its XML error', async () => {
    const unknown = await build(ENGLISH('[@smith2020]', 'csl: gb-t-7714-2015-numerik\n'));
    expect(messageSummary(unknown)).toEqual(['4:6 csl-unknown error']);
    expect(unknown.file.messages[0]?.reason).toContain('did you mean `gb-t-7714-2015-numeric`');
    const broken = await build(ENGLISH('[@smith2020]', 'csl: broken.csl\n'), { 'broken.csl': '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">\n  <citation><layout></citation>\n</style>\n' });
    expect(messageSummary(broken)).toEqual(['2:13 csl-invalid error']);
    expect(broken.file.messages[0]?.file).toMatch(/broken\.csl$/);
    const notCsl = await build(ENGLISH('[@smith2020]', 'csl: page.csl\n'), { 'page.csl': '<html><body/></html>' });
    expect(messageSummary(notCsl)).toEqual(['1:1 csl-invalid error']);
  });

  it('citations without a bibliography: one warning at the first, the text left as written', async () => {
    const report = await reportFrom('# Notes\n\nThanks to @octocat and [@smith2020].\n');
    expect(messageSummary(report)).toEqual(['3:11 citation-no-bibliography warning']);
    expect(toString(report.tree)).toContain('Thanks to @octocat and [@smith2020].');
  });
});

describe('press check (the command line runs a bundle, not these sources)', () => {
  it('finds the shipped GB/T 7714 style, and prints an error as file:line:column', async () => {
    const folder = await folderWith({ 'ok.md': `---\nlang: zh-CN\nbibliography: refs.json\n---\n\n# 一、情况\n\n据统计[@wang2021]。\n`, 'bad.md': `---\nbibliography: refs.json\n---\n\n# 一、情况\n\n据统计[@wang2012]。\n` });
    expect(await pressCommand(['check', 'ok.md'], folder)).toMatchObject({ code: 0, stderr: '' });
    const bad = await pressCommand(['check', 'bad.md'], folder);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bad.md:7:5: error: 引用 @wang2012 找不到文献：参考文献库中没有这个键（是否想写 @wang2021？） [citation-unknown]');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('formatBibliography (for the style tests)', () => {
  it('formats clusters and entries as plain text with a shipped style', () => {
    const items = [
      { id: 'a', type: 'book', title: 'One', author: [{ family: 'Smith', given: 'John' }], issued: { 'date-parts': [[2020]] } },
      { id: 'b', type: 'book', title: 'Two', author: [{ family: 'Doe', given: 'Jane' }], issued: { 'date-parts': [[2019]] } },
    ];
    const result = formatBibliography(items, 'apa', 'en', ['a', [{ key: 'a', locator: '3', label: 'page' }, { key: 'b' }], { inText: 'b' }]);
    expect(result).toEqual({ citations: ['(Smith, 2020)', '(Doe, 2019; Smith, 2020, p. 3)', 'Doe (2019)'], entries: ['Doe, J. (2019). Two.', 'Smith, J. (2020). One.'] });
  });
});
