/**
 * Breaking 公文 titles into lines (GB/T 9704-2012, 7.3.1): between words only, the fewest lines,
 * near-equal lines in a trapezoid or diamond. Real titles at 20 units (156 mm type area / 22 pt),
 * checked for properties against independent oracles (first-fit line count, brute-force narrowest
 * longest line), plus a few breakings read and judged right.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { breakTitle, textWidth, titleBreakOpportunities, titleWords } from '../../pipeline/gongwen/title-lines.ts';

/** The type area's width in 2号 characters. */
const LINE = 20;
/** The widest gap between the longest and the shortest line accepted for the real titles below. */
const SPREAD = 4;

const width = (line: string): number => textWidth(line);

/** Where each line after the first begins in `title`, in UTF-16 code units (spaces at a break belong to the line before). */
function breakOffsets(title: string, lines: readonly string[]): number[] {
  const offsets: number[] = [];
  let offset = 0;
  lines.forEach((line, index) => {
    while (/\s/u.test(title[offset] ?? '')) offset++;
    if (index > 0) offsets.push(offset);
    expect(title.slice(offset, offset + line.length)).toBe(line);
    offset += line.length;
  });
  return offsets;
}

/** Line widths of a breaking of `pieces` at the given piece indices, spaces at line ends not counted. */
function widthsAt(pieces: readonly string[], starts: readonly number[]): number[] {
  return starts.map((start, index) => width(pieces.slice(start, starts[index + 1] ?? pieces.length).join('').trim()));
}

/** The fewest lines by first fit over the pieces (optimal for this problem), none wider than `max`. */
function firstFitLines(pieces: readonly string[], max: number): number {
  let lines = 1;
  let line = '';
  for (const piece of pieces) {
    if (line !== '' && width((line + piece).trim()) > max) {
      lines++;
      line = piece;
    } else {
      line += piece;
    }
  }
  return lines;
}

/** By brute force over all breakings into `lines` lines: the narrowest longest line possible. */
function narrowestLongest(pieces: readonly string[], lines: number, max: number): number {
  let best = Infinity;
  const starts = [0];
  const visit = (from: number): void => {
    if (starts.length === lines) {
      const widths = widthsAt(pieces, starts);
      if (Math.max(...widths) <= max) best = Math.min(best, Math.max(...widths));
      return;
    }
    for (let next = from + 1; next < pieces.length; next++) {
      starts.push(next);
      visit(next);
      starts.pop();
    }
  };
  visit(0);
  return best;
}

/** No valley: the widths rise (or stay), then fall (or stay) — a trapezoid, a diamond or a rectangle. */
function isTrapezoidOrDiamond(widths: readonly number[]): boolean {
  const steps = widths
    .slice(1)
    .map((value, index) => Math.sign(value - widths[index]!))
    .filter((step) => step !== 0)
    .map((step) => (step > 0 ? '+' : '-'))
    .join('');
  return /^\+*-*$/u.test(steps);
}

/** Asserts every property of the breaking of `title` at `max`; `whole` lists words no break may enter. */
function checkBreaking(title: string, max: number, whole: readonly string[]): string[] {
  const lines = breakTitle(title, max);
  const pieces = titleWords(title);
  expect(lines.join('').replace(/\s/gu, '')).toBe(title.replace(/\s/gu, ''));
  for (const line of lines) expect(width(line), line).toBeLessThanOrEqual(max);
  expect(lines).toHaveLength(firstFitLines(pieces, max));
  const opportunities = titleBreakOpportunities(title);
  const breaks = breakOffsets(title, lines);
  for (const offset of breaks) expect(opportunities).toContain(offset);
  for (const word of whole) {
    expect(title, `${word} is in the title`).toContain(word);
    for (let at = title.indexOf(word); at >= 0; at = title.indexOf(word, at + 1)) {
      for (const offset of breaks) expect(offset > at && offset < at + word.length, `${word} split in ${lines.join(' / ')}`).toBe(false);
    }
  }
  lines.forEach((line, index) => {
    expect(line.endsWith('关于'), line).toBe(false);
    expect(/^[的，。、；：）》”〕]/u.test(line), line).toBe(false);
    expect(/[（《“〔]$/u.test(line), line).toBe(false);
    // The reported fault: a number at a line's end and its unit at the next one's start.
    const next = lines[index + 1];
    if (next !== undefined) expect(/[0-9]$/u.test(line) && /^[年月日号亿万元%个项次届]/u.test(next), `${line} / ${next}`).toBe(false);
  });
  const widths = lines.map(width);
  expect(isTrapezoidOrDiamond(widths), widths.join('/')).toBe(true);
  expect(Math.max(...widths)).toBeLessThanOrEqual(narrowestLongest(pieces, lines.length, max) + 1);
  return lines;
}

