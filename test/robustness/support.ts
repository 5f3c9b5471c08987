import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from '../helpers/documents.ts';

const PRESS = path.join(ROOT, 'bin/press.js');

/** How a `press` process ended, with everything it wrote. */
export interface PressOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time from start to exit (ms). */
  ms: number;
}

/** A running `press` command line (the real one: `node bin/press.js …`). */
export interface RunningPress {
  child: ChildProcess;
  done: Promise<PressOutcome>;
  /** What it has written to stderr so far. */
  stderrSoFar: () => string;
}

/** Every `press` started by {@link startPress} and still running. */
const started = new Set<ChildProcess>();

/**
 * Kill every `press` a test started and left running (a failed test does not wait for its
 * build): it would otherwise run on, and block on the output nobody reads any more.
 */
export function stopStartedPresses(): void {
  for (const child of started) child.kill('SIGKILL');
  started.clear();
}

/** Start `press` with `args` in `cwd`. */
export function startPress(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): RunningPress {
  const startedAt = performance.now();
  const child = spawn(process.execPath, [PRESS, ...args], { cwd, env: { ...process.env, FORCE_COLOR: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  started.add(child);
  const done = new Promise<PressOutcome>((resolve) => {
    child.on('close', (code, signal) => {
      started.delete(child);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - startedAt });
    });
  });
  return { child, done, stderrSoFar: () => stderr };
}

/** Run `press` to its end. */
export function press(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<PressOutcome> {
  return startPress(args, cwd, env).done;
}

/** A process as Linux's `/proc` shows it. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** Process group. */
  pgrp: number;
  /** R, S, D, Z (ended, not yet reaped)… */
  state: string;
  args: string[];
}

/** Every process on the machine, from `/proc`. */
export async function processes(): Promise<ProcessInfo[]> {
  const found: ProcessInfo[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const [state = '', ppid = '', pgrp = ''] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const args = (await readFile(`/proc/${entry}/cmdline`, 'utf8')).split('\0').filter(Boolean);
      found.push({ pid: Number(entry), ppid: Number(ppid), pgrp: Number(pgrp), state, args });
    } catch {
      // ended while we looked
    }
  }
  return found;
}

/** Processes of a group that are still running (ended ones waiting to be reaped do not count). */
export async function liveInGroup(pgrp: number): Promise<ProcessInfo[]> {
  return (await processes()).filter((info) => info.pgrp === pgrp && info.state !== 'Z');
}

/** Wait until `probe` gives a value (polled every 100 ms), or fail after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The browser (main process) a `press` process started and that is still running, if any. */
export async function browserOf(pressPid: number, except: ReadonlySet<number> = new Set()): Promise<ProcessInfo | undefined> {
  return (await processes()).find((info) => info.ppid === pressPid && info.state !== 'Z' && !except.has(info.pid) && info.args.some((arg) => arg.startsWith('--user-data-dir=')));
}

/** The renderer processes of a browser. */
export async function renderersOf(browserPid: number): Promise<ProcessInfo[]> {
  // A renderer forked by the zygote rewrites its command line as one string: match within it.
  return (await processes()).filter((info) => info.pgrp === browserPid && info.state !== 'Z' && info.args.join(' ').includes('--type=renderer'));
}

/** The profile folder a browser was started with. */
export function profileOf(browser: ProcessInfo): string | undefined {
  return browser.args.find((arg) => arg.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length);
}

/**
 * Every file of a folder and its subfolders with its bytes, by path relative to it (names
 * starting with a dot included: temporary outputs, the build's fingerprint in `.report-press/`).
 */
export async function folderSnapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const names = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
  for (const name of names.sort()) files.set(name, await readFile(path.join(dir, name)));
  return files;
}

