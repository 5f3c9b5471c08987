import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('./libreoffice-edit.py', import.meta.url));
/** Debian's Python, which has python3-uno (another `python3` on the PATH may not). */
const PYTHON = '/usr/bin/python3';

/** One edit a department makes in LibreOffice; `find` is literal body text (its first occurrence, or the `occurrence`-th). */
export type DocxEdit =
  | { kind: 'replace'; find: string; with: string; occurrence?: number }
  | { kind: 'delete'; find: string; occurrence?: number }
  | { kind: 'insertAfter' | 'insertBefore'; find: string; text: string; occurrence?: number }
  | { kind: 'splitAfter'; find: string; occurrence?: number }
  | { kind: 'mergeAfter'; find: string; occurrence?: number }
  | { kind: 'comment'; find: string; text: string; occurrence?: number }
  | { kind: 'cell'; table: number; row: number; column: number; text: string };

/** A tracked change as LibreOffice lists it. */
export interface Redline {
  type: string;
  author: string;
  text: string;
}

/** What LibreOffice sees in a document after a job: its tracked changes and comments. */
export interface DocumentChanges {
  redlines: Redline[];
  comments: { author: string; text: string }[];
}

/** Edit `input` into `output` as `author`, with change recording on (`track`, default) or off. */
export interface EditJob {
  input: string;
  output: string;
  author: string;
  track?: boolean;
  edits: DocxEdit[];
}

type Job = EditJob | { input: string; list: true };
type JobResult = ({ ok: true } & DocumentChanges) | { ok: false; error: string };

async function runJobs(jobs: Job[]): Promise<DocumentChanges[]> {
  const folder = await mkdtemp(path.join(tmpdir(), 'press-lo-jobs-'));
  try {
    const jobsFile = path.join(folder, 'jobs.json');
    const resultFile = path.join(folder, 'result.json');
    await writeFile(jobsFile, JSON.stringify({ jobs }));
    await run(PYTHON, [SCRIPT, jobsFile, resultFile], { timeout: 300_000 });
    const results = JSON.parse(await readFile(resultFile, 'utf8')) as JobResult[];
    return results.map((result, index) => {
      if (!result.ok) throw new Error(`LibreOffice job ${index} (${jobs[index]?.input}): ${result.error}`);
      return { redlines: result.redlines, comments: result.comments };
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Edit Word files in one real LibreOffice (headless, through UNO), as departments do: each job
 * with its author set and change recording on or off, saved as .docx. Resolves to what
 * LibreOffice lists in each saved document.
 */
export async function editWithLibreOffice(jobs: EditJob[]): Promise<DocumentChanges[]> {
  return runJobs(jobs);
}

/** The tracked changes and comments LibreOffice finds in each of `files`. */
export async function listChangesWithLibreOffice(files: string[]): Promise<DocumentChanges[]> {
  return runJobs(files.map((input) => ({ input, list: true as const })));
}