const QINHUANGDAO = '秦皇岛市人民政府关于做好2024年春节期间安全生产工作的通知';
const FLOOD = '国务院办公厅关于印发2024年国家防汛抗旱总指挥部工作要点的通知';
const JOINT = '中共秦皇岛市委 秦皇岛市人民政府关于表彰2023年度全市经济社会发展先进集体和先进个人的决定';
const LETTER = '秦皇岛市人民政府办公室关于商请支持秦皇岛港转型升级项目建设的函';
const SHORT = '国务院关于2024年部分节假日安排的通知';
const DATE = '关于召开2024年1月20日全市安全生产工作会议的通知';
const MONEY = '河北省财政厅关于下达2024年中央财政农业转移支付资金3.5亿元的通知';
const BOOK = '国务院关于印发《“十四五”数字经济发展规划》的通知';
const CONGRESS = '北戴河区人民代表大会常务委员会关于召开第十八届人民代表大会第三次会议的决定';
const HOUSING = '秦皇岛市住房和城乡建设局关于第三季度全市房地产市场运行情况的报告';

describe('titleWords', () => {
  it('keeps organ names, numbers with units and words whole, with 关于 before and 的 after a word', () => {
    expect(titleWords(QINHUANGDAO)).toEqual(['秦皇岛市人民政府', '关于做好', '2024年', '春节', '期间', '安全', '生产', '工作的', '通知']);
    expect(titleWords(FLOOD)).toEqual(['国务院办公厅', '关于印发', '2024年', '国家防汛抗旱总指挥部', '工作', '要点的', '通知']);
  });

  it('keeps whole dates, amounts with their units, ordinals and ranges', () => {
    expect(titleWords(DATE)).toContain('2024年1月20日');
    expect(titleWords(MONEY)).toContain('3.5亿元的');
    expect(titleWords('关于增长12.5%和1,200万元的通知')).toEqual(['关于增长', '12.5%', '和', '1,200万元的', '通知']);
    expect(titleWords(CONGRESS)).toEqual(['北戴河区人民代表大会常务委员会', '关于召开', '第十八届', '人民代表大会', '第三次', '会议的', '决定']);
    expect(titleWords('青龙满族自治县人民政府关于2021—2025年森林防火工作的意见')[1]).toBe('关于2021—2025年');
    expect(titleWords(HOUSING).slice(0, 2)).toEqual(['秦皇岛市住房和城乡建设局', '关于第三季度']);
  });

  it('keeps organ names whole without a list of places: provinces, autonomous regions, joint organs', () => {
    expect(titleWords(JOINT).slice(0, 3)).toEqual(['中共秦皇岛市委 ', '秦皇岛市人民政府', '关于表彰']);
    expect(titleWords('广西壮族自治区人民政府关于2024年第二十三号台风防御工作的紧急通知').slice(0, 3)).toEqual([
      '广西壮族自治区人民政府',
      '关于2024年',
      '第二十三号',
    ]);
    expect(titleWords('河北省人民政府办公厅关于印发河北省2024年国民经济和社会发展计划的通知')[0]).toBe('河北省人民政府办公厅');
    expect(titleWords('海港区人民政府关于同意新建1200亩现代农业产业园的批复').slice(0, 3)).toEqual(['海港区人民政府', '关于同意', '新建']);
    expect(titleWords('国家发展改革委 财政部关于做好2024年全国能源工作的意见').slice(0, 2)).toEqual(['国家发展改革委 ', '财政部']);
  });

  it('keeps brackets with their content and short bracketed spans whole', () => {
    expect(titleWords('关于印发〔2024〕3号文件的通知')).toEqual(['关于印发', '〔2024〕', '3号', '文件的', '通知']);
    const book = titleWords(BOOK);
    expect(book).toContain('《“十四五”');
    expect(book.some((piece) => piece.startsWith('》') || piece.startsWith('”'))).toBe(false);
    expect(titleWords('关于印发秦皇岛市突发事件总体应急预案（试行）的通知')).toContain('（试行）的');
  });

  it('puts the words ICU cuts into single characters back together (印发, 批复, 商请)', () => {
    expect(titleWords(LETTER)).toEqual(['秦皇岛市人民政府办公室', '关于商请', '支持', '秦皇岛港', '转型', '升级', '项目', '建设的', '函']);
    expect(titleWords('海港区人民政府关于同意新建1200亩现代农业产业园的批复').at(-1)).toBe('批复');
  });

  it('concatenates back to the title, whatever it holds', () => {
    const fragments = ['秦皇岛市', '人民政府', '关于', '的', '通知', '2024', '年', '3.5', '亿元', '《', '》', '“', '”', '〔', '〕', ' ', '　', 'ABC', '、', '第', '十八', '届', '—', '区', '自治'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const pieces = titleWords(text);
        expect(pieces.join('')).toBe(text);
        expect(pieces.every((piece) => piece !== '')).toBe(true);
      }),
      { numRuns: 500, seed: 9704 },
    );
  });
});

