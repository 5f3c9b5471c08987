/**
 * Property: every generated report builds to the HTML page without an exception, and the page
 * shows the text of every block, footnote and missing image in order, and every alt text
 * (see `documents.ts` for what is generated, `text-checks.ts` for the normalisations allowed).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../pipeline/render/html/render-html.ts';
import { reportFrom } from '../helpers/report.ts';
import { ConstructTally } from './constructs.ts';
import { generatedDocument } from './documents.ts';
import { RENDER_DATE, sourceFolder, templateNamed } from './fixture.ts';
import { checkParameters, RUNS, SEED } from './settings.ts';
import { htmlProblems } from './text-checks.ts';

let folder: string;
beforeAll(async () => {
  folder = await sourceFolder();
});

describe(`HTML page of ${RUNS} generated reports (seed ${SEED})`, () => {
  it('builds every one and keeps all its text', { timeout: 900_000 }, async () => {
    const tally = new ConstructTally();
    await fc.assert(
      fc.asyncProperty(generatedDocument(), async (document) => {
        const report = await reportFrom(document.markdown, folder);
        tally.add(report, document.markdown);
        const html = await renderHtml(report, await templateNamed(report.meta.template), { date: RENDER_DATE, variant: 'screen' });
        expect(htmlProblems(document, html), document.markdown).toEqual([]);
      }),
      checkParameters(RUNS),
    );
    // The documents held every construct, many times over.
    if (RUNS >= 500) expect(tally.rare(10)).toEqual([]);
  });
});

describe('HTML page: what these tests found', () => {
  it('keeps the blank first line of a code block (hast-util-raw dropped it)', async () => {
    const report = await reportFrom('```\n\n\nthird line\n```\n', folder);
    const html = await renderHtml(report, await templateNamed(report.meta.template), { date: RENDER_DATE, variant: 'screen' });
    // The serialised page keeps both newlines after <code>: a browser drops a newline only right after <pre>.
    expect(html).toContain('<pre><code>\n\nthird line\n</code></pre>');
  });

  it('marks the text shown for an image that cannot be embedded (the sanitiser removed the class)', async () => {
    const report = await reportFrom('An image ![a chart](missing.png) is missing.\n', folder);
    const html = await renderHtml(report, await templateNamed(report.meta.template), { date: RENDER_DATE, variant: 'screen' });
    expect(html).toContain('<span class="image-unavailable">[a chart]</span>');
    expect(html).not.toContain('press-image-unavailable');
  });
});
