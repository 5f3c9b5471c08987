import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import { parseReport } from '../../pipeline/parse/parse.ts';
import type { Report } from '../../pipeline/types.ts';

/** A fresh temporary folder for one test. */
export async function temporaryFolder(prefix = 'press-test-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** Write `files` (name → content) into `folder`, creating subfolders. */
export async function writeFiles(folder: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
    await writeFile(path.join(folder, name), content);
  }
}

/** Parse Markdown given as a string, as if it were `<folder>/input.md`. */
export async function reportFrom(markdown: string, folder?: string): Promise<Report> {
  const dir = folder ?? (await temporaryFolder());
  return parseReport(new VFile({ path: path.join(dir, 'input.md'), value: markdown }));
}

/** A 2 × 2 red PNG, for tests that need a real image. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

/** Messages of a report as `line:column rule-id severity` strings, for compact assertions. */
export function messageSummary(report: Report): string[] {
  return report.file.messages.map((message) => `${message.line ?? '?'}:${message.column ?? '?'} ${message.ruleId ?? ''} ${message.fatal === true ? 'error' : 'warning'}`);
}
