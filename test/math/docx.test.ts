/**
 * Math in the Word file (issue 14, point 1): native equations (OMML, from temml's MathML by
 * mathml2omml). `$…$` is an `m:oMath` inside its paragraph; `$$…$$` an `m:oMathPara` in a
 * paragraph of its own, in the `Equation` style both templates declare. Two independent
 * readers confirm it: pandoc reads the equations back as TeX math, and LibreOffice opens the
 * file and makes each one a formula object.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build.ts';
import { docxParts } from '../helpers/read-back.ts';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';
import { pressCommand } from '../lint/support.ts';

const run = promisify(execFile);
const profile = path.join(tmpdir(), `lo-math-${randomUUID()}`);

afterAll(async () => {
  await rm(profile, { recursive: true, force: true });
});

const ENGLISH = [
  '---',
  'title: Growth report',
  'lang: en',
  '---',
  '',
  'Energy is $E = mc^2$ and the ratio is $\\frac{a}{b}$, while $5 and $10 stay text; grown $\\left(\\frac{V_n}{V_0}\\right)^{1/n}$ on $\\bar{x}$.',
  '',
  '$$',
  '\\int_0^1 x^2\\,dx = \\frac{1}{3}',
  '$$',
  '',
  'Closing text.',
  '',
].join('\n');

const CHINESE = ['---', 'title: 报告', 'lang: zh-CN', '---', '', '增长率为 $r = \\sqrt{2}$。', '', '$$', 'y = a x + b', '$$', ''].join('\n');

/** Build the Word file of `source`; its path. */
async function buildDocx(source: string): Promise<string> {
  const dir = await temporaryFolder('press-math-docx-');
  await writeFiles(dir, { 'input.md': source });
  const result = await build({ input: path.join(dir, 'input.md'), outDir: path.join(dir, 'dist'), formats: ['docx'] });
  expect(result.report.file.messages.filter((message) => message.fatal === true).map((message) => message.reason)).toEqual([]);
  expect(result.ok).toBe(true);
  return path.join(dir, 'dist', 'input.docx');
}

/** The `w:p` elements of a document part. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((match) => match[0]);
}

const englishDocx = buildDocx(ENGLISH);
const chineseDocx = buildDocx(CHINESE);

describe('math in the Word file', () => {
  it('writes inline math as m:oMath in its paragraph and display math as m:oMathPara in an Equation paragraph', async () => {
    for (const file of [await englishDocx, await chineseDocx]) {
      const parts = await docxParts(file);
      const document = parts['word/document.xml'] ?? '';
      const inline = paragraphs(document).filter((paragraph) => paragraph.includes('<m:oMath>') || paragraph.includes('<m:oMath '));
      const display = paragraphs(document).filter((paragraph) => paragraph.includes('<m:oMathPara'));
      expect(inline.length).toBeGreaterThanOrEqual(1);
      expect(display).toHaveLength(1);
      expect(display[0]).toMatch(/<w:pStyle w:val="Equation"\/>/);
      expect(display[0]).not.toMatch(/<w:t[ >]/);
      expect(parts['word/styles.xml']).toMatch(/<w:style w:type="paragraph" w:styleId="Equation">.*?<w:name w:val="Equation"\/>/s);
    }
    const document = (await docxParts(await englishDocx))['word/document.xml'] ?? '';
    const text = paragraphs(document).find((paragraph) => paragraph.includes('Energy is'));
    expect(text).toMatch(/Energy is .*<m:oMath[ >].*<m:t[^>]*>E=m<\/m:t>.*<m:sSup>.*<\/m:oMath>.*and the ratio is .*<m:f>.*stay text; grown /s);
    // \left( … \right) is a delimiter object (brackets that grow), \bar an accent object.
    expect(text).toMatch(/<m:d><m:dPr><m:begChr m:val="\("\/><m:endChr m:val="\)"\/><\/m:dPr><m:e><m:f>/);
    expect(text).toMatch(/<m:acc><m:accPr><m:chr m:val="‾"\/><\/m:accPr><m:e><m:r><m:t[^>]*>x<\/m:t>/);
  });

  it('is read back by pandoc as TeX math', async () => {
    const { stdout } = await run('pandoc', ['-f', 'docx', '-t', 'markdown', '--wrap=none', await englishDocx]);
    expect(stdout).toMatch(/Energy is \$E = mc\^\{2\}\$ and the ratio is \$\\frac\{a\}\{b\}\$, while \\?\$5 and \\?\$10 stay text; grown \$\\left\( \\frac\{V_\{n\}\}\{V_\{0\}\} \\right\)\^\{1\/n\}\$ on \$\\bar\{x\}\$\./);
    expect(stdout).toMatch(/\$\$\\int_\{0\}\^\{1\}(\{\})?x\^\{2\}\s*dx = \\frac\{1\}\{3\}\$\$/);
    const chinese = await run('pandoc', ['-f', 'docx', '-t', 'markdown', '--wrap=none', await chineseDocx]);
    expect(chinese.stdout).toMatch(/\$r = \\sqrt\{2\}\$/);
    expect(chinese.stdout).toMatch(/\$\$y = ax \+ b\$\$/);
  });

  it('comes back from press import as the same formulas', async () => {
    const dir = await temporaryFolder('press-math-import-');
    const copy = path.join(dir, 'copy.docx');
    await writeFile(copy, await readFile(await englishDocx));
    const imported = await pressCommand(['import', copy], dir);
    expect(imported.stderr).toBe('');
    const markdown = await readFile(path.join(dir, 'copy.md'), 'utf8');
    expect(markdown).toContain('Energy is $E=m{c}^{2}$ and the ratio is $\\frac{a}{b}$, while \\$5 and \\$10 stay text; grown ${\\left(\\frac{{V}_{n}}{{V}_{0}}\\right)}^{1/n}$ on $\\bar{x}$.');
    // The integral's operand inside it (Word's n-ary object), not after an empty one.
    expect(markdown).toContain('$$\n\\int_{0}^{1}{{x}^{2}}dx=\\frac{1}{3}\n$$');
  });

  it('is opened by LibreOffice with each equation as a formula object', { timeout: 240_000 }, async () => {
    const file = await englishDocx;
    const outDir = await temporaryFolder('press-math-odt-');
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'odt', '--outdir', outDir, file], { timeout: 240_000 });
    const entries = unzipSync(new Uint8Array(await readFile(path.join(outDir, 'input.odt'))));
    const content = strFromU8(entries['content.xml'] ?? new Uint8Array());
    expect(content.match(/<draw:object\b/g)?.length).toBe(5);
    const formulas = Object.entries(entries)
      .filter(([name]) => /^Object \d+\/content\.xml$/.test(name))
      .map(([, bytes]) => strFromU8(bytes));
    expect(formulas).toHaveLength(5);
    for (const formula of formulas) expect(formula).toMatch(/<math:math|<math /);
    expect(formulas.join('\n')).toMatch(/<annotation encoding="StarMath 5\.0">E=m \{c\} \^ \{2\}<\/annotation>/);
    expect(formulas.join('\n')).toMatch(/<annotation encoding="StarMath 5\.0">[^<]*int[^<]*<\/annotation>/);
  });
});
