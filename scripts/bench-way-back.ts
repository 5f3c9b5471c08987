// The way back from Word, for `npm run bench`: `press import` and `press review` of a 300-page
// Word file edited in LibreOffice (tracked changes by one department, plain edits by another),
// each against `press build --format docx` of the same report, as whole processes (medians of 3).
import { execFile } from 'node:child_process';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { editWithLibreOffice } from '../test/helpers/libreoffice-edit.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const press = path.join(root, 'bin/press.js');

/** Median wall time of `runs` runs of `press <args>`, in milliseconds. */
async function timed(args: string[], cwd: string, runs = 3): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    await run(process.execPath, [press, ...args, '--quiet'], { cwd, maxBuffer: 1 << 24 });
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
}

/** Print the import and review rows for the report `source` (a Markdown file in its own folder). */
export async function benchWayBack(source: string): Promise<void> {
  const folder = path.join(path.dirname(source), 'way-back');
  await mkdir(folder, { recursive: true });
  const name = path.basename(source, '.md');
  await copyFile(source, path.join(folder, `${name}.md`));
  const buildMs = await timed(['build', `${name}.md`, '--format', 'docx', '--out', '.', '--force'], folder);
  const built = path.join(folder, `${name}.docx`);
  const edited = path.join(folder, `${name}-edited.docx`);
  const plain = path.join(folder, `${name}-plain.docx`);
  await editWithLibreOffice([
    {
      input: built,
      output: edited,
      author: '市发展改革委',
      edits: [1, 10, 20, 30, 40, 50, 60].flatMap((occurrence) => [
        { kind: 'replace' as const, find: '高质量发展', with: '高质量跨越发展', occurrence },
        { kind: 'comment' as const, find: '民生', text: '请核对', occurrence },
      ]),
    },
    { input: built, output: plain, author: '市财政局', track: false, edits: [5, 25, 45].map((occurrence) => ({ kind: 'replace' as const, find: '改革', with: '深化改革', occurrence })) },
  ]);
  const importMs = await timed(['import', path.basename(edited), '--out', 'imported'], folder);
  const reviewMs = await timed(['review', `${name}.md`, path.basename(edited), '--out', 'review'], folder);
  const reviewBothMs = await timed(['review', `${name}.md`, path.basename(edited), path.basename(plain), '--out', 'review-both'], folder);
  const pad = (text: string, width: number) => text.padStart(width);
  console.log(`\nthe way back (${name}, edited in LibreOffice), medians of 3 whole runs:`);
  console.log(`${'command'.padEnd(36)}${pad('time', 10)}${pad('build docx', 12)}${pad('ratio', 8)}  target`);
  for (const [label, ms, target] of [
    ['import (tracked changes, comments)', importMs, '< ×1.00'],
    ['review (that copy)', reviewMs, '< ×1.00'],
    ['review (+ a copy edited untracked)', reviewBothMs, '(no target)'],
  ] as const) {
    console.log(`${label.padEnd(36)}${pad(`${ms.toFixed(0)} ms`, 10)}${pad(`${buildMs.toFixed(0)} ms`, 12)}${pad(`×${(ms / buildMs).toFixed(2)}`, 8)}  ${target}`);
  }
  console.log('build docx: press build --format docx of the same report; a copy edited without tracking makes review read back the Word file written from the source.');
}
