/**
 * The supervisor of one `press` command. The command runs in a worker thread; this thread only
 * relays its text and keeps what is needed to stop it at any moment: the stage it is in, the
 * browsers it started and the temporary outputs it wrote. A timeout or a signal (SIGINT,
 * SIGTERM, SIGHUP) stops the worker at once, even in the middle of synchronous work such as
 * parsing, kills the browsers' process groups, removes their profiles and the temporary outputs,
 * and says which stage was stopped. Renaming finished outputs into place is never cut in two:
 * a stop that arrives then waits for it.
 */
import { readdir, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { killBrowserProcess, type BrowserProcess } from '../browser/browser-processes.ts';
import { removeEmptyFolders, removeTemporaryOutputs } from '../util/atomic-write.ts';
import { endChildProcesses } from './child-processes.ts';
import { EXIT, SIGNAL_EXIT, type Command } from './command.ts';
import type { WorkerInput, WorkerMessage } from './protocol.ts';
import { progressBar } from './batch-progress.ts';

/** Where the supervised command's text goes. */
export interface SuperviseIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/**
 * Stack of the worker thread (MB). The Markdown parser and tree walkers recurse once per level of
 * nesting; 64 MB lets them read thousands of levels (lists deeper than 100 are then flattened),
 * where the main thread's stack of about 1 MB overflows at around 3000.
 */
const WORKER_STACK_MB = 64;

const MAX_TIMER_MS = 2 ** 31 - 1;

/** Longest wait for renames in progress before a stop goes ahead anyway (ms). */
const COMMIT_GRACE_MS = 10_000;

type Signal = keyof typeof SIGNAL_EXIT;
const SIGNALS = Object.keys(SIGNAL_EXIT) as Signal[];

type Stop = { kind: 'timeout' } | { kind: 'signal'; signal: Signal } | { kind: 'failed'; reason: string };

/** Run a parsed command in a worker thread under a time limit and the signals; resolves to the exit status. */
export function superviseCommand(command: Command, io: SuperviseIo): Promise<number> {
  const input: WorkerInput = { command, stderrIsTerminal: io.stderr.isTTY === true };
  const worker = startWorker(input);
  const browsers = new Map<number, BrowserProcess>();
  const temporaries = new Set<string>();
  const folders = new Set<string>();
  let stage = 'start';
  // Batches renaming their outputs into place (a batch build's reports may commit at once).
  let committing = 0;
  let deferred: Stop | undefined;
  let stopping = false;
  let settled = false;
  let commitTimer: NodeJS.Timeout | undefined;
  // A batch on a terminal shows its progress; its reports' text is written above the bar.
  const bar = command.batch && io.stderr.isTTY === true && !command.quiet ? progressBar(io.stderr) : undefined;
  const writeStderr = (text: string) => (bar ? bar.write(text) : io.stderr.write(text));

  return new Promise<number>((resolve) => {
    // Timers hold at most 2^31 - 1 ms (24.8 days); a longer limit is no limit. A batch's limit
    // is each report's, kept by the batch itself (`run-batch.ts`).
    const timer = !command.batch && command.timeoutMs > 0 && command.timeoutMs <= MAX_TIMER_MS ? setTimeout(() => void stop({ kind: 'timeout' }), command.timeoutMs) : undefined;
    const onSignal = (signal: Signal) => void stop({ kind: 'signal', signal });
    for (const signal of SIGNALS) process.on(signal, onSignal);

    const finish = (code: number) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      if (commitTimer) clearTimeout(commitTimer);
      bar?.stop();
      for (const signal of SIGNALS) process.off(signal, onSignal);
      resolve(code);
    };

    async function stop(why: Stop): Promise<void> {
      if (settled || stopping) return;
      if (committing > 0 && why.kind !== 'failed') {
        // The outputs are being renamed into place: let that finish, then stop (see 'done').
        deferred ??= why;
        commitTimer ??= setTimeout(() => {
          committing = 0;
          void stop(why);
        }, COMMIT_GRACE_MS);
        return;
      }
      stopping = true;
      await worker.terminate().catch(() => undefined);
      await Promise.all([...browsers.values()].map((browser) => killBrowserProcess(browser)));
      // A browser still being launched is known to no one yet, but it is already our child.
      await endChildProcesses();
      await Promise.all([...temporaries].map((file) => rm(file, { force: true }).catch(() => undefined)));
      // A write the worker had started may create its file after the list above was taken.
      if (command.command !== 'check') await removeTemporaryOutputs(command.outDir);
      for (const dir of folders) await (command.batch ? removeEmptyTree(dir) : removeEmptyFolders(command.outDir, dir));
      bar?.stop();
      io.stderr.write(`press: ${describeStop(why, stage, command)}\n`);
      finish(why.kind === 'signal' ? SIGNAL_EXIT[why.signal] : EXIT.inputError);
    }

    worker.on('message', (message: WorkerMessage) => {
      if (stopping) return;
      switch (message.kind) {
        case 'write':
          if (message.stream === 'stdout') io.stdout.write(message.text);
          else writeStderr(message.text);
          return;
        case 'progress':
          bar?.update(message.progress);
          return;
        case 'stage':
          stage = message.stage;
          return;
        case 'browser':
          if (message.event.kind === 'started') browsers.set(message.event.browser.pid, message.event.browser);
          else browsers.delete(message.event.browser.pid);
          return;
        case 'output': {
          const { event } = message;
          if (event.kind === 'staged') temporaries.add(event.file);
          else if (event.kind === 'settled') temporaries.delete(event.file);
          else if (event.kind === 'folder') folders.add(event.dir);
          else committing = Math.max(0, committing + (event.kind === 'committing' ? 1 : -1));
          return;
        }
        case 'done':
          void worker.terminate().catch(() => undefined);
          bar?.stop();
          if (deferred?.kind === 'signal') {
            io.stderr.write(`press: interrupted by ${deferred.signal} after the outputs were written\n`);
            finish(SIGNAL_EXIT[deferred.signal]);
          } else {
            finish(message.code);
          }
          return;
      }
    });
    worker.on('error', (failure: Error) => void stop({ kind: 'failed', reason: describeWorkerError(failure) }));
    worker.on('exit', (code) => {
      if (!settled && !stopping) void stop({ kind: 'failed', reason: `the build thread ended unexpectedly (status ${code})` });
    });
  });
}

