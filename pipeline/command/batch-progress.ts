/**
 * The progress bar of a batch build on a terminal: reports done, pages printed and time left,
 * drawn by cli-progress on the supervisor's standard error. Text written while it shows goes
 * above it.
 */
import cliProgress from 'cli-progress';
import type { BatchProgress } from './run-batch.ts';

/** A progress bar that text can be written around. */
export interface ProgressBar {
  /** Show how far the batch has got (the first call draws the bar). */
  update: (progress: BatchProgress) => void;
  /** Write text above the bar. */
  write: (text: string) => void;
  /** Remove the bar; later text is written as usual. */
  stop: () => void;
}

/** A progress bar on `stream`, a terminal. */
export function progressBar(stream: NodeJS.WritableStream): ProgressBar {
  const bars = new cliProgress.MultiBar(
    {
      stream: stream as NodeJS.WritableStream & { isTTY: true },
      format: '{bar} {value}/{total} reports | {pages} pages | {eta_formatted} left',
      clearOnComplete: true,
      hideCursor: true,
      etaBuffer: 20,
      autopadding: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | undefined;
  let stopped = false;
  return {
    update: ({ total, done, pages }) => {
      if (stopped) return;
      if (bar === undefined) bar = bars.create(total, done, { pages });
      else bar.update(done, { pages });
    },
    write: (text) => {
      if (stopped || bar === undefined) stream.write(text);
      else {
        bars.log(text);
        // The log is kept until the next redraw: draw now, so that nothing is lost if the bar stops next.
        bars.update();
      }
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      bars.stop();
    },
  };
}
