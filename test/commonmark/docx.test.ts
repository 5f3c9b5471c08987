/**
 * Every example of the CommonMark spec renders to a Word file without an exception; the file
 * is a zip whose XML parts are all well formed, and its body shows the text of every block of
 * the example (paragraphs, headings, code, table cells) in order.
 */
import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../pipeline/render/docx/render-docx.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { blockTexts, missingInOrder } from '../helpers/block-text.ts';
import { docxReading } from '../helpers/output-text.ts';
import { reportFrom, temporaryFolder } from '../helpers/report.ts';
import { xmlProblems } from '../helpers/xml.ts';
import { specExamples } from './examples.ts';

const examples = specExamples();

describe(`CommonMark spec, ${examples.length} examples, Word`, () => {
  it('renders every example as a well-formed package that keeps its text', { timeout: 600_000 }, async () => {
    const folder = await temporaryFolder('press-commonmark-docx-');
    const problems: string[] = [];
    for (const example of examples) {
      try {
        const report = await reportFrom(example.markdown, folder);
        const docx = docxReading(await renderDocx(report, await loadTemplate(report.meta.template), { date: new Date(0) }));
        if (docx.parts['word/document.xml'] === undefined) problems.push(`#${example.number}: no word/document.xml`);
        for (const [name, bytes] of Object.entries(docx.parts)) {
          if (/\.(xml|rels)$/.test(name)) for (const problem of xmlProblems(strFromU8(bytes))) problems.push(`#${example.number} ${name}: ${problem}`);
        }
        const { body, footnotes } = blockTexts(report.tree);
        for (const problem of [...missingInOrder(body, docx.body), ...missingInOrder(footnotes, docx.footnotes)]) problems.push(`#${example.number} ${JSON.stringify(example.markdown)}: ${problem}`);
      } catch (failure) {
        problems.push(`#${example.number} ${JSON.stringify(example.markdown)}: ${failure instanceof Error ? (failure.stack ?? failure.message) : String(failure)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
