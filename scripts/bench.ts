// npm run bench: builds the sample and a 60-fold repetition of its body (about 300 pages) and
// prints wall time per stage and peak memory. Each case runs in its own process so that peaks do
// not mix; compare the ratios between cases, not absolute times (shared, noisy machines).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const work = await mkdtemp(path.join(tmpdir(), 'press-bench-'));

const sample = await readFile(path.join(root, 'source/report.md'), 'utf8');
const frontMatter = /^---\n[\s\S]*?\n---\n/.exec(sample)?.[0] ?? '';
const body = sample.slice(frontMatter.length);
await writeFile(path.join(work, 'sample.md'), sample);
await writeFile(path.join(work, 'sample-x60.md'), frontMatter + Array.from({ length: 60 }, () => body).join('\n'));

interface Measurement {
  ok: boolean;
  total: number;
  stages: Record<string, number>;
  sizes: Record<string, number>;
  peakRssMb: number;
  peakTreeMb: number;
}

const results: [string, Measurement][] = [];
for (const name of ['sample', 'sample-x60']) {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/bench-one.ts'), path.join(work, `${name}.md`), path.join(work, 'out')], { cwd: root, maxBuffer: 1 << 20 });
  results.push([name, JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Measurement]);
}

const stages = [...new Set(results.flatMap(([, measurement]) => Object.keys(measurement.stages)))];
const pad = (text: string, width: number) => text.padStart(width);
console.log(`${'stage'.padEnd(14)}${results.map(([name]) => pad(name, 14)).join('')}${pad('ratio', 10)}`);
for (const stage of [...stages, 'total']) {
  const values = results.map(([, measurement]) => (stage === 'total' ? measurement.total : measurement.stages[stage] ?? 0));
  const ratio = values[0] ? (values[1] ?? 0) / values[0] : 0;
  console.log(`${stage.padEnd(14)}${values.map((value) => pad(`${value.toFixed(0)} ms`, 14)).join('')}${pad(`×${ratio.toFixed(1)}`, 10)}`);
}
// `press import` of the Word files just written (read into mdast, then Markdown), timed in this process.
const { readDocx } = await import('../pipeline/read/docx/read-docx.ts');
const { docxToMarkdown } = await import('../pipeline/read/docx/markdown.ts');
const importMs: number[] = [];
for (const [name] of results) {
  const bytes = new Uint8Array(await readFile(path.join(work, 'out', `${name}.docx`)));
  const start = performance.now();
  docxToMarkdown(readDocx(bytes, { trackChanges: 'all', mediaFolder: `${name}-media`, fileName: `${name}.docx` }));
  importMs.push(performance.now() - start);
}
console.log(`${'import docx'.padEnd(14)}${importMs.map((value) => pad(`${value.toFixed(0)} ms`, 14)).join('')}${pad(`×${((importMs[1] ?? 0) / (importMs[0] || 1)).toFixed(1)}`, 10)}`);
console.log(`${'peak RSS node'.padEnd(14)}${results.map(([, measurement]) => pad(`${measurement.peakRssMb.toFixed(0)} MB`, 14)).join('')}`);
console.log(`${'peak RSS all'.padEnd(14)}${results.map(([, measurement]) => pad(`${measurement.peakTreeMb.toFixed(0)} MB`, 14)).join('')}`);
for (const format of ['pdf', 'docx', 'html']) {
  console.log(`${`${format} size`.padEnd(14)}${results.map(([, measurement]) => pad(`${((measurement.sizes[format] ?? 0) / 1024).toFixed(1)} KB`, 14)).join('')}`);
}
const pages = await run('pdfinfo', [path.join(work, 'out', 'sample-x60.pdf')]).then(({ stdout }) => /Pages:\s+(\d+)/.exec(stdout)?.[1] ?? '?', () => '?');
console.log(`pages (x60)   ${pad(pages, 14)}`);
console.log('peak RSS node: the Node process alone; all: Node plus Chromium, sampled every 100 ms (shared pages counted per process).');

const { benchWayBack } = await import('./bench-way-back.ts');
await benchWayBack(path.join(work, 'sample-x60.md'));
