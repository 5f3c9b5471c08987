/**
 * One `press preview` per source: a lock file in the system's temporary folder, named after the
 * source's real path, holds the running preview's process id and address. A second preview of
 * the same file reads it and says where the first one runs; a lock whose process is gone (a
 * preview killed with SIGKILL) is taken over.
 */
import { createHash } from 'node:crypto';
import { readFile, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What a lock file says. */
export interface LockOwner {
  pid: number;
  /** The preview's address without its token (empty while it starts). */
  url: string;
  source: string;
}

/** A lock this process holds. */
export interface PreviewLock {
  file: string;
  /** Write the address the preview answers at into the lock. */
  publish(url: string): Promise<void>;
  /** Remove the lock (only if it is still ours). Never throws. */
  release(): Promise<void>;
  /** The same, synchronously: for `process.on('exit')`. */
  releaseNow(): void;
}

/** The lock file of a source (by its real path), in `dir` (default: the system's temporary folder). */
export async function lockPathFor(source: string, dir: string = os.tmpdir()): Promise<string> {
  const real = await realpath(source);
  return path.join(dir, `report-press-preview-${createHash('sha256').update(real).digest('hex').slice(0, 20)}.lock`);
}

/**
 * Take the preview lock of `source`: resolves to the lock, or to the owner of a lock another
 * running process holds. A lock left by a process that is no longer running is taken over.
 */
export async function acquireLock(source: string, dir?: string): Promise<{ lock: PreviewLock } | { heldBy: LockOwner }> {
  const file = await lockPathFor(source, dir);
  const real = await realpath(source);
  const mine: LockOwner = { pid: process.pid, url: '', source: real };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(file, JSON.stringify(mine), { flag: 'wx', mode: 0o600 });
      return { lock: ownLock(file, mine) };
    } catch (failure) {
      if ((failure as NodeJS.ErrnoException).code !== 'EEXIST') throw failure;
    }
    const owner = await readOwner(file);
    if (owner !== undefined && owner.pid !== process.pid && isRunning(owner.pid)) return { heldBy: owner };
    // Stale (its process is gone) or unreadable: take it over.
    await rm(file, { force: true });
  }
  throw new Error(`could not take the preview lock ${file}`);
}

function ownLock(file: string, owner: LockOwner): PreviewLock {
  let released = false;
  const stillMine = async () => (await readOwner(file))?.pid === process.pid;
  return {
    file,
    async publish(url) {
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify({ ...owner, url }), { mode: 0o600 });
      await rename(temporary, file);
    },
    async release() {
      if (released) return;
      released = true;
      if (await stillMine().catch(() => false)) await rm(file, { force: true }).catch(() => undefined);
    },
    releaseNow() {
      if (released) return;
      released = true;
      rmSync(file, { force: true });
    },
  };
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  try {
    const data: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (typeof data !== 'object' || data === null) return undefined;
    const { pid, url, source } = data as Record<string, unknown>;
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return undefined;
    return { pid, url: typeof url === 'string' ? url : '', source: typeof source === 'string' ? source : '' };
  } catch {
    return undefined;
  }
}

/** Whether a process with this id runs (EPERM: it runs, as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (failure) {
    return (failure as NodeJS.ErrnoException).code === 'EPERM';
  }
}
