// The stage table of `npm run bench`: each source built in its own process by bench-one.ts (wall
// time per stage inside the build, output sizes, the Node process's peak memory), then
// `press import` of the Word files written, timed in this process.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { sampleTreeMemory, type TreePeak } from './process-memory.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');

/** What bench-one.ts prints for one build. */
export interface StageMeasurement {
  ok: boolean;
  total: number;
  stages: Record<string, number>;
  sizes: Record<string, number>;
  peakRssMb: number;
  /** Peak of Node and its children (Chromium), sampled from this process. */
  peakTree: TreePeak;
  importMs?: number;
}

/** Print the stage table of `sources` (file names in `work`, the first taken as the base of the ratio); returns the measurements. */
export async function benchStages(work: string, sources: readonly string[]): Promise<Record<string, StageMeasurement>> {
  const results: [string, StageMeasurement][] = [];
  for (const source of sources) {
    const name = path.basename(source, '.md');
    const child = run(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/bench-one.ts'), path.join(work, source), path.join(work, 'stages')], { cwd: root, maxBuffer: 1 << 20 });
    const memory = child.child.pid === undefined ? undefined : sampleTreeMemory(child.child.pid);
    try {
      const { stdout } = await child;
      const measurement = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Omit<StageMeasurement, 'peakTree'>;
      results.push([name, { ...measurement, peakTree: memory?.stop() ?? { mb: 0, processes: 0 } }]);
      if (!measurement.ok) console.log(`stage table: the build of ${source} failed (its messages were not shown)`);
    } catch (failure) {
      memory?.stop();
      console.log(`stage table: the build of ${source} failed: ${failure instanceof Error ? failure.message.split('\n').slice(0, 3).join(' | ') : String(failure)}`);
    }
  }
  if (results.length === 0) return {};
  // `press import` of the Word files just written (read into mdast, then Markdown), timed in this process.
  const { readDocx } = await import('../pipeline/read/docx/read-docx.ts');
  const { docxToMarkdown } = await import('../pipeline/read/docx/markdown.ts');
  // One untimed import first: the first would otherwise carry the loading and warming of the reader.
  const warm = results.find(([, measurement]) => measurement.ok)?.[0];
  if (warm !== undefined) docxToMarkdown(readDocx(new Uint8Array(await readFile(path.join(work, 'stages', `${warm}.docx`))), { trackChanges: 'all', mediaFolder: 'warm-media', fileName: `${warm}.docx` }));
  for (const [name, measurement] of results) {
    if (!measurement.ok) continue;
    const bytes = new Uint8Array(await readFile(path.join(work, 'stages', `${name}.docx`)));
    const start = performance.now();
    docxToMarkdown(readDocx(bytes, { trackChanges: 'all', mediaFolder: `${name}-media`, fileName: `${name}.docx` }));
    measurement.importMs = performance.now() - start;
  }
  const pages = await run('pdfinfo', [path.join(work, 'stages', `${results.at(-1)?.[0] ?? ''}.pdf`)]).then(({ stdout }) => /Pages:\s+(\d+)/.exec(stdout)?.[1] ?? '?', () => '?');

  const pad = (text: string, width: number) => text.padStart(width);
  // No ratio over a stage of a few milliseconds: it would say nothing.
  const ratio = (values: number[]) => pad(values.length > 1 && (values[0] ?? 0) >= 5 ? `×${((values.at(-1) ?? 0) / (values[0] ?? 1)).toFixed(1)}` : '', 10);
  const stages = [...new Set(results.flatMap(([, measurement]) => Object.keys(measurement.stages)))];
  console.log(`\nstages inside one build (one run each, in process; ratio: last over first):`);
  console.log(`${'stage'.padEnd(14)}${results.map(([name]) => pad(name, 14)).join('')}${pad('ratio', 10)}`);
  const line = (label: string, values: number[], unit: (value: number) => string, withRatio = true) =>
    console.log(`${label.padEnd(14)}${values.map((value) => pad(unit(value), 14)).join('')}${withRatio ? ratio(values) : ''}`);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  for (const stage of [...stages, 'total']) line(stage, results.map(([, measurement]) => (stage === 'total' ? measurement.total : (measurement.stages[stage] ?? 0))), ms);
  line('import docx', results.map(([, measurement]) => measurement.importMs ?? Number.NaN), ms);
  line('peak RSS node', results.map(([, measurement]) => measurement.peakRssMb), (value) => `${value.toFixed(0)} MB`, false);
  line('peak RSS all', results.map(([, measurement]) => measurement.peakTree.mb), (value) => `${value.toFixed(0)} MB`, false);
  for (const format of ['pdf', 'docx', 'html']) line(`${format} size`, results.map(([, measurement]) => (measurement.sizes[format] ?? 0) / 1024), (value) => `${value.toFixed(1)} KB`, false);
  console.log(`${`pages`.padEnd(14)}${pad('', 14 * (results.length - 1))}${pad(pages, 14)}`);
  console.log('peak RSS node: the Node process alone; all: Node plus Chromium and its children, sampled every 100 ms by the bench (shared pages counted per process).');
  return Object.fromEntries(results);
}
