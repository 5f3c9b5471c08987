import { describe, expect, it } from 'vitest';
import { commentMarkup, formatAttribution, insertMarkup, parseAttribution, substituteMarkup } from '../../pipeline/critic/syntax.ts';

describe('CriticMarkup attribution', () => {
  it('reads author, date and text', () => {
    expect(parseAttribution('市发展改革委 2024-12-01')).toEqual({ author: '市发展改革委', date: '2024-12-01' });
    expect(parseAttribution('市财政局 2024-12-02T09:30: 与预算报告不一致')).toEqual({ author: '市财政局', date: '2024-12-02T09:30', text: '与预算报告不一致' });
    expect(parseAttribution('市统计局：请核对口径')).toEqual({ author: '市统计局', text: '请核对口径' });
    expect(parseAttribution('please check the figure')).toEqual({ text: 'please check the figure' });
    expect(parseAttribution('2024-12-01: late')).toEqual({ date: '2024-12-01', text: 'late' });
  });

  it('writes what it reads', () => {
    for (const attribution of [{ author: 'A B', date: '2024-01-02', text: 'x: y' }, { author: '市统计局', text: '请核对' }, { text: 'plain' }, { author: 'Jane', date: '2024-12-02T09:30:00Z' }]) {
      expect(parseAttribution(formatAttribution(attribution))).toEqual(attribution);
    }
  });

  it('builds spans', () => {
    expect(insertMarkup('加快', { author: '市发展改革委', date: '2024-12-01' })).toBe('{++加快++}{>>市发展改革委 2024-12-01<<}');
    expect(substituteMarkup('旧', '新')).toBe('{~~旧~>新~~}');
    expect(commentMarkup('全年目标', { author: '市统计局', text: '请核对' })).toBe('{==全年目标==}{>>市统计局: 请核对<<}');
    expect(commentMarkup('', { text: 'note' })).toBe('{>>note<<}');
  });
});

describe('moves', () => {
  it('marks both ends with one id', async () => {
    const { moveId, deleteMarkup } = await import('../../pipeline/critic/syntax.ts');
    expect(deleteMarkup('段落', { author: '张三', date: '2024-12-01', text: 'move:m1' })).toBe('{--段落--}{>>张三 2024-12-01: move:m1<<}');
    expect(moveId(parseAttribution('张三 2024-12-01: move:m1'))).toBe('m1');
    expect(moveId(parseAttribution('张三: 挪到后面'))).toBeUndefined();
  });
});
