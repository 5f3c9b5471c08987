import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSources } from '../../pipeline/critic/compare-sources.ts';
import { blockTexts, markupCount, parsedSuggestions, resolveMarkup } from './resolve.ts';

const fixture = (name: string) => readFile(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
const compare = (oldText: string, newText: string, author?: string) =>
  compareSources({ path: 'old.md', text: oldText }, { path: 'new.md', text: newText }, author === undefined ? {} : { author });

/** Accepting every change gives the new edition's blocks, rejecting them the old edition's. */
function expectBothEditions(marked: string, oldText: string, newText: string): void {
  // The build's parser reads every change written as a suggestion, and no delimiter is left as text.
  const parsed = parsedSuggestions(marked);
  expect(parsed.leftovers).toEqual([]);
  expect(parsed.suggestions).toBe(markupCount(marked));
  expect(blockTexts(resolveMarkup(marked, 'accept'))).toEqual(blockTexts(newText));
  expect(blockTexts(resolveMarkup(marked, 'reject'))).toEqual(blockTexts(oldText));
}

/** The new edition with every suggestion and its attribution taken out, deleted blocks with their markers. */
const withoutMarkup = (marked: string) => resolveMarkup(marked, 'accept');

describe('compare two editions of a Chinese report (source/report.md)', async () => {
  const [oldText, newText] = await Promise.all([fixture('zh-old.md'), fixture('zh-new.md')]);
  const result = compare(oldText, newText);

  it('marks a replacement, a deleted sentence, a changed heading and a changed table cell by words', () => {
    const by = '{>>秦皇岛市人民政府 2024-01-15<<}';
    expect(result.text).toContain(`全面完成{~~20~>25~~}${by}项民生实事`);
    expect(result.text).toContain(`全部办复。{--旅游旺季服务保障再创历史最好。--}${by}国防动员`);
    expect(result.text).toContain(`# 二、2024年工作总体要求和{~~主要~>预期~~}${by}目标`);
    expect(result.text).toContain(`| 一般公共预算收入 | {~~5.5~>6~~}${by}% |`);
  });

  it('writes a deleted paragraph where it was and an inserted one wrapped, and a moved paragraph as a move', () => {
    expect(result.text).toMatch(/\n\n\{--习近平总书记对燕赵大地[^\n]*--\}\{>>秦皇岛市人民政府 2024-01-15<<\}\n\n/);
    expect(result.text).toContain('\n\n{++我们将坚持问题导向,逐项研究解决,确保各项任务落地见效。++}{>>秦皇岛市人民政府 2024-01-15<<}\n\n# 二、');
    const from = result.text.indexOf('{--各位代表!事非经过不知难');
    const to = result.text.indexOf('{++各位代表!事非经过不知难');
    expect(from).toBeGreaterThan(0);
    expect(to).toBeGreaterThan(result.text.indexOf('我们也清醒看到'));
    expect(from).toBeLessThan(result.text.indexOf('习近平总书记对燕赵大地'));
    expect(result.text.match(/2024-01-15: move:m1<<\}/g)).toHaveLength(2);
    expect(result.counts).toEqual({ insertions: 1, deletions: 2, substitutions: 3, moves: 1 });
  });

  it('leaves every other byte of the new edition as it was, front matter included', () => {
    expect(withoutMarkup(result.text).replace(/\n\n(?=\n)/g, '')).toBe(newText);
  });

  it('accepted gives the new edition, rejected the old one', () => {
    expectBothEditions(result.text, oldText, newText);
  });
});

