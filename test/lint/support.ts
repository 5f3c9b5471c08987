import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { build, type BuildResult } from '../../pipeline/build.ts';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';

const run = promisify(execFile);
const press = path.resolve(import.meta.dirname, '../../bin/press.js');

/** Run the real `press` command in `cwd`; never throws, returns status and both streams. */
export async function pressCommand(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [press, ...args], { cwd, env: { ...process.env, FORCE_COLOR: '0' } });
    return { code: 0, stdout, stderr };
  } catch (failure) {
    const { code, stdout, stderr } = failure as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

/** `press check` through `build()`: `input.md` holds `markdown`, beside the other `files`. */
export async function check(markdown: string | Uint8Array, files: Record<string, string | Uint8Array> = {}): Promise<BuildResult> {
  const dir = await temporaryFolder('press-lint-');
  await writeFiles(dir, { ...files, 'input.md': markdown });
  return build({ input: path.join(dir, 'input.md'), outDir: path.join(dir, 'dist'), formats: [], checkOnly: true });
}

/** The messages of one rule as `line:column severity reason` strings. */
export function messagesOf(result: BuildResult, ruleId: string): string[] {
  return result.report.file.messages
    .filter((message) => message.ruleId === ruleId)
    .map((message) => `${message.line ?? '?'}:${message.column ?? '?'} ${message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'note'} ${message.reason}`);
}

/** Front matter for a Chinese report. */
export const ZH = '---\ntitle: 政府工作报告\nlang: zh-CN\n---\n\n';

/** Front matter for an English report. */
export const EN = '---\ntitle: Report\nlang: en\n---\n\n';
