// The compiled form of the `press` command line: the TypeScript pipeline bundled by esbuild into
// node_modules/.cache/report-press-bundle/, rebuilt whenever a source file changes. Loading the
// bundle takes a fraction of compiling every module on the fly (tsx) at each start, which every
// build, batch and test pays. When the bundle cannot be made (esbuild missing, a read-only
// folder), the caller falls back to tsx.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Folders whose TypeScript goes into the bundle (templates hold the Word style profiles). */
const SOURCE_FOLDERS = ['pipeline', 'templates'];
const ENTRY_POINTS = ['pipeline/cli.ts', 'pipeline/command/command-worker.ts'];

/** Every file the bundle is made from, with its size and modification time. */
function sourceStamp() {
  const hash = createHash('sha256');
  hash.update(`${process.version}\0`);
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) {
        const info = statSync(file);
        hash.update(`${path.relative(root, file)}\0${info.size}\0${info.mtimeMs}\0`);
      }
    }
  };
  for (const folder of SOURCE_FOLDERS) visit(path.join(root, folder));
  for (const file of ['package.json', 'tsconfig.json', 'bin/bundle.js']) {
    const info = statSync(path.join(root, file));
    hash.update(`${file}\0${info.size}\0${info.mtimeMs}\0`);
  }
  return hash.digest('hex').slice(0, 24);
}

/**
 * The URL of the bundled command line (`cli.js`), building the bundle first when the sources
 * changed since it was made; undefined when it cannot be made (the caller then uses tsx).
 */
export async function bundledCli() {
  if (process.env.PRESS_NO_BUNDLE === '1') return undefined;
  let stamp;
  try {
    stamp = sourceStamp();
  } catch {
    return undefined;
  }
  const cacheRoot = path.join(root, 'node_modules', '.cache', 'report-press-bundle');
  const dir = path.join(cacheRoot, stamp);
  const cli = path.join(dir, 'cli.js');
  if (existsSync(path.join(dir, 'complete'))) return pathToFileURL(cli);
  try {
    const esbuild = await import('esbuild');
    const building = `${dir}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: ENTRY_POINTS,
      outbase: 'pipeline',
      outdir: building,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
    });
    await writeFile(path.join(building, 'complete'), stamp);
    // Another press may have made the same bundle meanwhile: either copy is the same.
    await rename(building, dir).catch(() => rm(building, { recursive: true, force: true }));
    await removeOlderBundles(cacheRoot, stamp);
    return existsSync(path.join(dir, 'complete')) ? pathToFileURL(cli) : undefined;
  } catch {
    return undefined;
  }
}

/** A bundle unused this long is removed (a press still running may load chunks of its own bundle). */
const STALE_MS = 60 * 60 * 1000;

/** Bundles of earlier sources are never used again; remove those an hour old (best-effort). */
async function removeOlderBundles(cacheRoot, keep) {
  for (const name of readdirSync(cacheRoot)) {
    const dir = path.join(cacheRoot, name);
    if (name === keep || Date.now() - statSync(dir).mtimeMs < STALE_MS) continue;
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