/**
 * Start the worker thread that runs the command (`command-worker.ts`). Run from the bundle the
 * command line compiles (bin/bundle.js, this module then being JavaScript), the thread runs the
 * worker's compiled entry, which sits in the bundle's `command/` folder. Run from the sources,
 * it runs the TypeScript module: worker threads do not inherit the TypeScript loader the
 * command line registered, so the thread registers it first.
 */
function startWorker(input: WorkerInput): Worker {
  const options = { workerData: input, resourceLimits: { stackSizeMb: WORKER_STACK_MB } };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./command/command-worker.js', import.meta.url), options);
  const entry = new URL('./command-worker.ts', import.meta.url);
  const loader = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(loader)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, ...options });
}

function describeStop(why: Stop, stage: string, command: Command): string {
  if (command.batch) {
    const kept = '; the reports already built were kept, the others were not written';
    if (why.kind === 'signal') return `batch interrupted by ${why.signal}${kept}`;
    if (why.kind === 'failed') return `the batch failed: ${why.reason}${kept}`;
  }
  const where = stage === 'start' ? 'while starting' : `in the ${stage} stage`;
  const kept = command.command !== 'check' ? '; nothing was written and the previous outputs are unchanged' : '';
  switch (why.kind) {
    case 'timeout':
      return `${command.input}: the ${command.command === 'import' ? 'import' : 'build'} timed out after ${command.timeoutMs / 1000} s ${where} and was stopped${kept} (allow more time with --timeout <seconds> or PRESS_TIMEOUT; 0 means no limit)`;
    case 'signal':
      return `${command.input}: interrupted by ${why.signal} ${where}${kept}`;
    case 'failed':
      return `${command.input}: the build failed ${where}: ${why.reason}${kept}`;
  }
}

function describeWorkerError(failure: Error): string {
  if ('code' in failure && failure.code === 'ERR_WORKER_OUT_OF_MEMORY') return 'it ran out of memory (the document or one of its images is too large)';
  return failure.message.split('\n')[0] ?? String(failure);
}

/**
 * Remove the empty folders in and under `dir` (which this process made for a batch's outputs),
 * deepest first; a folder with a file anywhere in it stays. Never throws.
 */
async function removeEmptyTree(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) if (entry.isDirectory()) await removeEmptyTree(path.join(dir, entry.name));
  await rmdir(dir).catch(() => undefined);
}
