/**
 * Reading is linear: twice the paragraphs take about twice the time (never four times), and a
 * document of about 300 pages is read in seconds.
 */
import { describe, expect, it } from 'vitest';
import { docxToMarkdown } from '../../pipeline/read/docx/markdown.ts';
import { readDocx } from '../../pipeline/read/docx/read-docx.ts';
import { makeDocx, p, run } from './make-docx.ts';

const SENTENCE = '全市上下坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，经济社会发展取得新成效。';

/** A document of `count` paragraphs (20 a page): headings, bold lead-ins, footnotes, tracked changes and a table every 50. */
function document(count: number): Uint8Array {
  const body: string[] = [];
  const notes: string[] = [];
  for (let index = 0; index < count; index++) {
    if (index % 20 === 0) body.push(p(run(`第${index / 20 + 1}节`), '<w:outlineLvl w:val="0"/>'));
    else if (index % 50 === 0) body.push(`<w:tbl>${Array.from({ length: 5 }, (_, row) => `<w:tr>${[0, 1, 2].map((column) => `<w:tc>${p(run(`格${row}-${column}`))}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`);
    else {
      const note = index % 10 === 0 ? `<w:r><w:footnoteReference w:id="${index}"/></w:r>` : '';
      if (note) notes.push(`<w:footnote w:id="${index}"><w:p>${run(`注${index}`)}</w:p></w:footnote>`);
      const change = index % 7 === 0 ? `<w:ins w:id="${index}" w:author="张三" w:date="2024-12-01T00:00:00Z">${run('新增')}</w:ins>` : '';
      body.push(p(`${run('一是', '<w:b/>')}${run(SENTENCE)}${change}${note}${run(SENTENCE)}`));
    }
  }
  return makeDocx({ body: body.join(''), footnotes: notes.join('') });
}

function timeRead(bytes: Uint8Array): number {
  const start = performance.now();
  const result = readDocx(bytes, { trackChanges: 'all', mediaFolder: 'big-media', fileName: 'big.docx' });
  docxToMarkdown(result);
  return performance.now() - start;
}

describe('import speed', { timeout: 120_000 }, () => {
  it('reads 6000 paragraphs (about 300 pages) in seconds, in linear time', () => {
    const half = document(3000);
    const full = document(6000);
    timeRead(half); // warm up
    const halfMs = Math.min(timeRead(half), timeRead(half));
    const fullMs = Math.min(timeRead(full), timeRead(full));
    console.log(`import: 3000 paragraphs ${halfMs.toFixed(0)} ms, 6000 paragraphs ${fullMs.toFixed(0)} ms`);
    // Measured 2–6 s on a shared 2-core machine under load; the ratio is the real guard.
    expect(fullMs).toBeLessThan(20_000);
    expect(fullMs / halfMs).toBeLessThan(3);
  });
});
