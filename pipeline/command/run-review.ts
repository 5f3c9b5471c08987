/**
 * `press review` on the command line: run the review, print its messages and what it wrote.
 */
import { review } from '../review/review.ts';
import { formatMessage } from '../util/messages.ts';
import { EXIT, type Command } from './command.ts';
import type { CommandIo } from './run-command.ts';

/**
 * Run `press review`: print the review's messages (`file:line:column: severity: text [rule]`) and
 * what each copy's reader could not keep (`copy.docx: paragraph N ("…"): warning: …`), then how
 * many opinions were collected; resolves to the exit status.
 */
export async function runReview(command: Command, io: CommandIo): Promise<number> {
  try {
    return await reviewAndReport(command, io);
  } catch (failure) {
    // Not about the input (the disk, the template): one `press:` line, never a stack trace.
    io.write('stderr', `press: ${failure instanceof Error ? failure.message.split('\n')[0] : String(failure)}\n`);
    return EXIT.inputError;
  }
}

async function reviewAndReport(command: Command, io: CommandIo): Promise<number> {
  const stderr = (text: string) => io.write('stderr', text);
  io.onStageStart?.('review');
  const result = await review({
    input: command.input,
    copies: command.copies,
    outDir: command.outDir,
    onCopyWarning: (warning) => {
      if (!command.quiet) stderr(`${warning.copy}: paragraph ${warning.paragraph} ("${warning.excerpt}"): warning: ${warning.message} [${warning.ruleId}]\n`);
    },
  });
  const { file } = result;
  const ordered = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  for (const message of ordered) if (!command.quiet || message.fatal === true) stderr(`${formatMessage(file, message)}\n`);
  if (!result.ok) {
    stderr(`press: ${command.input}: not reviewed, fix the errors above\n`);
    return EXIT.inputError;
  }
  if (!command.quiet) io.write('stdout', `${command.input}: ${result.opinions.length} ${result.opinions.length === 1 ? 'opinion' : 'opinions'} from ${command.copies.length} ${command.copies.length === 1 ? 'copy' : 'copies'}; wrote ${result.written.join(', ')}\n`);
  return EXIT.ok;
}