describe('titleBreakOpportunities', () => {
  it('gives the offsets between the pieces, never inside 2024年 or an organ name', () => {
    const offsets = titleBreakOpportunities(QINHUANGDAO);
    expect(offsets).toEqual([8, 12, 17, 19, 21, 23, 25, 28]);
    expect(offsets).not.toContain(QINHUANGDAO.indexOf('年'));
    expect(titleBreakOpportunities(JOINT)[0]).toBe('中共秦皇岛市委 '.length);
    expect(titleBreakOpportunities('通知')).toEqual([]);
  });
});

describe('breakTitle on real titles at 20 units', () => {
  it('breaks the reported 通知 after 2024年, never between 2024 and 年', () => {
    const lines = checkBreaking(QINHUANGDAO, LINE, ['2024年', '秦皇岛市人民政府', '春节', '期间', '安全', '生产', '通知']);
    expect(lines).toEqual(['秦皇岛市人民政府关于做好2024年', '春节期间安全生产工作的通知']);
  });

  it('keeps 国家防汛抗旱总指挥部 whole', () => {
    const lines = checkBreaking(FLOOD, LINE, ['国务院办公厅', '印发', '2024年', '国家防汛抗旱总指挥部', '要点']);
    expect(lines).toEqual(['国务院办公厅关于印发2024年', '国家防汛抗旱总指挥部工作要点的通知']);
  });

  it('sets a joint title on three lines, breaking at the space between the organs', () => {
    const lines = checkBreaking(JOINT, LINE, ['中共秦皇岛市委', '秦皇岛市人民政府', '2023年度', '先进集体', '先进个人']);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('中共秦皇岛市委 秦皇岛市人民政府');
  });

  it('breaks a 函', () => {
    const lines = checkBreaking(LETTER, LINE, ['秦皇岛市人民政府办公室', '商请', '秦皇岛港', '转型', '升级']);
    expect(lines).toEqual(['秦皇岛市人民政府办公室关于商请', '支持秦皇岛港转型升级项目建设的函']);
  });

  it('leaves a title that fits on one line', () => {
    expect(checkBreaking(SHORT, LINE, ['2024年'])).toEqual([SHORT]);
    expect(breakTitle(`  ${SHORT} `, LINE)).toEqual([SHORT]);
  });

  it('keeps a date whole', () => {
    const lines = checkBreaking(DATE, LINE, ['2024年1月20日', '安全', '生产']);
    expect(lines).toEqual(['关于召开2024年1月20日全市', '安全生产工作会议的通知']);
  });

  it('keeps 3.5亿元 whole', () => {
    checkBreaking(MONEY, LINE, ['河北省财政厅', '3.5亿元', '2024年', '转移', '支付']);
  });

  it('keeps the book title marks with their content', () => {
    checkBreaking(BOOK, LINE, ['《“十四五”', '“十四五”', '规划》', '数字', '经济']);
  });

  it('keeps the long organ names of a 人大常委会 决定', () => {
    checkBreaking(CONGRESS, LINE, ['北戴河区人民代表大会常务委员会', '第十八届', '人民代表大会', '第三次']);
    checkBreaking(HOUSING, LINE, ['秦皇岛市住房和城乡建设局', '第三季度', '房地产']);
  });

  it('keeps the longest line within one unit of the narrowest possible and the lines within the stated spread', () => {
    for (const title of [QINHUANGDAO, FLOOD, JOINT, LETTER, SHORT, DATE, MONEY, BOOK, CONGRESS, HOUSING]) {
      const widths = breakTitle(title, LINE).map(width);
      expect(Math.max(...widths) - Math.min(...widths), `${title}: ${widths.join('/')}`).toBeLessThanOrEqual(SPREAD);
    }
  });
});

