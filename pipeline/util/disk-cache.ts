import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * The folder report-press keeps derived data in between runs (font subsets, font coverage):
 * `PRESS_CACHE_DIR`, else `$XDG_CACHE_HOME/report-press`, else `~/.cache/report-press`.
 * Everything in it can be deleted at any time; it is only ever a shortcut.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env['PRESS_CACHE_DIR']?.trim();
  if (configured) return path.resolve(configured);
  const base = env['XDG_CACHE_HOME']?.trim() || path.join(os.homedir(), '.cache');
  return path.join(base, 'report-press');
}

/**
 * The identity of a file for a cache key: its path, size and modification time. Enough for
 * large files that are installed, not edited (font files); resolves to undefined when the file
 * cannot be read.
 */
export async function fileIdentity(file: string): Promise<string | undefined> {
  try {
    const info = await stat(file);
    return `${path.resolve(file)}\0${info.size}\0${info.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** A key made from the parts that determine a cached value (hex SHA-256). */
export function cacheKey(...parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/**
 * The bytes cached under `kind/key`, or else `compute()`'s, stored for the next run. The cache
 * is content-addressed (the key names everything the value depends on), written atomically
 * (a temporary file renamed into place) and best-effort: a cache that cannot be read or written
 * only means computing again, never a failed build.
 */
export async function cachedBytes(kind: string, key: string, compute: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const file = path.join(cacheDir(), kind, key);
  try {
    return new Uint8Array(await readFile(file));
  } catch {
    // Not cached yet (or unreadable): compute it.
  }
  const value = await compute();
  await store(file, value);
  return value;
}

async function store(file: string, value: Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, value);
    await rename(temporary, file);
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}
