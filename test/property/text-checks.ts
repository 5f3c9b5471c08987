/**
 * The checks the property tests make of each output: every generated block's text is there, in
 * order, after the normalisations the project documents.
 */
import { missingInOrder, type BlockText } from '../helpers/block-text.ts';
import { docxReading, htmlReading } from '../helpers/output-text.ts';
import type { GeneratedDocument } from './documents.ts';

/** Full-width forms of the marks `remarkCjkPunctuation` converts, and the half-width ones they come from. */
const FULL_TO_HALF: Record<string, string> = { '，': ',', '；': ';', '：': ':', '！': '!', '？': '?', '（': '(', '）': ')' };

/**
 * Fold text for comparison with what the project documents it may change:
 *
 * - white space is removed (outputs wrap and join lines differently, Word joins Chinese lines
 *   without a space; `&nbsp;` is white space too);
 * - the half-width `, ; : ! ? ( )` that Chinese text gets in full width (README, `check --fix`)
 *   compare equal to their full-width forms;
 * - characters XML cannot carry (C0 controls, U+FFFE, U+FFFF) are left out: the Word file
 *   drops them; so are DEL and the C1 controls, which every output loses (`control-character`);
 * - with `pdf`, for text pdftotext read back: in Unicode normal form C (it may compose a letter
 *   and its combining mark), and without hyphen-minus (it joins a line that ends in `-` to the
 *   next and drops the `-`, taking it for a word broken at the line's end).
 */
export function foldText(text: string, pdf = false): string {
  const folded = text
    .replace(/\s+/gu, '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g, '')
    .replace(/[，；：！？（）]/g, (mark) => FULL_TO_HALF[mark] ?? mark);
  return pdf ? folded.normalize('NFC').replace(/-/g, '') : folded;
}

function foldBlocks(blocks: BlockText[], pdf: boolean): BlockText[] {
  return blocks.map((block) => ({ ...block, fragments: block.fragments.map((fragment) => foldText(fragment, pdf)).filter(Boolean) }));
}

/** Blocks whose text is missing from `text` or out of order, after folding both. */
export function missingText(blocks: BlockText[], text: string, pdf = false): string[] {
  return missingInOrder(foldBlocks(blocks, pdf), foldText(text, pdf));
}

/** Alt texts that neither an image description nor the visible text holds. */
function missingAlts(alts: string[], descriptions: string[], text: string): string[] {
  const haystack = foldText(`${descriptions.join('\n')}\n${text}`);
  return alts.filter((alt) => !haystack.includes(foldText(alt)));
}

/** Everything the HTML page loses of a generated document (empty when nothing is lost). */
export function htmlProblems(document: GeneratedDocument, html: string): string[] {
  const page = htmlReading(html);
  return [
    ...missingText(document.body, page.text).map((problem) => `body: ${problem}`),
    ...missingText(document.titleLines, page.text).map((problem) => `title block: ${problem}`),
    ...missingText(document.footnotes, page.text).map((problem) => `footnotes: ${problem}`),
    ...missingAlts(document.alts, page.alts, page.text).map((alt) => `alt text "${alt}" neither on an image nor in the text`),
    ...missingAlts(document.missingAlts, [], page.text).map((alt) => `missing image "${alt}" not shown as text`),
  ];
}

/** Everything the Word file loses of a generated document (empty when nothing is lost). */
export function docxProblems(document: GeneratedDocument, docx: Uint8Array): string[] {
  const word = docxReading(docx);
  return [
    ...missingText(document.body, word.body).map((problem) => `body: ${problem}`),
    ...missingText(document.titleLines, word.body).map((problem) => `title block: ${problem}`),
    ...missingText(document.footnotes, word.footnotes).map((problem) => `footnotes: ${problem}`),
    ...missingAlts(document.alts, word.descriptions, word.body).map((alt) => `alt text "${alt}" neither a picture description nor in the text`),
    ...missingAlts(document.missingAlts, [], word.body).map((alt) => `missing image "${alt}" not shown as text`),
  ];
}

/**
 * Everything the printed PDF loses of a generated document, from its text as pdftotext reads it
 * (page numbers removed). Compared in normal form C: pdftotext may compose a letter with its
 * combining mark. Footnotes are checked on their own: the PDF prints them at the end of each part.
 *
 * A table cell that wraps sets its lines beside its neighbours' lines, and pdftotext (in either
 * mode) interleaves them: a cell's text is then read from the PDF's tags instead. `cells` are the
 * texts of its `TD` and `TH` elements; a table cell (or a raw HTML block) whose every fragment is
 * in one of them is not looked for in `text`.
 */
export function pdfProblems(document: GeneratedDocument, text: string, cells: readonly string[] = []): string[] {
  const tagged = cells.map((cell) => foldText(cell, true));
  const inTaggedCell = (block: BlockText) =>
    (block.type === 'tableCell' || block.type === 'html') && block.fragments.every((fragment) => tagged.some((cell) => cell.includes(foldText(fragment, true))));
  const body = document.body.filter((block) => !inTaggedCell(block));
  return [
    ...missingText(body, text, true).map((problem) => `body: ${problem}`),
    ...missingText(document.titleLines, text, true).map((problem) => `title block: ${problem}`),
    ...missingText(document.footnotes, text, true).map((problem) => `footnotes: ${problem}`),
    ...document.missingAlts.filter((alt) => !foldText(text, true).includes(foldText(alt, true))).map((alt) => `missing image "${alt}" not shown as text`),
  ];
}
