import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** The repository's root folder. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The sample, the showcase and every fixture's `input.md`: the documents every output must serve. */
export async function allDocuments(): Promise<string[]> {
  const fixtures = path.join(ROOT, 'test/fixtures');
  const cases = (await readdir(fixtures, { withFileTypes: true })).filter((entry) => entry.isDirectory());
  return [path.join(ROOT, 'source/report.md'), path.join(ROOT, 'source/examples/showcase.md'), ...cases.map((entry) => path.join(fixtures, entry.name, 'input.md'))];
}
