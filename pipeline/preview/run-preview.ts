/**
 * `press preview <file.md>`: build the report at every change and show both editions live in a
 * local page. One process: the build runs here with one warm browser (`session.ts`), the files
 * it reads are watched (`watch-inputs.ts`), the page is served on 127.0.0.1 with a random
 * token (`server.ts`), and a lock (`lock.ts`) keeps a second preview of the same file from
 * starting. It prints one line, the page's address, and runs until SIGINT, SIGTERM or SIGHUP;
 * then it closes the server, the watcher and the browser (its whole process group, its profile
 * folder) and removes the lock.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { childProcesses } from '../command/child-processes.ts';
import { killBrowserProcess, profileDirOf } from '../browser/browser-processes.ts';
import { EXIT, SIGNAL_EXIT, type Command } from '../command/command.ts';
import { acquireLock } from './lock.ts';
import { summariseMessages } from '../util/message-summary.ts';
import { loadAssets } from './client-assets.ts';
import { openInEditor } from './editor-command.ts';
import { startPreviewServer, type PreviewServer } from './server.ts';
import { PreviewSession, type PreviewState } from './session.ts';
import { InputWatcher } from './watch-inputs.ts';

/** Where the preview's text goes. */
export interface PreviewIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

type Signal = keyof typeof SIGNAL_EXIT;

/** Run `press preview` until a signal stops it; resolves to the exit status. */
export async function runPreview(command: Command, io: PreviewIo): Promise<number> {
  const settings = command.preview ?? { port: 0, open: false, edit: false, editor: undefined };
  const input = command.input;
  const say = (text: string) => io.stderr.write(`press: ${text}\n`);
  const taken = await acquireLock(input);
  if ('heldBy' in taken) {
    const where = taken.heldBy.url === '' ? `process ${taken.heldBy.pid}` : `${taken.heldBy.url} (process ${taken.heldBy.pid})`;
    say(`${input} is already being previewed at ${where}; stop that one first (Ctrl-C in its terminal)`);
    return EXIT.inputError;
  }
  const { lock } = taken;
  const releaseAtExit = () => lock.releaseNow();
  process.on('exit', releaseAtExit);
  let server: PreviewServer | undefined;
  let watcher: InputWatcher | undefined;
  let session: PreviewSession | undefined;
  let stopped: (signal: Signal) => void = () => undefined;
  const stop = new Promise<Signal>((resolve) => (stopped = resolve));
  const onSignal = (signal: Signal) => stopped(signal);
  for (const signal of Object.keys(SIGNAL_EXIT) as Signal[]) process.on(signal, onSignal);
  try {
    const assets = await loadAssets();
    const token = randomBytes(24).toString('base64url');
    let lastMessages = '';
    session = new PreviewSession({
      input,
      ...(command.browserPath ? { browserPath: command.browserPath } : {}),
      onChange: (state) => server?.broadcast(state),
      onReads: (files, templateDir) => watcher?.setFiles(files, templateDir),
      onBuilt: (state, milliseconds) => {
        if (command.quiet) return;
        const lines = messageLines(state, input);
        if (lines !== lastMessages && lines !== '') io.stderr.write(lines);
        lastMessages = lines;
        say(state.failure ? `build failed: ${state.failure}` : state.ok ? `built in ${(milliseconds / 1000).toFixed(2)} s` : 'not built: fix the errors above (the last good preview stays)');
      },
    });
    try {
      server = await startPreviewServer(
        {
          source: input,
          session,
          assets,
          token,
          edit: settings.edit,
          ...(settings.editor !== undefined ? { openInEditor: (file: string, line: number, column: number) => openInEditor(settings.editor ?? '', file, line, column) } : {}),
        },
        settings.port,
      );
    } catch (failure) {
      const code = (failure as NodeJS.ErrnoException).code;
      say(code === 'EADDRINUSE' ? `port ${settings.port} is in use on 127.0.0.1; choose another with --port, or leave it out for any free port` : `the preview server could not start: ${failure instanceof Error ? failure.message : String(failure)}`);
      return EXIT.inputError;
    }
    await lock.publish(`http://127.0.0.1:${server.port}/`);
    watcher = new InputWatcher(input, () => session?.changed());
    await watcher.whenReady();
    session.start();
    io.stdout.write(`${server.url}\n`);
    if (settings.open) openBrowser(server.url);
    const signal = await stop;
    return SIGNAL_EXIT[signal];
  } finally {
    for (const signal of Object.keys(SIGNAL_EXIT) as Signal[]) process.off(signal, onSignal);
    await watcher?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    await session?.close().catch(() => undefined);
    // Backstop: any browser of ours still running (never an editor `--editor` opened: it is the user's).
    await endBrowserChildren();
    await lock.release();
    process.off('exit', releaseAtExit);
  }
}

/**
 * End the browsers this process started that are still running, with their process groups and
 * profiles, and wait (a few seconds at most) until they are gone: the preview exits with nothing
 * of its browser left.
 */
async function endBrowserChildren(): Promise<void> {
  const browsers = (await childProcesses()).flatMap((child) => {
    const profileDir = profileDirOf(child.args);
    return profileDir === undefined ? [] : [{ pid: child.pid, profileDir }];
  });
  await Promise.all(browsers.map((browser) => killBrowserProcess(browser)));
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline && (await childProcesses()).some((child) => browsers.some((browser) => browser.pid === child.pid))) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The build's messages as a build prints them (many warnings summarised: the page lists each one). */
function messageLines(state: PreviewState, input: string): string {
  const lines = state.messages.map((message) => `${message.file}:${message.line}:${message.column}: ${message.severity}: ${message.text}${message.rule ? ` [${message.rule}]` : ''}`);
  return summariseMessages(lines, input).map((line) => `${line}\n`).join('');
}

/** `--open`: the page in the user's browser (xdg-open, open, start); a failure is only said. */
function openBrowser(url: string): void {
  const [program, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(program, args, { detached: true, stdio: 'ignore' });
  child.once('error', () => process.stderr.write(`press: could not open a browser (${path.basename(program)}); open ${url} yourself\n`));
  child.once('spawn', () => child.unref());
}
