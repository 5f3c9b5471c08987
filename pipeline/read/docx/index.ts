/**
 * The Word reader: `readDocx` turns any .docx into the mdast the build uses, `docxToMarkdown`
 * writes that as the Markdown `press import` saves. See `read-docx.ts` for the stages.
 */
export { readDocx, DocxReadError } from './read-docx.ts';
export type { ImportWarning, ReadDocxOptions, ReadDocxResult, TrackChanges } from './read-docx.ts';
export { docxToMarkdown, treeToMarkdown } from './markdown.ts';
export type { DocxProblem } from './errors.ts';
export type { DocxProperties } from './properties.ts';
