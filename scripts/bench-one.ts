// Builds one source and prints, as JSON on stdout, the wall time of each stage, the output sizes
// and the peak resident memory of this process. Used by scripts/bench-stages.ts, one process per case.
import { stat } from 'node:fs/promises';
import { build } from '../pipeline/build.ts';

const [input, outDir] = process.argv.slice(2);
if (!input || !outDir) throw new Error('usage: bench-one <file.md> <out-dir>');
const stages: Record<string, number> = {};
const started = performance.now();
const result = await build({ input, outDir, formats: ['pdf', 'docx', 'html'], onStage: (stage, ms) => (stages[stage] = (stages[stage] ?? 0) + ms) });
const total = performance.now() - started;
const sizes: Record<string, number> = {};
for (const file of result.written) sizes[file.slice(file.lastIndexOf('.') + 1)] = (await stat(file)).size;
process.stdout.write(`${JSON.stringify({ ok: result.ok, total, stages, sizes, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
