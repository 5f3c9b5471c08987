import { access, readdir, readFile, rm } from 'node:fs/promises';

/** A running browser as the operating system knows it: enough to end it from anywhere. */
export interface BrowserProcess {
  /** Process id of the browser's main process, which leads its own process group (not on Windows). */
  pid: number;
  /** The temporary profile folder Puppeteer made for it, removed when the browser is ended. */
  profileDir?: string;
}

/** A browser was launched (`started`) or has been closed and its processes ended (`ended`). */
export type BrowserEvent = { kind: 'started' | 'ended'; browser: BrowserProcess };

const running = new Map<number, BrowserProcess>();
const listeners = new Set<(event: BrowserEvent) => void>();

/** The profile folder named by a browser's `--user-data-dir=` argument, if any. */
export function profileDirOf(spawnArgs: readonly string[]): string | undefined {
  const argument = spawnArgs.find((arg) => arg.startsWith('--user-data-dir='));
  return argument === undefined ? undefined : argument.slice('--user-data-dir='.length);
}

/** Record a browser launched by this thread (called by `launchBrowser`). */
export function browserStarted(browser: BrowserProcess): void {
  running.set(browser.pid, browser);
  for (const listener of listeners) listener({ kind: 'started', browser });
}

/** Record that a browser has been closed and its processes ended (called by `closeBrowser`). */
export function browserEnded(pid: number): void {
  const browser = running.get(pid);
  if (!browser) return;
  running.delete(pid);
  for (const listener of listeners) listener({ kind: 'ended', browser });
}

/**
 * Be told of every browser this thread launches and ends, for example to relay them to a
 * supervising thread that must be able to end them if this one is stopped. Returns the
 * function that stops listening.
 */
export function onBrowserEvent(listener: (event: BrowserEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * End a browser from outside, without its DevTools connection: kill its whole process group
 * (main, renderer, GPU and utility processes) and remove its temporary profile folder. For a
 * build that must stop at once (a signal, a timeout) while the thread that owns the browser is
 * busy or gone. Never throws.
 */
export async function killBrowserProcess(browser: BrowserProcess): Promise<void> {
  for (const target of process.platform === 'win32' ? [browser.pid] : [-browser.pid, browser.pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // ESRCH: already gone
    }
  }
  // A killed process takes a moment to end (freeing a renderer's memory): the command that stops
  // must leave nothing running behind it.
  await untilGroupEnds(browser.pid);
  if (browser.profileDir !== undefined) await removeProfile(browser.profileDir);
}

/**
 * Remove a killed browser's profile folder. Chromium may still be writing into it for a moment
 * after the kill (on a loaded machine its processes end late), recreating what was removed:
 * remove it again until it stays gone, a few times at most.
 */
async function removeProfile(folder: string): Promise<void> {
  for (let attempt = 0; attempt < PROFILE_REMOVALS; attempt++) {
    await rm(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
    if (!(await access(folder).then(() => true, () => false))) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Removals of a killed browser's profile folder before it is left. */
const PROFILE_REMOVALS = 5;

/** How long {@link untilGroupEnds} waits for killed processes to end (ms). */
const GROUP_END_MS = 3_000;

/**
 * Wait until no process of the group `pgid` is running any more (ended ones not yet collected
 * by their parent do not count), at most {@link GROUP_END_MS}. Linux only (`/proc`); elsewhere
 * it returns at once.
 */
async function untilGroupEnds(pgid: number): Promise<void> {
  if (process.platform !== 'linux') return;
  const deadline = performance.now() + GROUP_END_MS;
  while (performance.now() < deadline && (await groupIsRunning(pgid))) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function groupIsRunning(pgid: number): Promise<boolean> {
  const entries = await readdir('/proc').catch(() => []);
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // After the command name (in parentheses): state, parent, process group.
    const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(group) === pgid && state !== 'Z' && state !== 'X') return true;
  }
  return false;
}
