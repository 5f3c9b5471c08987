import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** The repository's root folder. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The 公文 examples (template gongwen): a 通知 (文件格式), a 函 (信函), a 令 and a 纪要. */
export const GONGWEN_EXAMPLES = ['tongzhi', 'han', 'ling', 'jiyao'].map((name) => path.join(ROOT, 'source/examples', `${name}.md`));

/** The sample, the showcase, the 公文 examples and every fixture's `input.md`: the documents every output must serve. */
export async function allDocuments(): Promise<string[]> {
  const fixtures = path.join(ROOT, 'test/fixtures');
  const cases = (await readdir(fixtures, { withFileTypes: true })).filter((entry) => entry.isDirectory());
  return [path.join(ROOT, 'source/report.md'), path.join(ROOT, 'source/examples/showcase.md'), ...GONGWEN_EXAMPLES, ...cases.map((entry) => path.join(fixtures, entry.name, 'input.md'))];
}
