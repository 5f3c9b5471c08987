/**
 * Math in the source (issue 14, point 1): `$…$` and `$$…$$` are parsed as math (remark-math),
 * with pandoc's rule for single dollars so that prices stay text; every TeX expression is
 * compiled by temml once, and invalid TeX is an error at the formula with temml's message;
 * the text checks and fixes never touch the TeX.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { reportFrom } from '../helpers/report.ts';
import { check, EN, messagesOf, pressCommand, ZH } from '../lint/support.ts';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';

/** Each math node as `type value` (`inlineMath`/`math`), in order. */
function mathNodes(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'inlineMath' || node.type === 'math') found.push(`${node.type} ${(node as { value: string }).value}`);
  });
  return found;
}

async function mathOf(markdown: string): Promise<string[]> {
  return mathNodes((await reportFrom(`${EN}${markdown}\n`)).tree);
}

describe('math syntax', () => {
  it('reads $…$ as inline math and $$ fences as display math', async () => {
    expect(await mathOf('Energy $E = mc^2$ and $x_1$.\n\n$$\n\\int_0^1 x\\,dx = \\frac12\n$$')).toEqual([
      'inlineMath E = mc^2',
      'inlineMath x_1',
      'math \\int_0^1 x\\,dx = \\frac12',
    ]);
  });

  it('reads $$…$$ inside a paragraph as inline math', async () => {
    expect(await mathOf('A sum $$a+b$$ in the text.')).toEqual(['inlineMath a+b']);
  });

  it('keeps prices as text (pandoc: the opening $ not before a space, the closing $ not after a space nor before a digit)', async () => {
    expect(await mathOf('It costs $5 and $10 today.')).toEqual([]);
    expect(await mathOf('Between $20,000 and $30,000 a year.')).toEqual([]);
    expect(await mathOf('From $5 to $10, or $ 5 $ at most.')).toEqual([]);
    expect(await mathOf('Paid $5$10 in all.')).toEqual([]);
    expect(await mathOf('An escaped \\$x$ is text.')).toEqual([]);
  });

  it('still reads math next to prices', async () => {
    expect(await mathOf('It costs $5, that is $x$ dollars.')).toEqual(['inlineMath x']);
    expect(await mathOf('The ratio $a/b$, 5 times.')).toEqual(['inlineMath a/b']);
  });
});

describe('TeX validation', () => {
  it('gives invalid TeX as an error at the formula, with temml\'s message', async () => {
    const result = await check(`${EN}First $\\frac{1$ here.\n\nThen $\\foo x$.\n\n$$\n\\left( x\n$$\n`);
    expect(result.ok).toBe(false);
    const messages = messagesOf(result, 'math-invalid');
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(/^6:7 error .*Unexpected end of input in a macro argument/);
    expect(messages[1]).toMatch(/^8:6 error .*\\foo/);
    expect(messages[2]).toMatch(/^10:1 error .*\\right/);
    for (const message of messages) expect(message).not.toMatch(/\n|\u0332/);
  });

  it('gives the message in Chinese for a Chinese report', async () => {
    const result = await check(`${ZH}公式 $\\frac{1$ 有误。\n`);
    expect(messagesOf(result, 'math-invalid')).toEqual([expect.stringMatching(/^6:4 error .*TeX 公式有误/)]);
  });

  it('accepts valid TeX without messages, and refuses TeX commands that would link or style', async () => {
    const good = await check(`${EN}Sum $\\sum_{i=1}^n i = \\frac{n(n+1)}{2}$ and $\\sqrt[3]{x}$.\n\n$$\n\\begin{pmatrix}1 & 2\\\\ 3 & 4\\end{pmatrix}\n$$\n`);
    expect(good.report.file.messages.map((message) => message.ruleId)).toEqual([]);
    const linked = await check(`${EN}A $\\href{https://example.com}{x}$ link.\n`);
    expect(messagesOf(linked, 'math-invalid')).toHaveLength(1);
  });

  it('leaves the TeX alone: no CJK punctuation or digit-width message or fix inside a formula', async () => {
    const report = await reportFrom(`${ZH}2024年的函数$收入,支出$和$x=２024$，以及 $a,b$ 中的逗号。\n\n$$\n收入(x):支出\n$$\n`);
    expect(mathNodes(report.tree)).toEqual(['inlineMath 收入,支出', 'inlineMath x=２024', 'inlineMath a,b', 'math 收入(x):支出']);
    const rules = report.file.messages.map((message) => message.ruleId);
    expect(rules.filter((rule) => rule === 'cjk-punctuation' || rule === 'digit-width-mixed')).toEqual([]);
    expect(report.file.data.fixes ?? []).toEqual([]);
  });

  it('compiles the formulas of suggestions too, the new text of a substitution included', async () => {
    const report = await reportFrom(`${EN}A {~~$a$~>$b^2$~~} and {++$c$++}.\n`);
    const compiled: string[] = [];
    const walk = (node: { type: string; data?: { mathml?: string }; children?: unknown[]; inserted?: unknown[] }) => {
      if (node.type === 'inlineMath' && node.data?.mathml !== undefined) compiled.push(node.data.mathml);
      for (const child of [...(node.children ?? []), ...(node.inserted ?? [])]) walk(child as typeof node);
    };
    walk(report.tree as unknown as Parameters<typeof walk>[0]);
    expect(compiled).toHaveLength(3);
    expect(compiled[1]).toContain('<msup><mi>b</mi><mn>2</mn></msup>');
    expect(messagesOf(await check(`${EN}A {~~$a$~>$\\frac{1$~~}.\n`), 'math-invalid')).toEqual([expect.stringMatching(/^6:\d+ error /)]);
  });

  it('fails the build with exit status 1 and writes nothing', async () => {
    const dir = await temporaryFolder('press-math-');
    await writeFiles(dir, { 'input.md': `${EN}Bad $\\frac{1$ formula.\n` });
    const { code, stderr } = await pressCommand(['build', 'input.md', '--out', 'dist', '--quiet'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/input\.md:6:5: error: .*\[math-invalid\]/);
    expect(await readdir(path.join(dir, 'dist')).catch(() => [])).toEqual([]);
  });
});
