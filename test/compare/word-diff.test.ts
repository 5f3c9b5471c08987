import { describe, expect, it } from 'vitest';
import { similarity, wordDiff, wordTokens } from '../../pipeline/critic/word-diff.ts';

/** Each hunk as [old text, new text]. */
function pairs(oldText: string, newText: string, lang: string): [string, string][] {
  return wordDiff(oldText, newText, lang).map((hunk) => [oldText.slice(hunk.oldStart, hunk.oldEnd), newText.slice(hunk.newStart, hunk.newEnd)]);
}

/** Apply the hunks to the old text: must give the new text. */
function apply(oldText: string, newText: string, lang: string): string {
  let result = '';
  let at = 0;
  for (const hunk of wordDiff(oldText, newText, lang)) {
    result += oldText.slice(at, hunk.oldStart) + newText.slice(hunk.newStart, hunk.newEnd);
    at = hunk.oldEnd;
  }
  return result + oldText.slice(at);
}

describe('word tokens', () => {
  it('splits Chinese into dictionary words and each punctuation mark', () => {
    expect(wordTokens('推动创新链、产业链深度融合。”', 'zh-CN').map((token) => token.text)).toEqual(['推动', '创新', '链', '、', '产业', '链', '深度', '融合', '。', '”']);
  });
  it('keeps Latin words whole and whitespace runs as one token', () => {
    expect(wordTokens('Growth,  about 6%.', 'en').map((token) => token.text)).toEqual(['Growth', ',', '  ', 'about', ' ', '6', '%', '.']);
  });
  it('gives offsets into the text', () => {
    const text = '地区生产总值 GDP growth';
    for (const token of wordTokens(text, 'zh')) expect(text.slice(token.start, token.start + token.text.length)).toBe(token.text);
  });
});

describe('word diff', () => {
  it('replaces whole English words, one hunk per replacement', () => {
    expect(pairs('The quick brown fox jumps over the lazy dog.', 'A slow brown fox jumps over the sleepy dog!', 'en')).toEqual([
      ['The quick', 'A slow'],
      ['lazy', 'sleepy'],
      ['.', '!'],
    ]);
  });

  it('compares Chinese by words, not characters', () => {
    expect(pairs('全面完成20项民生实事。', '全面完成25项民生实事。', 'zh-CN')).toEqual([['20', '25']]);
    // 预期目标 → 目标: the word 预期 goes, not a character of it
    expect(pairs('主要预期目标是地区生产总值增长6%左右', '主要目标是地区生产总值增长5.5%左右', 'zh-CN')).toEqual([
      ['预期', ''],
      ['6', '5.5'],
    ]);
    expect(pairs('加快建设现代化产业体系', '加快构建现代化产业体系', 'zh-CN')).toEqual([['建设', '构建']]);
  });

  it('handles mixed Chinese and Latin text, and punctuation on its own', () => {
    expect(pairs('发布 report-press 1.0 版本，支持 PDF。', '发布 report-press 2.0 版本；支持 PDF 和 Word。', 'zh-CN')).toEqual([
      ['1.0', '2.0'],
      ['，', '；'],
      ['', ' 和 Word'],
    ]);
    expect(pairs('成效显著,居全省第一', '成效显著，居全省第一', 'zh')).toEqual([[',', '，']]);
  });

  it('gives pure insertions and deletions at the right place', () => {
    expect(pairs('a b c', 'a b x c', 'en')).toEqual([['', 'x ']]);
    expect(apply('a b c', 'a b x c', 'en')).toBe('a b x c');
    expect(pairs('one two three', 'one three', 'en').map(([old, next]) => [old.trim(), next])).toEqual([['two', '']]);
    expect(wordDiff('same text', 'same text', 'en')).toEqual([]);
    expect(pairs('', 'new', 'en')).toEqual([['', 'new']]);
    expect(pairs('old', '', 'en')).toEqual([['old', '']]);
  });

  it('always turns the old text into the new one', () => {
    const cases: [string, string, string][] = [
      ['今年是中华人民共和国成立75周年，是实现“十四五”规划目标任务的关键一年。', '今年是新中国成立75周年，是实现“十四五”规划目标任务的攻坚之年。', 'zh-CN'],
      ['Move this sentence. Keep this one.', 'Keep this one. Move this sentence.', 'en'],
      ['**一是坚持**在推进中闯出新路子。', '**一是始终坚持**在推进中闯出新路。', 'zh'],
    ];
    for (const [oldText, newText, lang] of cases) expect(apply(oldText, newText, lang)).toBe(newText);
  });

  it('is fast on a long paragraph (10,000 characters) with scattered edits and with nothing in common', () => {
    const sentences = Array.from({ length: 500 }, (_, index) => `这是第${index}句话，包含一些词语和标点。`);
    const oldText = sentences.join('').slice(0, 10_000);
    const newText = oldText.replace('第100句话', '第一百句话').replace('第300句', '第三百句').replace('包含一些词语和标点。这是第400句', '这是第400句');
    let started = performance.now();
    expect(apply(oldText, newText, 'zh')).toBe(newText);
    expect(wordDiff(oldText, newText, 'zh')).toHaveLength(3);
    // About 50 ms alone; the bounds leave room for a machine busy with other tests.
    expect(performance.now() - started).toBeLessThan(1500);
    const random = (seed: number) => Array.from({ length: 10_000 }, (_, index) => String.fromCharCode(0x4e00 + ((index * 7919 + seed * 104729) % 2000))).join('');
    started = performance.now();
    expect(apply(random(1), random(2), 'zh')).toBe(random(2));
    // About 300 ms alone (the diff gives up after 2000 edits and replaces what is left).
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('similarity', () => {
  it('is 1 for equal texts, 0 for texts with nothing in common, in between otherwise', () => {
    expect(similarity('全面完成20项民生实事', '全面完成20项民生实事', 'zh')).toBe(1);
    expect(similarity('alpha beta', 'gamma delta', 'en')).toBeLessThan(0.3);
    const score = similarity('全面完成20项民生实事，持续巩固拓展脱贫攻坚成果', '全面完成25项民生实事，持续巩固拓展脱贫攻坚成果', 'zh');
    expect(score).toBeGreaterThan(0.8);
    expect(score).toBeLessThan(1);
  });
});
