// Samples the resident memory of a process and all its descendants (Chromium's browser, zygote,
// renderer, GPU and utility processes included) from /proc, keeping the peak of their sum.
// Linux only; elsewhere the peak stays 0.
import { readdirSync, readFileSync } from 'node:fs';

/** The process `root` and every process descended from it, found through the parent ids in /proc. */
export function processTree(root: number): number[] {
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

function proportionalKb(pid: number): number {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The peak of a sampled process tree: its summed resident memory and how many processes it had then. */
export interface TreePeak {
  /** Peak of the summed RSS, in MB (pages shared between processes counted once per process). */
  mb: number;
  /** Number of processes in the tree at that peak. */
  processes: number;
  /**
   * Peak of the summed PSS (shared pages divided among the processes sharing them), in MB, when
   * asked for: the tree's real share of memory. Read less often (the kernel walks every mapping).
   */
  pssMb?: number;
}

/** How to sample: RSS every `intervalMs`, and PSS every `pssEveryMs` if given. */
export interface SampleOptions {
  intervalMs?: number;
  pssEveryMs?: number;
}

/**
 * Start sampling the tree of `rootPid` (default: this process) every `intervalMs`; `stop()`
 * takes a last sample and returns the peak. Sample from a process that is not itself busy
 * (the bench samples its children), or the timer falls behind.
 */
export function sampleTreeMemory(rootPid: number = process.pid, options: SampleOptions = {}): { stop: () => TreePeak } {
  const intervalMs = options.intervalMs ?? 100;
  const peak: TreePeak = { mb: 0, processes: 0, ...(options.pssEveryMs === undefined ? {} : { pssMb: 0 }) };
  let lastPss = Number.NEGATIVE_INFINITY;
  const sample = () => {
    try {
      const tree = processTree(rootPid);
      const mb = tree.reduce((sum, pid) => sum + residentKb(pid), 0) / 1024;
      if (mb > peak.mb) Object.assign(peak, { mb, processes: tree.length });
      if (options.pssEveryMs !== undefined && performance.now() - lastPss >= options.pssEveryMs) {
        lastPss = performance.now();
        peak.pssMb = Math.max(peak.pssMb ?? 0, tree.reduce((sum, pid) => sum + proportionalKb(pid), 0) / 1024);
      }
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
      return { ...peak };
    },
  };
}
