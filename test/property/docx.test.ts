/**
 * Property: every generated report builds to the Word file without an exception; every XML part
 * of the package is well formed, and the body and the footnotes show the text of every block
 * and footnote in order, every alt text is a picture's description or visible text (see
 * `documents.ts` for what is generated, `text-checks.ts` for the normalisations allowed).
 */
import fc from 'fast-check';
import { strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../pipeline/render/docx/render-docx.ts';
import { docxReading } from '../helpers/output-text.ts';
import { reportFrom } from '../helpers/report.ts';
import { xmlProblems } from '../helpers/xml.ts';
import { ConstructTally } from './constructs.ts';
import { generatedDocument } from './documents.ts';
import { RENDER_DATE, sourceFolder, templateNamed } from './fixture.ts';
import { checkParameters, RUNS, SEED } from './settings.ts';
import { docxProblems } from './text-checks.ts';

let folder: string;
beforeAll(async () => {
  folder = await sourceFolder();
});

/** Parts of the package that are not well-formed XML, with what is wrong. */
function malformedParts(docx: Uint8Array): string[] {
  return Object.entries(docxReading(docx).parts)
    .filter(([name]) => /\.(xml|rels)$/.test(name))
    .flatMap(([name, bytes]) => xmlProblems(strFromU8(bytes)).map((problem) => `${name}: ${problem}`));
}

describe(`Word file of ${RUNS} generated reports (seed ${SEED})`, () => {
  it('builds every one as well-formed XML and keeps all its text', { timeout: 900_000 }, async () => {
    const tally = new ConstructTally();
    await fc.assert(
      fc.asyncProperty(generatedDocument(), async (document) => {
        const report = await reportFrom(document.markdown, folder);
        tally.add(report, document.markdown);
        const docx = await renderDocx(report, await templateNamed(report.meta.template), { date: RENDER_DATE });
        expect(malformedParts(docx), document.markdown).toEqual([]);
        expect(docxProblems(document, docx), document.markdown).toEqual([]);
      }),
      checkParameters(RUNS),
    );
    if (RUNS >= 500) expect(tally.rare(10)).toEqual([]);
  });

  it('drops what XML cannot carry instead of writing a file Word refuses', async () => {
    const report = await reportFrom('---\ntitle: "Bell \\u0007 and \\uFFFE"\n---\n\nA byte-swapped mark \uFFFE, a bell \u0007 and `code \uFFFF`.\n\n![alt \uFFFE](tiny.png)\n', folder);
    const docx = await renderDocx(report, await templateNamed(report.meta.template), { date: RENDER_DATE });
    expect(malformedParts(docx)).toEqual([]);
    expect(docxReading(docx).body.replace(/\s+/g, '')).toContain('Abyte-swappedmark,abellandcode.');
  });
});
