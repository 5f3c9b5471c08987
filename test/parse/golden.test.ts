import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'vitest';
import { readSource } from '../../pipeline/util/read-source.ts';
import { parseReport } from '../../pipeline/parse/parse.ts';
import { formatMessage } from '../../pipeline/util/messages.ts';
import { expectGolden } from '../helpers/golden.ts';
import { treeForGolden } from '../helpers/tree.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const cases = (await readdir(fixtures, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

describe('parse and transform golden fixtures', () => {
  for (const name of cases) {
    it(name, async () => {
      const file = await readSource(path.join(fixtures, name, 'input.md'));
      const report = await parseReport(file);
      await expectGolden(path.join(fixtures, name, 'tree.json'), treeForGolden(report.tree));
      const messages = file.messages.map((message) => formatMessage(file, message).replace(/^.*?input\.md:/, 'input.md:'));
      await expectGolden(path.join(fixtures, name, 'messages.txt'), messages.map((line) => `${line}\n`).join(''));
    });
  }
});