describe('compare two editions of an English report', async () => {
  const [oldText, newText] = await Promise.all([fixture('en-old.md'), fixture('en-new.md')]);
  const result = compare(oldText, newText);
  const by = '{>>City Water Board 2024-03-15<<}';

  it('marks changes inside bold text, headings, table cells and list items', () => {
    expect(result.text).toContain(`# Summary{++ and key figures++}${by}`);
    expect(result.text).toContain(`supplied {~~42~>43~~}${by} million`);
    expect(result.text).toContain(`**{++strict ++}${by}national standard**`);
    expect(result.text).toContain(`| Samples taken | 12,000 | {~~12,480~>12,510~~}${by} |`);
    expect(result.text).toContain(`- finish the lead pipe programme\n- {--extend the reservoir--}${by}\n- publish results every month\n- {++train new inspectors++}${by}\n`);
  });

  it('shows a moved paragraph as a move', () => {
    expect(result.text).toContain(`# Outlook\n\n{--Rain in the spring filled the reservoirs to 96% of capacity, the highest level in ten years.--}{>>City Water Board 2024-03-15: move:m1<<}\n\n### {++Longer term++}${by}\n\nWe thank`);
    expect(result.text).toContain(`\n\n{++Rain in the spring filled the reservoirs to 96% of capacity, the highest level in ten years.++}{>>City Water Board 2024-03-15: move:m1<<}\n\n[^lab]`);
    expect(result.notes).toEqual([]);
  });

  it('reports a changed code block, which cannot hold a suggestion, and leaves it as the new edition has it', () => {
    const changed = compare('Text.\n\n```text\nsample-id, site\n```\n\nEnd.\n', 'Text.\n\n```text\nsample-id, site, date\n```\n\nEnd.\n');
    expect(changed.notes.map((note) => `${note.side}:${note.line}:${note.kind}:${note.detail}`)).toEqual(['old:3:opaque-changed:code', 'new:3:opaque-changed:code']);
    expect(changed.text).toBe('Text.\n\n```text\nsample-id, site, date\n```\n\nEnd.\n');
  });

  it('accepted gives the new edition, rejected the old one', () => {
    expectBothEditions(result.text, oldText, newText);
  });

  it('attributes to --author when given, else the new edition author, and dates only with a full date', () => {
    expect(compare(oldText, newText, '审核组').text).toContain('{~~42~>43~~}{>>审核组 2024-03-15<<}');
    expect(compare('# A\n\nold words\n', '# A\n\nnew words\n').text).toBe('# A\n\n{~~old~>new~~}{>>report-press<<} words\n');
    expect(compare('---\nauthor: X\ndate: 2024\n---\n\nold words here\n', '---\nauthor: X\ndate: 2024\n---\n\nnew words here\n').text).toContain('{~~old~>new~~}{>>X<<}');
    // nothing in common: a deletion and an insertion
    expect(compare('# A\n\nalpha\n', '# A\n\nomega\n').text).toBe('# A\n\n{--alpha--}{>>report-press<<}\n\n{++omega++}{>>report-press<<}\n');
  });

  it('notes a changed title', () => {
    const changed = compare('---\ntitle: Draft\n---\n\ntext\n', '---\ntitle: Final\n---\n\ntext\n');
    expect(changed.notes).toEqual([{ line: 1, side: 'new', kind: 'title-changed', detail: 'Draft' }]);
    expect(changed.text).toBe('---\ntitle: Final\n---\n\ntext\n');
  });
});

describe('compare two editions of the showcase (captions, nested lists, task lists, quotes, footnotes)', async () => {
  const oldText = await readFile(fileURLToPath(new URL('../../source/examples/showcase.md', import.meta.url)), 'utf8');
  const newText = oldText
    .replace('图1　2024年主要预期目标（%）', '图1　2024年主要预期目标（单位：%）')
    .replace('| 进出口总额 | 3.5% | 左右 |\n', '')
    .replace('   - 扩大投资\n', '   - 扩大有效投资\n   - 稳定外贸\n')
    .replace('- [ ] 开展季度调度\n', '')
    .replace('> > 引文中的引文：坚持稳中求进、以进促稳、先立后破。', '> > 引文中的引文：坚持稳中求进。')
    .replace('[^targets]: “左右”表示目标为约数。', '[^targets]: “左右”表示目标为近似数。')
    .replace('表1　2024年主要预期目标', '表1　2024年主要预期目标（修订）')
    .replace('**一是坚持稳中求进。**', '**一是坚持稳中求进、以进促稳。**');
  const result = compare(oldText, newText);

  it('marks each change inside its block', () => {
    const by = '{>>示例市人民政府研究室 2024-03-01<<}';
    expect(result.text.split('\n').filter((line) => line.includes(by))).toEqual([
      `**一是坚持稳中求进{++、以进促稳++}${by}。**各项目标既积极又可行，需要付出*巨大的努力*。`,
      `表1　2024年主要预期目标{++（修订）++}${by} {#tbl-targets}`,
      `| {--进出口总额--}${by} | {--3.5%--}${by} | {--左右--}${by} |`,
      `图1　2024年主要预期目标（{++单位：++}${by}%）`,
      `   - 扩大{++有效++}${by}投资`,
      `   - {++稳定外贸++}${by}`,
      `- [ ] {--开展季度调度--}${by}`,
      `> > 引文中的引文：坚持稳中求进{--、以进促稳、先立后破--}${by}。`,
      `[^targets]: “左右”表示目标为{~~约~>近似~~}${by}数。`,
    ]);
    expectBothEditions(result.text, oldText, newText);
  });
});

