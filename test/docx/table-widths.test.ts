import { describe, expect, it } from 'vitest';
import { render, reportWithImages } from './fixture.ts';
import { readDocx } from './read-docx.ts';

/**
 * Word table columns are as wide as their text needs, not equal: a short number column beside a
 * long description would otherwise squeeze the description into many lines in Word, WPS and
 * LibreOffice, which keep the widths the file gives.
 */
async function gridOf(markdown: string): Promise<{ grid: number[]; cells: number[] }> {
  const xml = readDocx(await render(await reportWithImages(markdown))).xml('word/document.xml');
  const table = /<w:tbl>.*?<\/w:tbl>/s.exec(xml)?.[0] ?? '';
  const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
  const firstRow = /<w:tr>.*?<\/w:tr>/s.exec(table)?.[0] ?? '';
  const cells = [...firstRow.matchAll(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
  return { grid, cells };
}

const rows = (count: number, cells: (index: number) => string[]) => Array.from({ length: count }, (_, index) => `| ${cells(index).join(' | ')} |`).join('\n');

describe('Word table column widths', () => {
  it('a long description column gets more room than the number columns around it', async () => {
    const { grid, cells } = await gridOf(`---\nlang: en\n---\n\n| No. | Description | Value | Active |\n|---:|---|---:|:---:|\n${rows(5, (index) => [`${index + 1}`, `Item number ${index + 1} with a much longer description than the others`, `${index * 37}`, 'yes'])}\n`);
    expect(grid).toHaveLength(4);
    const [number = 0, description = 0, value = 0, active = 0] = grid;
    expect(description).toBeGreaterThan(2 * Math.max(number, value, active));
    expect(cells).toEqual(grid);
    // Every column keeps room for its longest word: "Value" (bold 10 pt, about 27 pt = 540 twips) and the cell margins (2 × 108 twips).
    expect(value).toBeGreaterThanOrEqual(760);
    expect(active).toBeGreaterThanOrEqual(760);
  });

  it('Chinese text counts double: a column of Chinese names is wider than one of short numbers', async () => {
    const { grid } = await gridOf(`| 指标 | 单位 | 2024年 |\n|---|---|---:|\n| 千兆光网覆盖家庭 | 万户 | 180 |\n| 数据中心标准机架 | 万架 | 4.1 |\n`);
    const [name = 0, unit = 0, value = 0] = grid;
    expect(name).toBeGreaterThan(unit);
    expect(name).toBeGreaterThan(value);
  });

  it('columns of similar text stay equal, and the widths fill the text width', async () => {
    const { grid } = await gridOf(`| A | B | C |\n|---|---|---|\n| one | two | six |\n`);
    expect(new Set(grid).size).toBe(1);
    const wide = await gridOf(`| A | B |\n|---|---|\n| short | ${'long words '.repeat(30)} |\n`);
    const total = wide.grid.reduce((sum, width) => sum + width, 0);
    const equal = await gridOf(`| A | B |\n|---|---|\n| x | y |\n`);
    expect(total).toBeGreaterThan(equal.grid.reduce((sum, width) => sum + width, 0) - wide.grid.length);
  });
});
