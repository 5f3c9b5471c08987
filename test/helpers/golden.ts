import { readFile, writeFile } from 'node:fs/promises';
import { expect } from 'vitest';

/** Whether golden files are being regenerated (`UPDATE_GOLDEN=1 npm test`). */
export const UPDATING_GOLDEN = process.env.UPDATE_GOLDEN === '1';

/**
 * Compare `actual` with the golden file at `goldenPath`; with UPDATE_GOLDEN=1, rewrite the golden
 * file instead. Goldens are never edited by hand to match.
 */
export async function expectGolden(goldenPath: string, actual: string): Promise<void> {
  if (UPDATING_GOLDEN) {
    await writeFile(goldenPath, actual);
    return;
  }
  let expected: string;
  try {
    expected = await readFile(goldenPath, 'utf8');
  } catch {
    throw new Error(`missing golden file ${goldenPath}: run UPDATE_GOLDEN=1 npx vitest run`);
  }
  expect(actual).toBe(expected);
}
