import { readdir, readFile } from 'node:fs/promises';

/** How often a starting browser's process is looked at (ms). */
const POLL_MS = 50;

/** A watch over one starting browser: `failed` rejects when it cannot start; `stop` ends the watch. */
export interface LaunchWatch {
  /** Rejects with the reason when the browser's process ends before `stop`, or the time runs out. */
  failed: Promise<never>;
  /** The browser's process id, once seen. */
  pid(): number | undefined;
  /** End the watch (the launch settled); `failed` then never rejects. */
  stop(): void;
}

/**
 * Watch the browser this process is starting with the profile folder `profileDir` until the
 * launch settles. Puppeteer's launch waits, with no time limit and no timer, for the browser's
 * first targets to attach: a browser that dies at that moment leaves the launch pending forever,
 * and a build thread with nothing else to do then simply ends. The watch finds the browser among
 * this process's children (by its `--user-data-dir`, on Linux) and rejects as soon as it is gone,
 * and rejects after `timeoutMs` in any case, so that a launch always settles.
 */
export function watchLaunch(profileDir: string, timeoutMs: number): LaunchWatch {
  let pid: number | undefined;
  let rejectFailed: (failure: Error) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    rejectFailed = reject;
  });
  failed.catch(() => undefined);
  let stopped = false;
  let polling = false;
  const fail = (reason: string) => {
    if (stopped) return;
    stop();
    rejectFailed(new Error(reason));
  };
  const poll = async () => {
    if (polling || stopped) return;
    polling = true;
    try {
      if (pid === undefined) pid = await childWithProfile(profileDir);
      else if (!(await isRunning(pid))) fail('its process ended while it was starting');
    } finally {
      polling = false;
    }
  };
  const interval = process.platform === 'linux' ? setInterval(() => void poll(), POLL_MS) : undefined;
  const timer = setTimeout(() => fail(`it did not start within ${timeoutMs} ms`), timeoutMs);
  function stop(): void {
    stopped = true;
    if (interval) clearInterval(interval);
    clearTimeout(timer);
  }
  return { failed, pid: () => pid, stop };
}

/** The child process of this process (any of its threads) started with `--user-data-dir=<profileDir>`. */
async function childWithProfile(profileDir: string): Promise<number | undefined> {
  const flag = `--user-data-dir=${profileDir}`;
  for (const child of await children()) {
    const commandLine = await readFile(`/proc/${child}/cmdline`, 'utf8').catch(() => '');
    if (commandLine.split('\0').includes(flag)) return child;
  }
  return undefined;
}

/** Process ids of this process's children, over all its threads (a worker thread spawns its own). */
async function children(): Promise<number[]> {
  const threads = await readdir('/proc/self/task').catch(() => []);
  const lists = await Promise.all(threads.map((thread) => readFile(`/proc/self/task/${thread}/children`, 'utf8').catch(() => '')));
  return lists.flatMap((list) => list.split(/\s+/).filter(Boolean).map(Number));
}

/** Whether a process exists and is not a zombie (ended, its status not yet collected). */
async function isRunning(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (stat === undefined) return false;
  // The state follows the command name, which is in parentheses and may itself contain them.
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state !== 'Z' && state !== 'X';
}
