import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build.ts';
import { main } from '../../pipeline/cli.ts';
import { ROOT } from '../helpers/documents.ts';
import { listChangesWithLibreOffice, type DocumentChanges } from '../helpers/libreoffice-edit.ts';
import { pdfText } from '../helpers/read-back.ts';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';

const run = promisify(execFile);
const PRESS = path.join(ROOT, 'bin/press.js');
const FIXTURES = path.join(ROOT, 'test/compare/fixtures');

async function press(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [PRESS, ...args], { cwd, env: { ...process.env, FORCE_COLOR: '0' } });
    return { code: 0, stdout, stderr };
  } catch (failure) {
    const { code, stdout, stderr } = failure as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

/** pandoc's plain text of a Word file (its tracked changes accepted, rejected, or all shown), white space collapsed. */
async function pandoc(file: string, mode: 'accept' | 'reject' | 'all', to = 'plain'): Promise<string> {
  const { stdout } = await run('pandoc', [`--track-changes=${mode}`, '-f', 'docx', '-t', to, '--wrap=none', file]);
  return stdout;
}

/**
 * Plain text for comparison: white space collapsed, and bullets left empty dropped (a list item
 * whose whole text is a tracked deletion keeps its paragraph mark in Word, so accepting it leaves
 * an empty item).
 */
function normalise(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*(?:-|\d+\.)\s*$/.test(line))
    .join('\n')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Edition {
  name: 'zh' | 'en';
  dir: string;
  result: { code: number; stdout: string; stderr: string };
  docx: string;
  html: string;
  pdf: string;
  /** pandoc's plain text of the old and the new edition built on their own as Word files. */
  oldPlain: string;
  newPlain: string;
}

const editions = new Map<string, Edition>();
let changes: DocumentChanges[] = [];

beforeAll(async () => {
  for (const name of ['zh', 'en'] as const) {
    const dir = await temporaryFolder('press-compare-');
    // The old edition in a folder of its own, without the image: the changes resolve from the new edition's folder.
    await mkdir(path.join(dir, 'old'));
    await mkdir(path.join(dir, 'new'));
    await copyFile(path.join(FIXTURES, `${name}-old.md`), path.join(dir, 'old', 'report.md'));
    await copyFile(path.join(FIXTURES, `${name}-new.md`), path.join(dir, 'new', 'report.md'));
    await copyFile(path.join(ROOT, 'source/examples/targets-2024.png'), path.join(dir, 'new', 'chart.png'));
    const result = await press(['compare', 'old/report.md', 'new/report.md', '--out', 'out'], dir);
    // The editions on their own, as Word files (the old one beside a copy of the image).
    await copyFile(path.join(ROOT, 'source/examples/targets-2024.png'), path.join(dir, 'old', 'chart.png'));
    for (const side of ['old', 'new']) {
      const built = await build({ input: path.join(dir, side, 'report.md'), outDir: path.join(dir, side, 'out'), formats: ['docx'] });
      expect(built.ok, built.report.file.messages.map(String).join('\n')).toBe(true);
    }
    const out = (extension: string) => path.join(dir, 'out', `report-changes.${extension}`);
    editions.set(name, {
      name,
      dir,
      result,
      docx: out('docx'),
      html: out('html'),
      pdf: out('pdf'),
      oldPlain: await pandoc(path.join(dir, 'old', 'out', 'report.docx'), 'accept'),
      newPlain: await pandoc(path.join(dir, 'new', 'out', 'report.docx'), 'accept'),
    });
  }
  const edition = (name: string) => editions.get(name) as Edition;
  changes = await listChangesWithLibreOffice([edition('zh').docx, edition('en').docx]);
}, 600_000);

const get = (name: 'zh' | 'en') => editions.get(name) as Edition;

describe('press compare of two editions', { timeout: 300_000 }, () => {
  it('writes the three -changes outputs and says what changed', async () => {
    const zh = get('zh');
    expect(zh.result.code, zh.result.stderr).toBe(0);
    expect(zh.result.stdout).toBe('new/report.md: 1 insertions, 2 deletions, 3 replacements, 1 moves since old/report.md\n');
    const en = get('en');
    expect(en.result.code, en.result.stderr).toBe(0);
    expect(en.result.stdout).toBe('new/report.md: 5 insertions, 2 deletions, 2 replacements, 1 moves since old/report.md\n');
    for (const edition of [zh, en]) expect((await readdir(path.join(edition.dir, 'out'))).sort()).toEqual(['report-changes.docx', 'report-changes.html', 'report-changes.pdf']);
  });

  it('gives messages at the new edition’s own lines', () => {
    // `### Longer term` after `# Outlook` skips a level: line 37 of the new edition.
    expect(get('en').result.stderr).toMatch(/^new\/report\.md:37:1: warning: .*\[heading-skip\]$/m);
  });

  it('pandoc reads the new edition with the changes accepted and the old one with them rejected', async () => {
    for (const edition of [get('zh'), get('en')]) {
      expect(normalise(await pandoc(edition.docx, 'accept')), `${edition.name} accept`).toBe(normalise(edition.newPlain));
      expect(normalise(await pandoc(edition.docx, 'reject')), `${edition.name} reject`).toBe(normalise(edition.oldPlain));
    }
  });

  it('pandoc shows each change with its author', async () => {
    const markdown = await pandoc(get('en').docx, 'all', 'markdown');
    const spans = [...markdown.matchAll(/\[([^\]]*)\]\{\.(insertion|deletion) author="([^"]*)" date="([^"]*)"\}/g)].map((match) => `${match[2]} ${match[3]} ${match[4]}: ${match[1]}`);
    const by = 'City Water Board 2024-03-15T00:00:00Z';
    expect(spans).toEqual([
      `insertion ${by}: and key figures`,
      `deletion ${by}: 42`,
      `insertion ${by}: 43`,
      `insertion ${by}: **strict**`,
      `deletion ${by}: This year the board replaced old lead pipes in the northern district and opened a new treatment plant.`,
      `deletion ${by}: 12,480`,
      `insertion ${by}: 12,510`,
      `deletion ${by}: extend the reservoir`,
      `insertion ${by}: train new inspectors`,
      `deletion ${by}: Rain in the spring filled the reservoirs to 96% of capacity, the highest level in ten years.`,
      `insertion ${by}: Longer term`,
      `insertion ${by}: A new water meter will be installed in every home by 2026.`,
      `insertion ${by}: Rain in the spring filled the reservoirs to 96% of capacity, the highest level in ten years.`,
    ]);
    const chinese = await pandoc(get('zh').docx, 'all', 'markdown');
    expect(chinese).toMatch(/\[20\]\{\.deletion author="秦皇岛市人民政府" date="2024-01-15T00:00:00Z"\}\[25\]\{\.insertion author="秦皇岛市人民政府"/);
    expect(chinese).toMatch(/和\[主要\]\{\.deletion author="秦皇岛市人民政府"[^}]*\}\[预期\]\{\.insertion author="秦皇岛市人民政府"[^}]*\}目标/);
  });

  it('LibreOffice opens the files and lists every change with its author', () => {
    const [zh, en] = changes;
    // LibreOffice joins changes that touch (two inserted paragraphs in a row are one), so the texts
    // are compared joined; a whole paragraph's change ends with its tracked paragraph mark (a line break).
    const texts = (listed: DocumentChanges | undefined, type: string) => listed?.redlines.filter((redline) => redline.type === type).map((redline) => redline.text.replace(/\n$/, '')).join('|') ?? '';
    expect(new Set(en?.redlines.map((redline) => `${redline.type} ${redline.author}`))).toEqual(new Set(['Insert City Water Board', 'Delete City Water Board']));
    expect(texts(en, 'Delete')).toBe('42|This year the board replaced old lead pipes in the northern district and opened a new treatment plant.|12,480|extend the reservoir|Rain in the spring filled the reservoirs to 96% of capacity, the highest level in ten years.');
    expect(texts(en, 'Insert').replace(/\n/g, '|')).toBe(' and key figures|43|strict |12,510|train new inspectors|Longer term|A new water meter will be installed in every home by 2026.|Rain in the spring filled the reservoirs to 96% of capacity, the highest level in ten years.');
    expect(new Set(zh?.redlines.map((redline) => `${redline.type} ${redline.author}`))).toEqual(new Set(['Insert 秦皇岛市人民政府', 'Delete 秦皇岛市人民政府']));
    expect(texts(zh, 'Delete')).toMatch(/^20\|旅游旺季服务保障再创历史最好。\|各位代表！事非经过不知难.*\|习近平总书记对燕赵大地.*\|主要\|5\.5$/);
    expect(texts(zh, 'Insert').replace(/\n/g, '|')).toMatch(/^25\|各位代表！事非经过不知难.*\|我们将坚持问题导向，逐项研究解决，确保各项任务落地见效。\|预期\|6$/);
  });

  it('the web page shows insertions and deletions as ins and del, moves labelled as moved', async () => {
    const html = await readFile(get('en').html, 'utf8');
    expect(html).toContain('<del class="suggestion-text">42</del>');
    expect(html).toContain('<ins class="suggestion-text">43</ins>');
    expect(html).toMatch(/Moved away by City Water Board[\s\S]{0,80}<del class="suggestion-text">Rain in the spring/);
    expect(html).toMatch(/Moved here by City Water Board[\s\S]{0,80}<ins class="suggestion-text">Rain in the spring/);
    const chinese = await readFile(get('zh').html, 'utf8');
    expect(chinese).toContain('<del class="suggestion-text">旅游旺季服务保障再创历史最好。</del>');
    expect(chinese).toMatch(/<ins class="suggestion-text">25<\/ins>/);
  });

  it('the PDF prints both the old and the new words, marked', async () => {
    const text = (await pdfText(get('en').pdf)).replace(/\s+/g, ' ');
    for (const words of ['12,480', '12,510', 'extend the reservoir', 'train new inspectors', 'This year the board replaced']) expect(text).toContain(words);
    expect(text).toMatch(/Replaced by City Water Board 2024-03-15\]\s*4243/);
    const chinese = (await pdfText(get('zh').pdf)).replace(/\s+/g, '');
    expect(chinese).toContain('旅游旺季服务保障再创历史最好');
    expect(chinese).toMatch(/全面完成【替换：秦皇岛市人民政府[-\d]*】2025项民生实事/);
  });
});