describe('breakTitle at narrower measures', () => {
  it('shapes three and four lines as a trapezoid or a diamond', () => {
    expect(checkBreaking(QINHUANGDAO, 12, ['2024年', '秦皇岛市人民政府'])).toEqual([
      '秦皇岛市人民政府',
      '关于做好2024年春节',
      '期间安全生产工作的通知',
    ]);
    expect(checkBreaking(FLOOD, 10, ['国家防汛抗旱总指挥部'])).toEqual(['国务院办公厅', '关于印发2024年', '国家防汛抗旱总指挥部', '工作要点的通知']);
    checkBreaking(JOINT, 15, ['中共秦皇岛市委', '秦皇岛市人民政府', '2023年度']);
  });

  it('cuts a piece wider than a line between characters, on lines of its own', () => {
    const lines = breakTitle(LETTER, 6);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(6);
    expect(lines.join('')).toBe(LETTER);
    const organ = '秦皇岛市人民政府办公室';
    expect(lines.slice(0, 2).join('')).toBe(organ);
    expect(lines[2]!.startsWith('关于')).toBe(true);
  });

  it('counts ASCII as half a unit and breaks Latin words at spaces only', () => {
    const title = 'ABC Company Limited关于2024年度合作事项的函';
    const lines = breakTitle(title, 10);
    expect(lines).toEqual(['ABC Company Limited', '关于2024年度', '合作事项的函']);
    expect(width(lines[0]!)).toBe(9.5);
  });

  it('refuses a width that is not positive and gives no lines for an empty title', () => {
    expect(() => breakTitle(QINHUANGDAO, 0)).toThrow(RangeError);
    expect(breakTitle('  ', LINE)).toEqual([]);
  });

  it('breaks any title between pieces, within the width, on the fewest lines', () => {
    const fragments = ['秦皇岛市人民政府', '关于', '做好', '2024年', '1月20日', '3.5亿元', '安全生产', '工作', '的', '通知', '《', '办法', '》', ' ', '国务院办公厅', '和', '先进集体'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 14 }), fc.integer({ min: 8, max: 24 }), (parts, max) => {
        const title = parts.join('').trim();
        if (title === '') return;
        const lines = breakTitle(title, max);
        const pieces = titleWords(title);
        expect(lines.join('').replace(/\s/gu, '')).toBe(title.replace(/\s/gu, ''));
        if (pieces.every((piece) => width(piece.trim()) <= max)) {
          for (const line of lines) expect(width(line)).toBeLessThanOrEqual(max);
          expect(lines).toHaveLength(firstFitLines(pieces, max));
          const opportunities = titleBreakOpportunities(title);
          for (const offset of breakOffsets(title, lines)) expect(opportunities).toContain(offset);
        }
      }),
      { numRuns: 300, seed: 2012 },
    );
  });
});

describe('set phrases ICU splits', () => {
  it('never offers a break inside 督查问责, 营商环境, 乡村振兴 or 转移支付', () => {
    const titles = ['海滨市人民政府办公室关于印发海滨市2024年安全生产督查问责细则的通知', '关于优化营商环境推进乡村振兴的意见', '河北省财政厅关于下达2024年中央财政农业转移支付资金3.5亿元的通知'];
    for (const title of titles) {
      const offsets = titleBreakOpportunities(title);
      for (const phrase of ['督查问责', '营商环境', '乡村振兴', '转移支付']) {
        const at = title.indexOf(phrase);
        if (at < 0) continue;
        for (let inside = at + 1; inside < at + phrase.length; inside++) expect(offsets, `${title}: ${phrase}`).not.toContain(inside);
      }
      for (const width of [10, 12, 19]) expect(breakTitle(title, width).join(''), `${title} at ${width}`).toBe(title);
    }
  });
});
