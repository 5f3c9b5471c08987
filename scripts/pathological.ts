// Builds the pathological inputs of issue 13 (scripts/pathological-inputs.ts) one by one, each in
// its own process through the real command line (`press build … --timeout`), and prints the wall
// time of each stage and the outcome. Usage:
//   node --import tsx scripts/pathological.ts [name…] [--scale 0.1] [--format pdf,docx,html] [--timeout 120]
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathologicalInputs } from './pathological-inputs.ts';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = args[at + 1] ?? fallback;
  args.splice(at, 2);
  return value;
};
const scale = Number(option('--scale', '1'));
const format = option('--format', 'pdf,docx,html');
const timeout = option('--timeout', '120');
const work = await mkdtemp(path.join(tmpdir(), 'press-patho-'));
const chosen = pathologicalInputs(scale).filter((input) => args.length === 0 || args.includes(input.name));

for (const input of chosen) {
  const source = await input.write(path.join(work, input.name));
  const started = performance.now();
  // `script` gives the command a terminal, so that it prints its stage times.
  const command = [process.execPath, path.join(root, 'bin/press.js'), 'build', source, '--out', path.join(work, input.name, 'out'), '--format', format, '--timeout', timeout]
    .map((part) => `'${part}'`)
    .join(' ');
  const child = spawn('script', ['-eqc', command, '/dev/null'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  // eslint-disable-next-line no-control-regex
  const lines = output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').split(/\r?\n|\r/).filter((line) => line.trim() !== '');
  const shown = lines.filter((line) => !/: (warning|note):/.test(line));
  const warnings = lines.length - shown.length;
  console.log(`== ${input.name}: exit ${code}, ${((performance.now() - started) / 1000).toFixed(1)} s, ${warnings} warnings/notes`);
  for (const line of shown.slice(-25)) console.log(`   ${line.slice(0, 300)}`);
}
console.log(`inputs and outputs in ${work}`);
