/**
 * The thread that runs one `press` command for `supervise.ts`. It runs the command as usual and
 * relays to its supervisor everything the supervisor needs to stop it cleanly at any moment:
 * its text, its stages, its browsers and its temporary outputs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { onBrowserEvent } from '../browser/browser-processes.ts';
import { onOutputEvent } from '../util/atomic-write.ts';
import type { CommandIo } from './run-command.ts';
import type { Command } from './command.ts';
import type { WorkerInput, WorkerMessage } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('command-worker.ts runs only as a worker thread (see supervise.ts)');
const post = (message: WorkerMessage): void => port.postMessage(message);
const { command, stderrIsTerminal } = workerData as WorkerInput;

onBrowserEvent((event) => post({ kind: 'browser', event }));
onOutputEvent((event) => post({ kind: 'output', event }));
/**
 * The runner of a command, loaded when it is asked for: `review` and `import` need neither the
 * browser nor the web-page renderer, and start faster without loading them.
 */
async function runnerFor(name: Command['command'], batch: boolean): Promise<(command: Command, io: CommandIo) => Promise<number>> {
  if (batch) {
    const { runBatch } = await import('./run-batch.ts');
    return (command, io) => runBatch(command, { ...io, onProgress: (progress) => post({ kind: 'progress', progress }) });
  }
  if (name === 'review') return (await import('./run-review.ts')).runReview;
  if (name === 'import') {
    const { runImport } = await import('./import-docx.ts');
    return (command, io) => {
      io.onStageStart?.('import');
      return runImport(command, io);
    };
  }
  return (await import('./run-command.ts')).runCommand;
}

const run = await runnerFor(command.command, command.batch);
const code = await run(command, {
  write: (stream, text) => post({ kind: 'write', stream, text }),
  stderrIsTerminal,
  onStageStart: (stage) => post({ kind: 'stage', stage }),
});
post({ kind: 'done', code });
