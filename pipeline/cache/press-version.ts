import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../util/project-root.ts';
import { sha256 } from './hash.ts';

/** report-press's own folder (where package.json is). */
const ROOT = PROJECT_ROOT;

/** What is hashed as report-press's code: the pipeline, entry point and locked dependencies (the templates are hashed apart). */
const CODE = ['pipeline', 'bin', 'package.json', 'package-lock.json'] as const;

/** The version of report-press that builds: the package's version and a hash of its code. */
export interface PressVersion {
  /** `version` of package.json. */
  version: string;
  /**
   * SHA-256 over the path and bytes of every file of the pipeline, `bin/`,
   * package.json and package-lock.json: a developer's change to the code, or an upgraded
   * dependency, gives another hash even when the version number stays.
   */
  code: string;
}

let memo: Promise<PressVersion> | undefined;

/** report-press's version and code hash, computed once per process (about 2 MB read). */
export function pressVersion(): Promise<PressVersion> {
  memo ??= computeVersion();
  return memo;
}

async function computeVersion(): Promise<PressVersion> {
  const files = (await Promise.all(CODE.map((entry) => filesUnder(path.join(ROOT, entry))))).flat().sort();
  const hash = sha256(
    (await Promise.all(files.map(async (file) => `${path.relative(ROOT, file)}\0${sha256(await readFile(file))}\n`))).join(''),
  );
  const json: unknown = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
  const version = typeof json === 'object' && json !== null && 'version' in json && typeof json.version === 'string' ? json.version : 'unknown';
  return { version, code: hash };
}

/** Every regular file at or under `entry` (nothing when it does not exist). */
async function filesUnder(entry: string): Promise<string[]> {
  let names;
  try {
    names = await readdir(entry, { withFileTypes: true, recursive: true });
  } catch (failure) {
    const code = (failure as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return [entry];
    if (code === 'ENOENT') return [];
    throw failure;
  }
  return names.filter((dirent) => dirent.isFile()).map((dirent) => path.join(dirent.parentPath, dirent.name));
}
