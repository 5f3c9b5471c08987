import { access, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The outcome of looking up a relative path inside a folder. */
export type Lookup = { ok: true; file: string } | { ok: false; reason: string; missing: boolean };

/**
 * Resolve `relative` against `root` and return the real path of the file, but only when both
 * the path as written and the file it leads to (after following symbolic links) stay inside
 * the root. Absolute paths, `..` escapes and links that point out of the folder are refused.
 */
export async function resolveInside(root: string, relative: string): Promise<Lookup> {
  if (path.isAbsolute(relative) || /^[a-z]:[\\/]/i.test(relative) || relative.includes('\0')) {
    return { ok: false, reason: 'an absolute path', missing: false };
  }
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return { ok: false, reason: `the folder ${root} does not exist`, missing: true };
  }
  const candidate = path.resolve(realRoot, relative);
  if (!isInside(realRoot, candidate)) return { ok: false, reason: 'leaves the folder', missing: false };
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    return { ok: false, reason: 'no such file', missing: true };
  }
  if (!isInside(realRoot, real)) return { ok: false, reason: 'a link that leaves the folder', missing: false };
  try {
    if (!(await stat(real)).isFile()) return { ok: false, reason: 'not a file', missing: true };
  } catch {
    return { ok: false, reason: 'no such file', missing: true };
  }
  return { ok: true, file: real };
}

/** Whether `target` is `root` itself or lies below it (both absolute and normalised). */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

const packageDirs = new Map<string, Promise<string | undefined>>();

/**
 * The installed folder of an npm package, found the way Node finds packages: in the
 * `node_modules` folder next to report-press's own code or in one of its parents.
 * `undefined` when the package is not installed.
 */
export function findPackageDir(packageName: string): Promise<string | undefined> {
  let found = packageDirs.get(packageName);
  if (!found) {
    found = searchPackageDir(packageName);
    packageDirs.set(packageName, found);
  }
  return found;
}

async function searchPackageDir(packageName: string): Promise<string | undefined> {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'node_modules', ...packageName.split('/'));
    try {
      await access(path.join(candidate, 'package.json'));
      return await realpath(candidate);
    } catch {
      // not here: try the parent folder
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
