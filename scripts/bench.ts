// npm run bench: the targets of issue 13, each measured side by side on this machine as whole
// processes (wall time from spawn to exit, medians of BENCH_RUNS runs, peak memory of each
// process with all its children), then the stage table of the sample and its ×60 repetition and
// the way back from Word. Settings (environment, or the flag):
//   BENCH_QUICK=1 / --quick   skip the ×600 build (minutes)
//   BENCH_SCALE=6             repeat the body 6 (and 60) times instead of 60 (and 600): quick runs
//   BENCH_RUNS=3              whole-process runs per side; BENCH_LARGE_RUNS=1 for the ×600 build
//   BENCH_BATCH=30            reports in the batch row
//   BENCH_ONLY=anchor,pandoc  only these parts (anchor, pandoc, cold, large, toc, batch, stages, wayback, preview)
//   BENCH_RESULTS=<file>      where to write the JSON results (default: a new file in the temporary folder)
// Shared machines are noisy: compare the ratios of one run, not absolute times across runs.
import { execFile } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { rmSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { findBrowser } from '../pipeline/browser/find-browser.ts';
import { writeAnchorHtml } from './bench-anchor.ts';
import { measure, type Command, type Measured } from './bench-measure.ts';
import { failureNotes, judge, megabytes, printSummary, ratioRow, seconds, type Row } from './bench-report.ts';
import { benchStages } from './bench-stages.ts';
import { benchWayBack } from './bench-way-back.ts';
import { benchPreview } from './bench-preview.ts';

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const press = path.join(root, 'bin/press.js');
const env = process.env;
const setting = (name: string, fallback: number) => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1`);
  return value;
};
const config = {
  scale: setting('BENCH_SCALE', 60),
  runs: setting('BENCH_RUNS', 3),
  largeRuns: setting('BENCH_LARGE_RUNS', 1),
  batch: setting('BENCH_BATCH', 30),
  quick: env['BENCH_QUICK'] === '1' || process.argv.includes('--quick'),
  only: env['BENCH_ONLY'] ? new Set(env['BENCH_ONLY'].split(',').map((part) => part.trim())) : undefined,
};
const wanted = (part: string) => config.only === undefined || config.only.has(part);
const large = config.scale * 10;
const names = { sample: 'sample.md', medium: `sample-x${config.scale}.md`, toc: `sample-x${config.scale}-toc.md`, large: `sample-x${large}.md` };
const isRoot = process.getuid?.() === 0;

const work = await mkdtemp(path.join(tmpdir(), 'press-bench-'));
// Interrupted (the children get the signal too): still leave no temporary folder behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    rmSync(work, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}
const resultsFile = env['BENCH_RESULTS'] ? path.resolve(env['BENCH_RESULTS']) : path.join(await mkdtemp(path.join(tmpdir(), 'press-bench-results-')), 'bench-results.json');
const rows: Row[] = [];
const details: Record<string, unknown> = {};
let outCount = 0;
/** A new, empty output folder for one run (nothing cached beside earlier outputs). */
const freshOut = async () => {
  const dir = path.join(work, 'out', String(++outCount));
  await mkdir(dir, { recursive: true });
  return dir;
};
const log = (text: string) => console.log(text);
const pressBuild = (source: string, out: string, extra: readonly string[] = []): Command => ({ command: process.execPath, args: [press, 'build', source, '--out', out, '--quiet', ...extra], cwd: work });

try {
  log(`npm run bench: ${cpus().length} cores, load average ${loadavg().map((value) => value.toFixed(1)).join(' ')}; body ×${config.scale} (and ×${large}), ${config.runs} whole-process runs per side unless said`);
  log(`work folder ${work} (removed at the end)\n`);

  // The sources: the sample; its body repeated (front matter once); the same with contents.
  const sample = await readFile(path.join(root, 'source/report.md'), 'utf8');
  const frontMatter = /^---\n[\s\S]*?\n---\n/.exec(sample)?.[0] ?? '';
  const body = sample.slice(frontMatter.length);
  const repeated = (times: number, matter = frontMatter) => matter + Array.from({ length: times }, () => body).join('\n');
  const withToc = /^toc:.*$/m.test(frontMatter) ? frontMatter.replace(/^toc:.*$/m, 'toc: true') : frontMatter.replace(/\n---\n$/, '\ntoc: true\n---\n');
  await writeFile(path.join(work, names.sample), sample);
  await writeFile(path.join(work, names.medium), repeated(config.scale));
  await writeFile(path.join(work, names.toc), repeated(config.scale, withToc));

  // 1. All three formats of the ×60 report against Chromium printing report-press's own print edition of it.
  let medium: Measured | undefined;
  if (wanted('anchor') || wanted('large') || wanted('toc')) {
    const outs: string[] = [];
    medium = await measure(config.runs, async () => {
      const out = await freshOut();
      outs.push(out);
      return pressBuild(names.medium, out);
    });
    log(`press build ${names.medium} (pdf, docx, html): median ${seconds(medium.medianMs)}, peak ${megabytes(medium.peakMb)} over ${medium.processes} processes`);
    if (wanted('anchor')) rows.push(await anchorRow(medium, outs.find((out, index) => medium?.runs[index]?.ok)));
  }

  // 2. --format html,docx against pandoc writing HTML and DOCX of the same Markdown.
  if (wanted('pandoc')) rows.push(await pandocRow());

  // 3. The sample's three formats, cold: a new process, no browser running.
  if (wanted('cold')) {
    const cold = await measure(config.runs, async () => pressBuild(names.sample, await freshOut()));
    const failed = cold.failures.length > 0;
    rows.push({
      key: 'cold',
      label: 'sample, 3 formats, cold',
      ours: cold.medianMs,
      value: cold.medianMs,
      shown: seconds(cold.medianMs),
      target: '≤ 2.00 s',
      status: failed ? 'ERROR' : judge(cold.medianMs, 2000, '≤'),
      oursPeakMb: cold.peakMb,
      runs: String(cold.runs.length),
      notes: failureNotes('ours', cold),
    });
    details['cold'] = cold;
  }

  // 4. Linearity: ×600 against ×60, and the peak memory of all processes of the ×600 build.
  if (wanted('large') && medium) {
    if (config.quick) {
      log(`×${large}: skipped (BENCH_QUICK=1 or --quick)`);
      rows.push({ key: 'linear', label: `×${large} / ×${config.scale}, 3 formats`, shown: '—', target: '≤ ×11.0', status: 'SKIP', runs: '0', notes: ['skipped: quick run'] });
      rows.push({ key: 'memory', label: `peak memory ×${large}`, shown: '—', target: '≤ 2048 MB', status: 'SKIP', runs: '0', notes: ['skipped: quick run'] });
    } else {
      await writeFile(path.join(work, names.large), repeated(large));
      // --timeout 0 lifts the command's own limit (the PDF stage keeps its 300 s per page load and print);
      // the bench stops it after 30 times the ×60 time, at least 10 minutes.
      const limitMs = Math.max(600_000, 30 * (Number.isFinite(medium.medianMs) ? medium.medianMs : 20_000));
      const largeRun = await measure(config.largeRuns, async () => {
        const out = await freshOut();
        return { ...pressBuild(names.large, out, ['--timeout', '0']), timeoutMs: limitMs, pssEveryMs: 2000 };
      });
      const pages = largeRun.failures.length === 0 ? await pdfPages(path.join(work, 'out', String(outCount), `sample-x${large}.pdf`)) : undefined;
      await rm(path.join(work, 'out'), { recursive: true, force: true });
      const ratio = largeRun.medianMs / medium.medianMs;
      const failed = largeRun.failures.length + medium.failures.length > 0;
      const runsNote = config.largeRuns === 1 ? `one run of ×${large} (BENCH_LARGE_RUNS=3 for a median of 3)` : `median of ${config.largeRuns} runs of ×${large}`;
      const failedAfter = largeRun.runs.find((run) => !run.ok)?.ms;
      log(`press build ${names.large}: ${failedAfter === undefined ? `${config.largeRuns === 1 ? 'one run' : 'median'} ${seconds(largeRun.medianMs)}` : `failed after ${seconds(failedAfter)}`}, ${pages ?? '?'} pages, peak ${megabytes(largeRun.peakMb)} over ${largeRun.processes} processes (PSS ${megabytes(largeRun.pssMb)})`);
      rows.push({
        key: 'linear',
        label: `×${large} / ×${config.scale}, 3 formats`,
        ours: largeRun.medianMs,
        anchor: medium.medianMs,
        value: ratio,
        shown: Number.isFinite(ratio) ? `×${ratio.toFixed(2)}` : '—',
        target: '≤ ×11.0',
        status: failed ? 'ERROR' : judge(ratio, 11, '≤'),
        oursPeakMb: largeRun.peakMb,
        anchorPeakMb: medium.peakMb,
        runs: `${largeRun.runs.length} + ${medium.runs.length}`,
        notes: [`anchor: the ×${config.scale} build of the first row; ${runsNote}; ${pages ?? '?'} pages`, ...failureNotes(`×${large}`, largeRun)],
      });
      rows.push({
        key: 'memory',
        label: `peak memory ×${large}`,
        value: largeRun.peakMb,
        shown: megabytes(largeRun.peakMb),
        target: '≤ 2048 MB',
        status: largeRun.peakMb === 0 ? 'ERROR' : judge(largeRun.peakMb, 2048, '≤'),
        oursPeakMb: largeRun.peakMb,
        runs: String(largeRun.runs.length),
        notes: [
          ...(failedAfter === undefined ? [] : [`the build failed after ${seconds(failedAfter)}: the peak is the one up to then`]),
          `sum of the RSS of Node and all its children (Chromium's browser, zygotes, renderers, GPU and utility processes), sampled every 100 ms: ${largeRun.processes} processes at the peak; shared pages count once per process, so this is an upper bound; the summed PSS (shared pages divided among their processes, sampled every 2 s) peaked at ${megabytes(largeRun.pssMb)}`,
        ],
      });
      details['large'] = largeRun;
    }
  }

  // 5. The contents pass: toc: true against the same report without contents.
  if (wanted('toc') && medium) {
    const toc = await measure(config.runs, async () => pressBuild(names.toc, await freshOut()));
    rows.push(ratioRow({ key: 'toc', label: `toc: true / without, ×${config.scale}`, ours: toc, anchor: medium, limit: 1.3, notes: [`anchor: the ×${config.scale} build without contents of the first row`] }));
    details['toc'] = toc;
  }
  details['medium'] = medium;
  await rm(path.join(work, 'out'), { recursive: true, force: true });

  // 6. Batch: N sample-sized reports in one `press build <folder>` against N separate processes.
  if (wanted('batch')) {
    const batchRow = await batchRowOf();
    if (batchRow) rows.push(batchRow);
  }
  await rm(path.join(work, 'out'), { recursive: true, force: true });

  // 7. What the bench printed before: the stage table, `press import` in process, the way back from Word.
  if (wanted('stages')) details['stages'] = await benchStages(work, [names.sample, names.medium]);
  if (wanted('wayback')) {
    const wayBack = await benchWayBack(path.join(work, names.medium), { runs: config.runs, scale: config.scale });
    rows.push(...wayBack);
  }

  // 8. press preview: save → web edition and save → print pages on the sample; the ×N report's figures.
  if (wanted('preview')) {
    const previewFolder = path.join(work, 'preview');
    await mkdir(previewFolder, { recursive: true });
    await writeFile(path.join(previewFolder, names.sample), sample);
    await writeFile(path.join(previewFolder, names.medium), repeated(config.scale));
    rows.push(...(await benchPreview(path.join(previewFolder, names.sample), path.join(previewFolder, names.medium), Math.max(5, config.runs))));
  }

  log(`\nsummary (${cpus().length} cores, load average now ${loadavg().map((value) => value.toFixed(1)).join(' ')}; medians of whole-process runs; a shared machine is noisy):`);
  printSummary(rows);
  const failed = rows.filter((row) => row.status === 'ERROR');
  await writeFile(resultsFile, `${JSON.stringify({ date: new Date().toISOString(), cores: cpus().length, config: { ...config, only: config.only ? [...config.only] : undefined }, rows, details }, null, 2)}\n`);
  log(`\nresults as JSON: ${resultsFile}`);
  if (failed.length > 0) {
    log(`${failed.length} row(s) had failed runs: ${failed.map((row) => row.label).join('; ')}`);
    process.exitCode = 1;
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

/** Row 1: ours against `chromium --headless --print-to-pdf` of our print edition; same pages and fonts checked. */
async function anchorRow(ours: Measured, ourOut: string | undefined): Promise<Row> {
  const html = path.join(work, `sample-x${config.scale}.html`);
  await writeAnchorHtml(path.join(work, names.medium), html);
  const { executablePath } = await findBrowser();
  const pdfs: string[] = [];
  const anchor = await measure(config.runs, async (index) => {
    const pdf = path.join(await freshOut(), 'anchor.pdf');
    pdfs.push(pdf);
    const profile = path.join(work, `chromium-profile-${index}`);
    return {
      command: executablePath,
      args: ['--headless', ...(isRoot ? ['--no-sandbox'] : []), '--disable-gpu', '--no-pdf-header-footer', '--allow-file-access-from-files', `--user-data-dir=${profile}`, `--print-to-pdf=${pdf}`, pathToFileURL(html).href],
      cwd: work,
    };
  });
  log(`chromium --headless --print-to-pdf of the print edition: median ${seconds(anchor.medianMs)}, peak ${megabytes(anchor.peakMb)} over ${anchor.processes} processes`);
  const notes: string[] = [`anchor: ${path.basename(executablePath)} --headless${isRoot ? ' --no-sandbox' : ''} --disable-gpu --no-pdf-header-footer --allow-file-access-from-files --print-to-pdf of report-press's print edition (fonts as file: URLs), a fresh profile each run`];
  const anchorPdf = pdfs.find((_, index) => anchor.runs[index]?.ok);
  const ourPdf = ourOut === undefined ? undefined : path.join(ourOut, `sample-x${config.scale}.pdf`);
  let same = false;
  if (anchorPdf && ourPdf) {
    const [ourPages, anchorPages, ourFonts, anchorFonts] = await Promise.all([pdfPages(ourPdf), pdfPages(anchorPdf), pdfFonts(ourPdf), pdfFonts(anchorPdf)]);
    same = ourPages !== undefined && ourPages === anchorPages && ourFonts.join() === anchorFonts.join();
    const line = `pages: ours ${ourPages ?? '?'}, anchor ${anchorPages ?? '?'}; embedded fonts: ${ourFonts.join() === anchorFonts.join() ? `the same (${ourFonts.join(', ')})` : `ours ${ourFonts.join(', ')}; anchor ${anchorFonts.join(', ')}`}`;
    log(line);
    notes.push(line);
    if (!same) notes.push('the anchor PDF differs from ours in pages or fonts: the ratio compares different work');
  } else {
    notes.push('no PDF of both sides to compare pages and fonts');
  }
  const row = ratioRow({ key: 'anchor', label: `3 formats ×${config.scale} / chromium print`, ours, anchor, limit: 1.2, notes });
  if (row.status === 'PASS' && !same) row.status = 'FAIL';
  details['anchor'] = anchor;
  return row;
}

/** Row 2: `--format html,docx` against pandoc's HTML plus DOCX runs (the sum of their medians). */
async function pandocRow(): Promise<Row> {
  const label = `html,docx ×${config.scale} / pandoc`;
  const version = await exec('pandoc', ['--version']).then(({ stdout }) => stdout.split('\n')[0] ?? 'pandoc', () => undefined);
  const ours = await measure(config.runs, async () => pressBuild(names.medium, await freshOut(), ['--format', 'html,docx']));
  if (version === undefined) {
    log('pandoc: not on PATH (bash scripts/install-system-packages.sh installs it); row skipped');
    return { key: 'pandoc', label, ours: ours.medianMs, shown: '—', target: '≤ ×1.0', status: 'SKIP', oursPeakMb: ours.peakMb, runs: `${ours.runs.length} + 0`, notes: ['pandoc is not on PATH'] };
  }
  const source = names.medium;
  const html = await measure(config.runs, async () => ({ command: 'pandoc', args: ['-s', source, '-o', path.join(await freshOut(), 'x.html')], cwd: work }));
  const docx = await measure(config.runs, async () => ({ command: 'pandoc', args: [source, '-o', path.join(await freshOut(), 'x.docx')], cwd: work }));
  log(`press build --format html,docx: median ${seconds(ours.medianMs)}; ${version}: HTML ${seconds(html.medianMs)}, DOCX ${seconds(docx.medianMs)}`);
  const anchor = { ...html, runs: html.runs, failures: [...html.failures, ...docx.failures] };
  details['pandoc'] = { ours, html, docx };
  return ratioRow({
    key: 'pandoc',
    label,
    ours,
    anchor,
    anchorMs: html.medianMs + docx.medianMs,
    anchorPeakMb: Math.max(html.peakMb, docx.peakMb),
    limit: 1.0,
    notes: [`anchor: ${version}, -s to HTML ${seconds(html.medianMs)} plus to DOCX ${seconds(docx.medianMs)} (sum of the two medians)`],
  });
}

/** Row 6: a folder of N copies of the sample in one batch build against N separate builds; undefined when batch builds are not available. */
async function batchRowOf(): Promise<Row | undefined> {
  const folder = path.join(work, 'batch');
  await mkdir(folder, { recursive: true });
  const files = Array.from({ length: config.batch }, (_, index) => `report-${String(index + 1).padStart(2, '0')}.md`);
  for (const file of files) await copyFile(path.join(work, names.sample), path.join(folder, file));
  const outs: string[] = [];
  const batch = await measure(1, async () => {
    const out = await freshOut();
    outs.push(out);
    return { command: process.execPath, args: [press, 'build', folder, '--out', out, '--quiet'], cwd: work };
  });
  if (batch.failures.some((failure) => failure.startsWith('exit status 2'))) {
    log(`batch: not available (press build <folder> gave ${batch.failures[0] ?? 'a usage error'})`);
    return undefined;
  }
  const built = outs[0] === undefined ? 0 : (await readdir(outs[0], { recursive: true })).filter((name) => name.endsWith('.pdf')).length;
  const notes = built === config.batch ? [] : [`the batch wrote ${built} PDFs for ${config.batch} reports`];
  const serial = await measure(1, async () => {
    const out = await freshOut();
    return files.map((file) => ({ command: process.execPath, args: [press, 'build', path.join(folder, file), '--out', out, '--quiet'], cwd: work }));
  });
  log(`batch of ${config.batch}: ${seconds(batch.medianMs)} (peak ${megabytes(batch.peakMb)}); ${config.batch} separate builds one after another: ${seconds(serial.medianMs)}`);
  const speedup = serial.medianMs / batch.medianMs;
  const failed = batch.failures.length + serial.failures.length > 0 || built !== config.batch;
  details['batch'] = { batch, serial };
  return {
    key: 'batch',
    label: `batch of ${config.batch} / ${config.batch} processes`,
    ours: batch.medianMs,
    anchor: serial.medianMs,
    value: speedup,
    shown: Number.isFinite(speedup) ? `${speedup.toFixed(2)}× faster` : '—',
    target: '≥ 3.0× faster',
    status: failed ? 'ERROR' : judge(speedup, 3, '≥'),
    oursPeakMb: batch.peakMb,
    anchorPeakMb: serial.peakMb,
    runs: '1 + 1',
    notes: [`one run each (${config.batch} separate builds take minutes); the anchor is the sum of ${config.batch} whole processes`, ...notes, ...failureNotes('batch', batch), ...failureNotes('separate builds', serial)],
  };
}

/** Page count of a PDF (pdfinfo), or undefined. */
async function pdfPages(file: string): Promise<number | undefined> {
  return exec('pdfinfo', [file]).then(
    ({ stdout }) => Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]) || undefined,
    () => undefined,
  );
}

/** Embedded fonts of a PDF (pdffonts), by base name without the subset tag, each once, sorted. */
async function pdfFonts(file: string): Promise<string[]> {
  return exec('pdffonts', [file], { maxBuffer: 1 << 24 }).then(
    ({ stdout }) => [...new Set(stdout.split('\n').slice(2).map((line) => line.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, '') ?? '').filter((name) => name !== ''))].sort(),
    () => [],
  );
}
