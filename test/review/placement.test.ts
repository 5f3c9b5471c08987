/**
 * Where review writes a change into the source: at the exact place, cut at the edges of inline
 * markup, through escapes, soft line breaks and the punctuation the build normalises, leaving
 * every other byte as it was. The edited copies here are Markdown (their text is what Word would
 * show); the Word round is tested in review.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { reportFrom } from '../helpers/report.ts';
import { toString } from 'mdast-util-to-string';
import { leavesOf } from '../../pipeline/review/leaves.ts';
import { collectSuggestions } from '../../pipeline/critic/suggestions.ts';
import { reviewCopies, type ReviewedCopy } from '../../pipeline/review/review-copies.ts';

const FRONT = '---\ntitle: 测试\nlang: zh-CN\n---\n\n';

async function reviewMarkdown(source: string, copies: { author: string; markdown: string }[]) {
  const report = await reportFrom(FRONT + source);
  const text = String(report.file.value);
  const sourceLeaves = leavesOf(report.tree, { source: text });
  const reviewed: ReviewedCopy[] = [];
  for (const [index, copy] of copies.entries()) {
    const edited = await reportFrom(FRONT + copy.markdown);
    reviewed.push({ name: `copy${index + 1}.docx`, base: sourceLeaves, matches: sourceLeaves.map((_, leaf) => ({ source: leaf, offset: (offset: number) => offset })), edited: leavesOf(edited.tree), fallback: { author: copy.author, date: '2024-12-01' } });
  }
  const result = reviewCopies(text, sourceLeaves, reviewed, report.meta.lang);
  return { ...result, body: result.text.slice(FRONT.length) };
}

describe('review writes each change at its place in the source', () => {
  it('inside bold text, keeping the markup whole', async () => {
    const { body } = await reviewMarkdown('**一是加强统筹。**各部门要协调配合。\n', [{ author: '市财政局', markdown: '**一是强化统筹。**各部门要协调配合。\n' }]);
    expect(body).toBe('**一是{~~加强~>强化~~}{>>市财政局 2024-12-01<<}统筹。**各部门要协调配合。\n');
  });

  it('across the end of bold text: cut in two at its edge', async () => {
    const { body, opinions } = await reviewMarkdown('**一是加强统筹。**各部门要协调配合。\n', [{ author: '市财政局', markdown: '**一是加强**要求协调配合。\n' }]);
    expect(body).toBe('**一是加强{~~统筹。~>要求~~}{>>市财政局 2024-12-01<<}**{--各部门要--}{>>市财政局 2024-12-01<<}协调配合。\n');
    expect(opinions).toHaveLength(1);
    expect(opinions[0]).toMatchObject({ kind: 'replace', original: '统筹。各部门要', proposal: '要求' });
  });

  it('through a soft line break, escapes and a link', async () => {
    const source = '全年经济\n保持稳定增长，可在[目标表](#a)中查阅 1\\*2 的说明。\n';
    const { body } = await reviewMarkdown(source, [{ author: 'A', markdown: '全年经济实现稳定增长，可在[目标总表](#a)中查阅 1\\*2 的详细说明。\n' }]);
    expect(body).toBe('全年经济\n{~~保持~>实现~~}{>>A 2024-12-01<<}稳定增长，可在[目标{++总++}{>>A 2024-12-01<<}表](#a)中查阅 1\\*2 的{++详细++}{>>A 2024-12-01<<}说明。\n');
  });

  it('not inside a cross-reference’s number: that is generated text, listed in the table only', async () => {
    const source = '如@fig-a所示，目标可行。\n\n![目标](chart.png){#fig-a}\n';
    const { body, opinions } = await reviewMarkdown(source, [{ author: '市财政局', markdown: '如图2所示，目标切实可行。\n\n![目标](chart.png){#fig-a}\n' }]);
    expect(body).toBe('如@fig-a所示，目标{++切实++}{>>市财政局 2024-12-01<<}可行。\n\n![目标](chart.png){#fig-a}\n');
    expect(opinions.find((opinion) => opinion.generated !== undefined)).toMatchObject({ generated: 'cross-reference', original: '图1', proposal: '图2', author: '市财政局', line: 6 });
  });

  it('beside punctuation the build normalised, which stays as written', async () => {
    // The build prints the half-width comma as `，`; the copy shows `，` too and changes only a word.
    const { body } = await reviewMarkdown('经济发展,民生改善。\n', [{ author: 'A', markdown: '经济发展，民生福祉改善。\n' }]);
    expect(body).toBe('经济发展,民生{++福祉++}{>>A 2024-12-01<<}改善。\n');
  });

  it('a paragraph added and a paragraph deleted, inside a list', async () => {
    const source = '- 稳定消费\n- 扩大投资\n\n段落甲。\n\n段落乙。\n';
    const { body } = await reviewMarkdown(source, [{ author: 'A', markdown: '- 稳定消费\n\n  新增一段。\n- 扩大投资\n\n段落乙。\n' }]);
    expect(body).toBe('- 稳定消费\n\n  {++新增一段。++}{>>A 2024-12-01<<}\n- 扩大投资\n\n{--段落甲。--}{>>A 2024-12-01<<}\n\n段落乙。\n');
  });

  it('text of a table cell and of a footnote', async () => {
    const source = '见注[^1]。\n\n| 指标 | 目标 |\n| --- | --- |\n| 生产总值 | 增长6% |\n\n[^1]: 数据来源：统计局。\n';
    const { body, opinions } = await reviewMarkdown(source, [{ author: 'A', markdown: source.replace('增长6%', '增长6.5%').replace('统计局', '市统计局') }]);
    expect(body).toBe('见注[^1]。\n\n| 指标 | 目标 |\n| --- | --- |\n| 生产总值 | 增长{~~6~>6.5~~}{>>A 2024-12-01<<}% |\n\n[^1]: 数据来源：{++市++}{>>A 2024-12-01<<}统计局。\n');
    expect(opinions.map((opinion) => opinion.location)).toEqual(['表1第2行第2列', '脚注 1']);
  });

  it('text Word takes for Markdown is escaped', async () => {
    const { body } = await reviewMarkdown('公式如下。\n', [{ author: 'A', markdown: '公式如下：a\\*b\\_c。\n' }]);
    expect(body).toBe('公式如下{++：a\\*b\\_c++}{>>A 2024-12-01<<}。\n');
  });

  it('the same change from two departments once; different changes of one passage as a change and a comment', async () => {
    const source = '全年经济保持稳定增长。\n\n民生持续改善。\n';
    const result = await reviewMarkdown(source, [
      { author: '市发展改革委', markdown: '全年经济保持平稳增长。\n\n民生明显改善。\n' },
      { author: '市财政局', markdown: '全年经济保持较快增长。\n\n民生明显改善。\n' },
    ]);
    expect(result.body).toBe(
      '全年经济保持{~~稳定~>平稳~~}{>>市发展改革委 2024-12-01<<}{>>市财政局 2024-12-01: 建议将“稳定”改为“较快”<<}增长。\n\n民生{~~持续~>明显~~}{>>市发展改革委 2024-12-01<<}改善。\n',
    );
    expect(result.conflicts).toHaveLength(1);
    expect(result.opinions.map((opinion) => `${opinion.author} ${opinion.notes.join('；')}`)).toEqual([
      '市发展改革委 与市财政局的修改冲突',
      '市财政局 与市发展改革委的修改冲突',
      '市发展改革委 与市财政局的修改相同',
      '市财政局 与市发展改革委的修改相同',
    ]);
  });

  it('an insertion at the edge of another department\'s change is a conflict, not a crash', async () => {
    const source = 'The economy grew steadily this year.\n';
    const result = await reviewMarkdown(source, [
      { author: 'A', markdown: 'The economy grew quickly this year.\n' },
      { author: 'B', markdown: 'The economy grew very steadily this year.\n' },
    ]);
    expect(result.body).toBe('The economy grew {~~steadily~>quickly~~}{>>A 2024-12-01<<}{>>B 2024-12-01: 建议插入“very ”<<} this year.\n');
    expect(result.conflicts).toHaveLength(1);
  });

  it('a change cut at inline markup that conflicts is kept as one comment, none of it written', async () => {
    const source = 'Alpha **beta gamma** delta epsilon.\n';
    const result = await reviewMarkdown(source, [
      { author: 'B', markdown: 'Alpha **beta theta** delta epsilon.\n' },
      { author: 'A', markdown: 'Alpha **beta zeta** epsilon.\n' },
    ]);
    // A's change ran past the bold text: its comment follows all it would have changed.
    expect(result.body).toBe('Alpha **beta {~~gamma~>theta~~}{>>B 2024-12-01<<}** delta{>>A 2024-12-01: 建议将“gamma delta”改为“zeta”<<} epsilon.\n');
  });

  it('new paragraphs from two departments after the same paragraph both stand', async () => {
    const result = await reviewMarkdown('First.\n\nLast.\n', [
      { author: 'A', markdown: 'First.\n\nFrom A.\n\nLast.\n' },
      { author: 'B', markdown: 'First.\n\nFrom B.\n\nLast.\n' },
    ]);
    expect(result.body).toBe('First.\n\n{++From A.++}{>>A 2024-12-01<<}\n\n{++From B.++}{>>B 2024-12-01<<}\n\nLast.\n');
    expect(result.conflicts).toHaveLength(0);
  });

  it('never writes CriticMarkup into code, where it would be printed as code', async () => {
    const source = 'Run `press build now` first.\n\n```text\nhello world\n```\n';
    const result = await reviewMarkdown(source, [{ author: 'A', markdown: 'Run `press check now` first.\n\n```text\nhello there world\n```\n' }]);
    expect(result.body).toBe(source);
    expect(result.opinions.map((opinion) => [opinion.original, opinion.proposal, opinion.line])).toEqual([
      ['build', 'check', undefined],
      ['（在“…hello ”之后）', 'there ', undefined],
    ]);
  });

  it('text from Word that Markdown would read as syntax or break lines is escaped', async () => {
    const source = '| a | b |\n| --- | --- |\n| one | two |\n';
    // The copy's cell reads `one &copy; {++x++}` and a line break, as Word shows it.
    const { body } = await reviewMarkdown(source, [{ author: 'A', markdown: '| a | b |\n| --- | --- |\n| one \\&copy; \\{++x++}<br>y | two |\n' }]);
    const [inserted, ...more] = collectSuggestions((await reportFrom(FRONT + body)).tree);
    expect(more).toEqual([]);
    expect(inserted?.type).toBe('suggestionInsert');
    expect(toString(inserted)).toBe(' &copy; {++x++}y');
    expect(body.split('\n').length).toBe(source.split('\n').length);
  });

  it('never cuts an escape from its character, nor an entity', async () => {
    const source = 'Some \\*escaped stars\\* and &amp; here.\n';
    const { body } = await reviewMarkdown(source, [{ author: 'A', markdown: 'Some \\*escaped asterisks\\* and &amp; there.\n' }]);
    expect(body).toBe('Some \\*escaped {~~stars~>asterisks~~}{>>A 2024-12-01<<}\\* and &amp; {~~here~>there~~}{>>A 2024-12-01<<}.\n');
  });

  it('a heading reworded beyond likeness is still that heading', async () => {
    const { body } = await reviewMarkdown('## Targets\n\nText.\n', [{ author: 'A', markdown: '## Goals\n\nText.\n' }]);
    expect(body).toBe('## {~~Targets~>Goals~~}{>>A 2024-12-01<<}\n\nText.\n');
  });

  it('a split paragraph whose moved half conflicts is kept whole as comments, so its text is never repeated', async () => {
    const source = '收入增长5.2%。税收占比75%。\n\n下一段。\n';
    const result = await reviewMarkdown(source, [
      { author: '甲', markdown: '收入增长5.3%。税收占比75%。\n\n下一段。\n' },
      { author: '乙', markdown: '收入增长5.2%。\n\n税收占比75%。\n\n下一段。\n' },
    ]);
    // 乙's split moved the first sentence into a paragraph of its own; 甲 changed that sentence.
    expect(result.body).not.toContain('{++收入增长5.2%。++}');
    expect(result.body).toContain('收入增长{~~5.2~>5.3~~}{>>甲 2024-12-01<<}');
    expect(result.conflicts).toHaveLength(1);
  });
});
