import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCiteproc } from '../../pipeline/cite/engine.ts';
import { shippedStyleXml } from '../../pipeline/cite/styles.ts';
import { formatBibliography } from '../../pipeline/cite/format-bibliography.ts';
import type { CslItem } from '../../pipeline/cite/types.ts';

/** One example of the standard, as test/citations/gb-t-7714/examples.yaml writes it down. */
interface StandardExample {
  id: string;
  item: Omit<CslItem, 'id'>;
  numeric: string;
  authorDate: string;
  cite: string;
}

const examples = parse(readFileSync(fileURLToPath(new URL('gb-t-7714/examples.yaml', import.meta.url)), 'utf8')) as StandardExample[];
const items: CslItem[] = examples.map((example) => ({ id: example.id, ...example.item }));
/** Formats with the path a build takes (report-press's engine over citeproc-js): each citation's text and the entries, their [n] first. */
function format(style: string, works: CslItem[], clusters: { id: string; locator?: string }[][]): { citations: string[]; entries: string[] } {
  return formatBibliography(works, style, 'zh-CN', clusters.map((cluster) => cluster.map(({ id, locator }) => ({ key: id, ...(locator !== undefined ? { locator } : {}) }))));
}

describe('GB/T 7714-2015 numeric (顺序编码制): the standard\'s examples', () => {
  const { entries } = format('gb-t-7714-2015-numeric', items, [items.map((item) => ({ id: item.id }))]);
  it.each(examples.map((example, index) => [example.id, index] as const))('%s', (_id, index) => {
    expect(entries[index]?.replace(/^\[(\d+)\]\s*/, '')).toBe(examples[index]?.numeric);
    expect(entries[index]).toMatch(new RegExp(`^\\[${index + 1}\\] `));
  });
});

describe('GB/T 7714-2015 numeric: citations in the text', () => {
  const works = items.slice(0, 6);
  const { citations } = format('gb-t-7714-2015-numeric', works, [
    [{ id: works[0]!.id }, { id: works[1]!.id }, { id: works[2]!.id }],
    [{ id: works[1]!.id }, { id: works[4]!.id }],
    [{ id: works[3]!.id, locator: '29' }],
    [{ id: works[5]!.id }, { id: works[0]!.id }],
  ]);
  it('collapses consecutive numbers into a range with a hyphen: [1-3]', () => expect(citations[0]).toBe('[1-3]'));
  it('separates numbers that are not consecutive with a comma: [2,4]', () => expect(citations[1]).toBe('[2,4]'));
  it('gives the cited page after the bracket (10.1.3: [4]15-17)', () => expect(citations[2]).toBe('[5]29'));
  it('numbers by first citation, and sorts the numbers of one citation', () => expect(citations[3]).toBe('[1,6]'));
  it('sets the citation, page and all, as a superscript', () => {
    const { clusters } = runCiteproc(works, [{ items: [{ key: works[0]!.id, locator: '3-5' }], mode: 'normal' }], shippedStyleXml('gb-t-7714-2015-numeric') ?? '', 'zh-CN') as { clusters: string[] };
    expect(clusters[0]).toBe('<sup>[1]3-5</sup>');
  });
});

describe('GB/T 7714-2015 author-date (著者-出版年制): the standard\'s examples', () => {
  const { citations, entries } = format('gb-t-7714-2015-author-date', items, items.map((item) => [{ id: item.id }]));
  it.each(examples.map((example, index) => [example.id, index] as const))('%s', (_id, index) => {
    const example = examples[index]!;
    expect(entries).toContain(example.authorDate);
    expect(citations[index]).toBe(example.cite);
  });
  it('lists Chinese entries first, by the pinyin of the first author, then the others alphabetically', () => {
    const firstLatin = entries.findIndex((entry) => /^[A-Za-z]/.test(entry));
    const chinese = entries.slice(0, firstLatin);
    const latin = entries.slice(firstLatin);
    expect(chinese.length).toBe(examples.filter((example) => /^zh/.test(String(example.item.language))).length);
    expect(latin.every((entry) => /^[A-Za-z]/.test(entry))).toBe(true);
    const collator = new Intl.Collator('zh-CN');
    expect([...chinese].sort(collator.compare)).toEqual(chinese);
    expect(chinese[0]).toMatch(/^陈登原/);
    expect(latin[0]).toMatch(/^BALDOCK/);
  });
});

describe('GB/T 7714-2015 author-date: one author\'s works of one year, and no year', () => {
  const works: CslItem[] = [
    { id: 'a', type: 'book', language: 'zh-CN', author: [{ family: '王', given: '夫之' }], title: '宋论', issued: { 'date-parts': [[1982]] }, publisher: '中华书局', 'publisher-place': '北京' },
    { id: 'b', type: 'book', language: 'zh-CN', author: [{ family: '王', given: '夫之' }], title: '读通鉴论', issued: { 'date-parts': [[1982]] }, publisher: '中华书局', 'publisher-place': '北京' },
    { id: 'c', type: 'webpage', language: 'zh-CN', author: [{ literal: '某市统计局' }], title: '统计公报', URL: 'https://example.org/a', accessed: { 'date-parts': [[2024, 3, 1]] } },
    { id: 'd', type: 'book', language: 'zh-CN', title: '无名氏文集', issued: { 'date-parts': [[1990]] }, publisher: '中华书局', 'publisher-place': '北京' },
  ];
  const { citations, entries } = format('gb-t-7714-2015-author-date', works, [[{ id: 'a' }], [{ id: 'b' }], [{ id: 'c' }], [{ id: 'd' }]]);
  it('adds a and b after the year', () => {
    expect(citations.slice(0, 2)).toEqual(['(王夫之, 1982a)', '(王夫之, 1982b)']);
    expect(entries.some((entry) => entry.startsWith('王夫之. 1982a. 宋论[M].'))).toBe(true);
  });
  it('says 出版年不详 when there is no year', () => expect(citations[2]).toBe('(某市统计局, [出版年不详])'));
  it('names an anonymous work 佚名', () => {
    expect(citations[3]).toBe('(佚名, 1990)');
    expect(entries).toContain('佚名. 1990. 无名氏文集[M]. 北京: 中华书局.');
  });
});
