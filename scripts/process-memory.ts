// Samples the resident memory of this process and all its descendants (Chromium included) from
// /proc, keeping the peak of their sum. Linux only; elsewhere the peak stays 0.
import { readdirSync, readFileSync } from 'node:fs';

function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [root];
  for (let index = 0; index < found.length; index++) found.push(...(children.get(found[index] ?? -1) ?? []));
  return found;
}

function residentKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Start sampling every `intervalMs`; `stop()` returns the peak total in MB. */
export function sampleTreeMemory(intervalMs = 100): { stop: () => number } {
  let peakKb = 0;
  const sample = () => {
    try {
      const total = descendantsOf(process.pid).reduce((sum, pid) => sum + residentKb(pid), 0);
      peakKb = Math.max(peakKb, total);
    } catch {
      // No /proc here.
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peakKb / 1024;
    },
  };
}
