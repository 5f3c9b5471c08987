import type { BrowserEvent } from '../browser/browser-processes.ts';
import type { OutputEvent } from '../util/atomic-write.ts';
import type { Command } from './command.ts';
import type { BatchProgress } from './run-batch.ts';

/** What the supervising thread gives the thread that runs a command. */
export interface WorkerInput {
  command: Command;
  /** The user's standard error is a terminal. */
  stderrIsTerminal: boolean;
}

/**
 * What the thread running a command tells its supervisor, in order: text for the user, the stage
 * it entered (a batch: how far it has got), the browsers it started and ended and the temporary outputs it wrote (so that the
 * supervisor can end and remove them if it must stop the thread), and finally the exit status.
 */
export type WorkerMessage =
  | { kind: 'write'; stream: 'stdout' | 'stderr'; text: string }
  | { kind: 'stage'; stage: string }
  | { kind: 'progress'; progress: BatchProgress }
  | { kind: 'browser'; event: BrowserEvent }
  | { kind: 'output'; event: OutputEvent }
  | { kind: 'done'; code: number };