describe('inline markup is never cut in two', () => {
  const cases: [string, string, string][] = [
    // a word moved out of bold text: two changes, each inside one side of the boundary
    ['Keep **bold text** here.', 'Keep **bold** text here.', 'Keep **bold{-- text--}{>>report-press<<}**{++ text++}{>>report-press<<} here.'],
    // changes that would start outside bold text and end inside it: the whole bold span
    ['Say **very bold** now', 'Say very **bold** now', 'Say {~~**very bold**~>very **bold**~~}{>>report-press<<} now'],
    ['A **b c** d e', 'A **b c d** e', 'A {~~**b c** d~>**b c d**~~}{>>report-press<<} e'],
    ['x [link text](u) y', 'x link [text](u) y', 'x {~~[link text](u)~>link [text](u)~~}{>>report-press<<} y'],
    // a link whose target changed: the whole link
    ['See [the site](https://a.example/x) now.', 'See [the site](https://b.example/x) now.', 'See {~~[the site](https://a.example/x)~>[the site](https://b.example/x)~~}{>>report-press<<} now.'],
    // a code span: whole
    ['Run `press build` first.', 'Run `press check` first.', 'Run {~~`press build`~>`press check`~~}{>>report-press<<} first.'],
    // a change inside emphasis stays inside it
    ['An *important new* rule.', 'An *important old* rule.', 'An *important {~~new~>old~~}{>>report-press<<}* rule.'],
    // an escape stays with what it escapes
    ['Price \\*5 today', 'Price \\*6 today', 'Price \\*{~~5~>6~~}{>>report-press<<} today'],
    // a footnote reference is one piece
    ['Text[^a] more.\n\n[^a]: Note.', 'Text[^b] more.\n\n[^a]: Note.', 'Text{~~[^a]~>[^b]~~}{>>report-press<<} more.\n\n[^a]: Note.'],
  ];
  for (const [oldText, newText, expected] of cases) {
    it(`${oldText.split('\n')[0]} → ${newText.split('\n')[0]}`, () => {
      const { text } = compare(oldText, newText);
      expect(text).toBe(expected);
      expectBothEditions(text, oldText, newText);
    });
  }
});

describe('deleted blocks are written back where they were', () => {
  it('a deleted heading, a deleted first paragraph, a deleted table row and a whole deleted table', () => {
    const oldText = 'First paragraph.\n\n## Old heading\n\nBody.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |\n\n| x | y |\n| - | - |\n| 5 | 6 |\n\nEnd.\n';
    const newText = 'Body.\n\n| a | b |\n| - | - |\n| 3 | 4 |\n\nEnd.\n';
    const { text } = compare(oldText, newText);
    expect(text).toBe(
      '{--First paragraph.--}{>>report-press<<}\n\n## {--Old heading--}{>>report-press<<}\n\nBody.\n\n| a | b |\n| - | - |\n| {--1--}{>>report-press<<} | {--2--}{>>report-press<<} |\n| 3 | 4 |\n\n' +
        '| {--x--}{>>report-press<<} | {--y--}{>>report-press<<} |\n| - | - |\n| {--5--}{>>report-press<<} | {--6--}{>>report-press<<} |\n\nEnd.\n',
    );
    expectBothEditions(text, oldText, newText);
  });

  it('in a source with CRLF line endings, the lines written end the same way', () => {
    const crlf = (lines: string[]) => lines.join('\r\n');
    const oldText = crlf(['| a | b |', '| - | - |', '| 1 | 2 |', '| 3 | 4 |', '', 'Gone paragraph.', '', 'End.', '']);
    const newText = crlf(['| a | b |', '| - | - |', '| 3 | 4 |', '', 'End.', '']);
    const { text } = compare(oldText, newText);
    expect(text).toBe(crlf(['| a | b |', '| - | - |', '| {--1--}{>>report-press<<} | {--2--}{>>report-press<<} |', '| 3 | 4 |', '', '{--Gone paragraph.--}{>>report-press<<}', '', 'End.', '']));
    expectBothEditions(text, oldText, newText);
  });

  it('a deleted nested list item and a deleted quote paragraph', () => {
    const oldText = '1. one\n   - sub a\n   - sub b\n2. two\n\n> quoted one\n>\n> quoted two\n\nAfter.\n';
    const newText = '1. one\n   - sub a\n2. two\n\n> quoted one\n\nAfter.\n';
    const { text } = compare(oldText, newText);
    expect(text).toBe('1. one\n   - sub a\n   - {--sub b--}{>>report-press<<}\n2. two\n\n> quoted one\n\n> {--quoted two--}{>>report-press<<}\n\nAfter.\n');
    expectBothEditions(text, oldText, newText);
  });
});

