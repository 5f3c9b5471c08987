/**
 * Many citations finish: a paragraph of thousands of citations is parsed and formatted in about
 * the time of one (each text node's source offsets are found once; a citation written again the
 * same way is formatted once; names given as a family name alone, as BibTeX gives `王小明`, no
 * longer make citeproc-js re-render every earlier citation). Before, 1,000 citations of such a
 * work ran past the five-minute build limit. Timing is never asserted: the test's own time limit
 * is what a regression would hit.
 */
import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import type { Link } from 'mdast';
import { visit } from 'unist-util-visit';
import { reportFrom, temporaryFolder, writeFiles } from '../helpers/report.ts';

const BIBTEX = `@book{wang2021, author = {王小明 and 李华}, title = {城市发展研究}, publisher = {科学出版社}, address = {北京}, year = {2021}}
@misc{nbs2024, author = {{国家统计局}}, title = {统计公报}, year = {2024}}
@article{smith2020, author = {Smith, John}, title = {Growth}, journal = {J}, year = {2020}}
`;

describe('many citations', { timeout: 120_000 }, () => {
  it('formats 3,000 citations in one paragraph: 2,500 alike and 500 with pages of their own', async () => {
    const folder = await temporaryFolder('press-cite-scale-');
    await writeFiles(folder, { 'refs.bib': BIBTEX });
    const alike = Array.from({ length: 2_500 }, (_, index) => (index % 2 ? '@wang2021' : '[@nbs2024]')).join(' ');
    const paged = Array.from({ length: 500 }, (_, index) => `[@wang2021, p. ${index + 1}]`).join(' ');
    const report = await reportFrom(`---\ntitle: 引用\nlang: zh-CN\ncsl: gb-t-7714-2015-author-date\nbibliography: refs.bib\n---\n\n${alike} ${paged}\n`, folder);
    const texts: string[] = [];
    visit(report.tree, 'link', (link: Link) => {
      if (link.data?.citation) texts.push(toString(link));
    });
    expect(texts).toHaveLength(3_000);
    expect(texts[0]).toBe('(国家统计局, 2024)');
    expect(texts[1]).toBe('王小明\u2005等 (2021)');
    expect(texts[2_500]).toBe('(王小明\u2005等, 2021: 1)');
    expect(texts[2_999]).toBe('(王小明\u2005等, 2021: 500)');
  });
});
