import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The report-press folder (the one holding `package.json` and `templates/`), found by walking
 * up from this module: the same whether the pipeline runs from its TypeScript sources or from
 * the bundle the command line compiles into `node_modules/.cache/` (bin/bundle.js).
 */
export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'templates', 'base.css')) && existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`report-press: no templates folder above ${start}`);
  }
}
