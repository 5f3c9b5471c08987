import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { VFile } from 'vfile';
import { parseReport } from '../../pipeline/parse/parse.ts';
import { expectGolden } from '../helpers/golden.ts';
import { render } from './fixture.ts';
import { prettyXml, readDocx } from './read-docx.ts';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

describe('docx golden fixtures (UPDATE_GOLDEN=1 regenerates them)', () => {
  for (const name of ['docx-basic']) {
    it(`${name}: word/document.xml`, async () => {
      const folder = path.join(FIXTURES, name);
      const inputPath = path.join(folder, 'input.md');
      const report = await parseReport(new VFile({ path: inputPath, value: await readFile(inputPath, 'utf8') }));
      const docx = readDocx(await render(report));
      await expectGolden(path.join(folder, 'document.xml'), prettyXml(docx.xml('word/document.xml')));
    });
  }
});
