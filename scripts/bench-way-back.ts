// The way back from Word, for `npm run bench`: `press import` and `press review` of a 300-page
// Word file edited in LibreOffice (tracked changes by one department, plain edits by another),
// each against `press build --format docx` of the same report, as whole processes (medians).
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { editWithLibreOffice } from '../test/helpers/libreoffice-edit.ts';
import { measure, type Measured } from './bench-measure.ts';
import { ratioRow, seconds, type Row } from './bench-report.ts';

const root = path.resolve(import.meta.dirname, '..');
const press = path.join(root, 'bin/press.js');

/**
 * Print the import and review rows for the report `source` (a Markdown file, the body repeated
 * `scale` times) and return them for the summary (targets: import and review of one copy
 * ≤ ×1.0 of the build of the Word file).
 */
export async function benchWayBack(source: string, options: { runs: number; scale: number }): Promise<Row[]> {
  const folder = path.join(path.dirname(source), 'way-back');
  await mkdir(folder, { recursive: true });
  const name = path.basename(source, '.md');
  await copyFile(source, path.join(folder, `${name}.md`));
  // A new output folder each run: nothing a run wrote (or a build's record of it) helps the next.
  const timed = (args: string[], out: string): Promise<Measured> =>
    measure(options.runs, (index) => ({ command: process.execPath, args: [press, ...args, '--out', `${out}-${index + 1}`, '--quiet'], cwd: folder }));
  const build = await timed(['build', `${name}.md`, '--format', 'docx'], 'build');
  if (build.failures.length === options.runs) {
    console.log(`\nthe way back: press build --format docx failed (${build.failures[0] ?? ''}); skipped`);
    return [];
  }
  const built = path.join(folder, `build-${build.runs.findIndex((run) => run.ok) + 1}`, `${name}.docx`);
  const edited = path.join(folder, `${name}-edited.docx`);
  const plain = path.join(folder, `${name}-plain.docx`);
  // Occurrences beyond the repetitions of a small bench would not be found.
  const every = (occurrences: number[]) => occurrences.filter((occurrence) => occurrence <= options.scale);
  try {
    await editWithLibreOffice([
      {
        input: built,
        output: edited,
        author: '市发展改革委',
        edits: every([1, 10, 20, 30, 40, 50, 60]).flatMap((occurrence) => [
          { kind: 'replace' as const, find: '高质量发展', with: '高质量跨越发展', occurrence },
          { kind: 'comment' as const, find: '民生', text: '请核对', occurrence },
        ]),
      },
      { input: built, output: plain, author: '市财政局', track: false, edits: every([5, 25, 45]).map((occurrence) => ({ kind: 'replace' as const, find: '改革', with: '深化改革', occurrence })) },
    ]);
  } catch (failure) {
    console.log(`\nthe way back: editing the Word file in LibreOffice failed (${failure instanceof Error ? failure.message.split('\n')[0] : String(failure)}); skipped`);
    return [];
  }
  const imported = await timed(['import', path.basename(edited)], 'imported');
  const review = await timed(['review', `${name}.md`, path.basename(edited)], 'review');
  const reviewBoth = await timed(['review', `${name}.md`, path.basename(edited), path.basename(plain)], 'review-both');
  const pad = (text: string, width: number) => text.padStart(width);
  console.log(`\nthe way back (${name}, edited in LibreOffice), medians of ${options.runs} whole runs:`);
  console.log(`${'command'.padEnd(36)}${pad('time', 10)}${pad('build docx', 12)}${pad('ratio', 8)}  target`);
  for (const [label, measured, target] of [
    ['import (tracked changes, comments)', imported, '≤ ×1.00'],
    ['review (that copy)', review, '≤ ×1.00'],
    ['review (+ a copy edited untracked)', reviewBoth, '(no target)'],
  ] as const) {
    console.log(`${label.padEnd(36)}${pad(seconds(measured.medianMs), 10)}${pad(seconds(build.medianMs), 12)}${pad(`×${(measured.medianMs / build.medianMs).toFixed(2)}`, 8)}  ${target}`);
  }
  console.log('build docx: press build --format docx of the same report; a copy edited without tracking makes review read back the Word file written from the source.');
  const anchorNote = `anchor: press build --format docx of the same report`;
  return [
    ratioRow({ key: 'import', label: `import / build docx, ×${options.scale}`, ours: imported, anchor: build, limit: 1.0, notes: [anchorNote] }),
    ratioRow({ key: 'review', label: `review / build docx, ×${options.scale}`, ours: review, anchor: build, limit: 1.0, notes: [anchorNote] }),
  ];
}
