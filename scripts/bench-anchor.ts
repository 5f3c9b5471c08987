// The anchor of the bench's first row: report-press's own print edition of a report, written as
// a plain HTML file that headless Chromium can print by itself (`chromium --print-to-pdf`).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolvePrintFonts } from '../pipeline/fonts/print-fonts.ts';
import { parseReport } from '../pipeline/parse/parse.ts';
import { findPackageDir } from '../pipeline/render/pdf/local-files.ts';
import { checkPrintFonts, printEditionHtml } from '../pipeline/render/pdf/render-pdf.ts';
import { FONTS_FOLDER } from '../pipeline/render/pdf/virtual-origin.ts';
import { loadTemplate } from '../pipeline/template/load-template.ts';
import { readSource } from '../pipeline/util/read-source.ts';
import { sourceDate } from '../pipeline/util/source-date.ts';

/**
 * Write the print edition of `source` (the HTML page the PDF renderer prints) to `htmlPath`,
 * with the font URLs the renderer answers by request interception (`press-fonts/<package>/…`,
 * `press-font-files/<n>/<file>`) rewritten to `file:` URLs of the same files. The page must be
 * beside the source (its images resolve from there) and printed with `--allow-file-access-from-files`.
 * Throws when a font URL is left that could not be rewritten.
 */
export async function writeAnchorHtml(source: string, htmlPath: string): Promise<void> {
  if (path.dirname(path.resolve(htmlPath)) !== path.dirname(path.resolve(source))) throw new Error('the anchor page must be beside its source');
  const file = await readSource(source);
  file.data.suggestions = { mode: 'pending', print: true };
  const report = await parseReport(file);
  const template = await loadTemplate(report.meta.template);
  const fonts = await checkPrintFonts(template);
  let html = await printEditionHtml(report, template, fonts, { date: sourceDate(report.meta) });
  const setup = resolvePrintFonts(template);
  // Longest names first: no package name is then taken for the start of another.
  for (const name of [...setup.packages].sort((a, b) => b.length - a.length)) {
    const dir = await findPackageDir(name);
    if (dir === undefined) throw new Error(`font package ${name} is not installed`);
    html = html.replaceAll(`${FONTS_FOLDER}${name}/`, `${pathToFileURL(dir).href}/`);
  }
  for (const face of setup.localFaces) html = html.replaceAll(face.url, pathToFileURL(face.file).href);
  // The CJK faces: report-press serves them cut to the report's characters; Chromium's own print gets the whole file.
  for (const face of setup.cjkFaces) {
    const dir = await findPackageDir(face.packageName);
    if (dir === undefined) throw new Error(`font package ${face.packageName} is not installed`);
    html = html.replaceAll(`url("${face.url}") format('truetype')`, `url("${pathToFileURL(path.join(dir, face.file)).href}")`);
  }
  // The math face: the whole file, as report-press serves it.
  const math = setup.mathFace;
  if (math) {
    const dir = await findPackageDir(math.packageName);
    if (dir === undefined) throw new Error(`font package ${math.packageName} is not installed`);
    html = html.replaceAll(math.url, pathToFileURL(path.join(dir, math.file)).href);
  }
  const left = /press-font(?:s|-files)\/[^"')\s]*/.exec(html);
  if (left) throw new Error(`the anchor page still names ${left[0]}`);
  await writeFile(htmlPath, html);
}
