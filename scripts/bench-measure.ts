// Whole-process measurements for `npm run bench`: wall time from spawn to exit and the peak
// memory of the process with all its descendants, over several runs.
import { spawn } from 'node:child_process';
import { sampleTreeMemory } from './process-memory.ts';

/** One command to run as a whole process. */
export interface Command {
  command: string;
  args: readonly string[];
  cwd: string;
  /** Stop it (SIGTERM, then SIGKILL) after this long; the run then fails. */
  timeoutMs?: number;
  /** Also sample the tree's PSS (summed proportional memory) every this many ms. */
  pssEveryMs?: number;
}

/** One run of a command. */
export interface Run {
  ok: boolean;
  /** Wall time from spawn to exit, ms. */
  ms: number;
  /** Peak summed RSS of the process tree, MB. */
  peakMb: number;
  /** Processes in the tree at the peak. */
  processes: number;
  /** Peak summed PSS of the tree, MB, when sampled. */
  pssMb?: number;
  /** Why the run failed (exit status and the end of its stderr), when it did. */
  failure?: string;
}

/** Run a command once, timing it from spawn to exit and sampling its process tree's memory. */
export function runOnce(command: Command): Promise<Run> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command.command, command.args, { cwd: command.cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const memory = child.pid === undefined ? undefined : sampleTreeMemory(child.pid, command.pssEveryMs === undefined ? {} : { pssEveryMs: command.pssEveryMs });
    let timedOut = false;
    // Past its time: SIGTERM (press then stops its browser and writes nothing), SIGKILL 10 s later.
    const stop = () => {
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    };
    const timer = command.timeoutMs === undefined ? undefined : setTimeout(stop, command.timeoutMs);
    let finished = false;
    const finish = (ms: number, ok: boolean, failure?: () => string) => {
      if (finished) return;
      finished = true;
      if (timer) clearTimeout(timer);
      const peak = memory?.stop() ?? { mb: 0, processes: 0 };
      resolve({ ok, ms, peakMb: peak.mb, processes: peak.processes, ...(peak.pssMb === undefined ? {} : { pssMb: peak.pssMb }), ...(failure === undefined ? {} : { failure: failure() }) });
    };
    child.on('error', (error) => finish(performance.now() - started, false, () => `could not start ${command.command}: ${error.message}`));
    child.on('exit', (code, signal) => {
      const ms = performance.now() - started;
      if (code === 0) return finish(ms, true);
      const why = timedOut ? `stopped after ${((command.timeoutMs ?? 0) / 1000).toFixed(0)} s` : signal ? `killed by ${signal}` : `exit status ${code}`;
      const message = () => {
        const tail = stderr.split('\n').filter((line) => line.trim() !== '' && !/ERROR:dbus|unexpected operator/.test(line)).slice(-3).join(' | ');
        return `${why}${tail ? `: ${tail}` : ''}`;
      };
      // The rest of stderr may still be on its way; a process left behind may hold it open, so wait briefly.
      child.stderr.once('close', () => finish(ms, false, message));
      setTimeout(() => finish(ms, false, message), 1000).unref();
    });
  });
}

/** Several runs of one measurement, and what they amount to. */
export interface Measured {
  runs: Run[];
  /** Median wall time of the runs that succeeded (ms); NaN when none did. */
  medianMs: number;
  /** Highest peak of any run (MB). */
  peakMb: number;
  /** Processes in the tree at that peak. */
  processes: number;
  /** Highest PSS peak of any run (MB), when sampled. */
  pssMb?: number;
  /** Failures of the runs that failed, in order. */
  failures: string[];
}

/** The median of some numbers (the lower middle one for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : (sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN);
}

/**
 * Run `runs` times what `prepare(index)` gives (a command, or several run one after another and
 * counted as one run, e.g. pandoc's two), each to completion before the next starts.
 */
export async function measure(runs: number, prepare: (index: number) => Promise<Command | Command[]> | Command | Command[]): Promise<Measured> {
  const done: Run[] = [];
  for (let index = 0; index < runs; index++) {
    const commands = [await prepare(index)].flat();
    const parts: Run[] = [];
    for (const command of commands) {
      const part = await runOnce(command);
      parts.push(part);
      if (!part.ok) break;
    }
    const failed = parts.find((part) => !part.ok);
    const peak = parts.reduce((best, part) => (part.peakMb > best.peakMb ? part : best), parts[0] ?? { peakMb: 0, processes: 0 });
    done.push({
      ok: failed === undefined,
      ms: parts.reduce((sum, part) => sum + part.ms, 0),
      peakMb: peak.peakMb,
      processes: peak.processes,
      ...(parts.some((part) => part.pssMb !== undefined) ? { pssMb: Math.max(...parts.map((part) => part.pssMb ?? 0)) } : {}),
      ...(failed?.failure === undefined ? {} : { failure: failed.failure }),
    });
  }
  return summarize(done);
}

/** Median, peak and failures of some runs. */
export function summarize(runs: Run[]): Measured {
  const ok = runs.filter((run) => run.ok);
  const peak = runs.reduce((best, run) => (run.peakMb > best.peakMb ? run : best), runs[0] ?? { peakMb: 0, processes: 0 });
  const pss = runs.flatMap((run) => (run.pssMb === undefined ? [] : [run.pssMb]));
  return {
    runs,
    medianMs: median(ok.map((run) => run.ms)),
    peakMb: peak.peakMb,
    processes: peak.processes,
    ...(pss.length === 0 ? {} : { pssMb: Math.max(...pss) }),
    failures: runs.flatMap((run) => (run.failure === undefined ? [] : [run.failure])),
  };
}
