/**
 * Why a Word file cannot be read at all. The reader throws a {@link DocxReadError}; the `import`
 * command prints it as one line from the message catalogue, never a stack trace.
 */

/** What is wrong with the file as a whole. */
export type DocxProblem =
  | { rule: 'import-not-docx'; kind: 'not-zip' | 'corrupt' | 'no-document' }
  | { rule: 'import-legacy-doc' }
  | { rule: 'import-encrypted' }
  | { rule: 'import-too-large'; megabytes: number; limitMegabytes: number; ratio?: number }
  | { rule: 'import-xml-entities'; part: string }
  | { rule: 'import-xml-invalid'; part: string; reason: string };

/** A Word file that cannot be read: not a .docx, a .doc, encrypted, a zip bomb, unsafe XML. */
export class DocxReadError extends Error {
  /** The problem, with what its catalogue message needs. */
  readonly problem: DocxProblem;

  constructor(problem: DocxProblem) {
    super(problem.rule);
    this.name = 'DocxReadError';
    this.problem = problem;
  }
}