describe('random edits of source/report.md', async () => {
  const source = await readFile(fileURLToPath(new URL('../../source/report.md', import.meta.url)), 'utf8');
  const [head, body] = [source.slice(0, source.indexOf('\n# ') + 1), source.slice(source.indexOf('\n# ') + 1)];
  const blocks = body.trimEnd().split('\n\n');
  const words = ['加快', '推进', '高质量', '发展', '，', '。', 'GDP', '2025年', '民生'];
  type Edit = { kind: 'replace' | 'insert' | 'delete'; block: number; at: number; length: number; word: number } | { kind: 'move' | 'drop' | 'add'; block: number; to: number; word: number };
  const edit = fc.oneof(
    fc.record({ kind: fc.constantFrom('replace' as const, 'insert' as const, 'delete' as const), block: fc.nat(), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }), word: fc.nat() }),
    fc.record({ kind: fc.constantFrom('move' as const, 'drop' as const, 'add' as const), block: fc.nat(), to: fc.nat(), word: fc.nat() }),
  );
  const applyEdits = (edits: Edit[]): string => {
    const edited = [...blocks];
    for (const change of edits) {
      const index = change.block % edited.length;
      const block = edited[index] ?? '';
      const word = words[change.word % words.length] ?? '';
      if (!('at' in change)) {
        if (change.kind === 'add') edited.splice(change.to % (edited.length + 1), 0, `新增段落${word}内容。`);
        else if (edited.length > 2) {
          const [taken] = edited.splice(index, 1);
          if (change.kind === 'move' && taken !== undefined) edited.splice(change.to % (edited.length + 1), 0, taken);
        }
        continue;
      }
      if (block.startsWith('#') || block.length < 20) continue;
      const at = change.at % block.length;
      const end = Math.min(block.length, at + change.length);
      edited[index] = change.kind === 'insert' ? block.slice(0, at) + word + block.slice(at) : block.slice(0, at) + (change.kind === 'replace' ? word : '') + block.slice(end);
    }
    return `${head}${edited.filter((block) => block.trim() !== '').join('\n\n')}\n`;
  };

  it('accepted always gives the new edition and rejected the old one', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        const newText = applyEdits(edits);
        const { text } = compare(source, newText);
        expectBothEditions(text, source, newText);
      }),
      { numRuns: 60, seed: 12 },
    );
  });
});

describe('random edits of an English report with inline markup', async () => {
  // Links to anchors only: an edit that breaks a link leaves its URL as text, and a bare URL just
  // before a closing `++}` is read by GFM as an autolink that swallows it (a limit of the syntax).
  const source = (await fixture('en-old.md')).replace('https://water.example.org/data', '#results');
  const bodyStart = source.indexOf('\n# ') + 1;
  const pieces = ['word', ' ', '**bold**', '*', '`code`', '[link](#summary)', ', ', '.', 'strict'];
  it('accepted always gives the new edition and rejected the old one, and every change parses', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(), length: fc.integer({ min: 0, max: 30 }), piece: fc.nat() }), { minLength: 1, maxLength: 6 }),
        (edits) => {
          let newText = source;
          for (const edit of edits) {
            const at = bodyStart + (edit.at % (newText.length - bodyStart));
            // Edit within one line, past its block markers (`# `, `- `, `| `, `[^lab]: `): the blocks stay, their text changes.
            if (at - (newText.lastIndexOf('\n', at - 1) + 1) < 8) continue;
            const lineEnd = newText.indexOf('\n', at);
            const end = Math.min(lineEnd < 0 ? newText.length : lineEnd, at + edit.length);
            // Table cells keep their pipes: a row that loses one is no longer a row of its table.
            if (newText.slice(at, end).includes('|')) continue;
            newText = newText.slice(0, at) + (pieces[edit.piece % pieces.length] ?? '') + newText.slice(end);
          }
          const { text } = compare(source, newText);
          expectBothEditions(text, source, newText);
        },
      ),
      { numRuns: 50, seed: 7 },
    );
  });
});

describe('a 300-page report', async () => {
  const source = await readFile(fileURLToPath(new URL('../../source/report.md', import.meta.url)), 'utf8');
  const start = source.indexOf('\n# ') + 1;
  const oldText = source.slice(0, start) + Array.from({ length: 60 }, () => source.slice(start)).join('\n');
  const blocks = oldText.split('\n\n');
  // Scattered edits: every 25th paragraph reworded, every 97th deleted, a new one every 131st, one moved far.
  const edited = blocks.map((block, index) => (index > 2 && index % 25 === 0 && !block.startsWith('#') ? block.replace('我们', '我市').replace('发展', '进步') : block)).filter((_, index) => index % 97 !== 50);
  for (let index = 131; index < edited.length; index += 131) edited.splice(index, 0, `新增第${index}段：加快推进重点项目建设。`);
  const [moved] = edited.splice(200, 1);
  edited.splice(600, 0, moved ?? '');
  const newText = edited.join('\n\n');

  // Its time is measured by `npm run bench`, not asserted; the test's time limit catches a blow-up.
  it('is compared with every change found', { timeout: 60_000 }, () => {
    const result = compare(oldText, newText);
    expect(result.counts).toEqual({ insertions: 5, deletions: 7, substitutions: 27, moves: 1 });
    expectBothEditions(result.text, oldText, newText);
  });
});