describe('press compare refuses bad input', { timeout: 300_000 }, () => {
  it('usage errors, missing files and a new edition with errors: a clear message, nothing written', async () => {
    const dir = await temporaryFolder('press-compare-bad-');
    await writeFiles(dir, {
      'old.md': '---\ntitle: A\nlang: en\n---\n\nSome text.\n',
      'new.md': '---\ntitle: A\nlang: en\n---\n\nSome new text.\n\n![A chart](missing.png)\n',
    });
    // Usage errors are found before any work: the command line's own function, in this process.
    const usage = async (args: string[]) => {
      let text = '';
      const stderr = new Writable({ write: (chunk: Buffer, _encoding, done) => ((text += chunk.toString()), done()) });
      const code = await main(args.map((arg) => (arg.endsWith('.md') ? path.join(dir, arg) : arg)), stderr as unknown as NodeJS.WriteStream);
      return { code, stderr: text.replaceAll(`${dir}/`, '') };
    };
    for (const args of [['compare', 'old.md'], ['compare', 'old.md', 'new.md', '--format', 'pdf'], ['compare', 'old.md', 'new.md', '--author', ' '], ['compare', 'old.md', 'new.md', 'extra.md'], ['build', 'new.md', '--author', 'X']]) {
      const result = await usage(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage:');
    }
    const missing = await usage(['compare', 'gone.md', 'new.md']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('press: cannot read gone.md: no such file\n');
    const broken = await press(['compare', 'old.md', 'new.md', '--out', 'out'], dir);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^new\.md:8:1: error: .*\[image-missing\]$/m);
    expect(broken.stderr).toContain('press: new.md: changes not built, fix the errors above');
    expect(broken.stderr).not.toMatch(/\n\s+at /);
    await expect(readdir(path.join(dir, 'out'))).rejects.toThrow();
    await writeFile(path.join(dir, 'bad.md'), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]));
    const encoding = await press(['compare', 'bad.md', 'old.md', '--out', 'out'], dir);
    expect(encoding.code).toBe(1);
    expect(encoding.stderr).toMatch(/^bad\.md:1:3: error: .*\[source-encoding\]$/m);
  });
});
