import { ProtocolError, type Browser, type BrowserContext, type CDPSession } from 'puppeteer-core';

/**
 * The browser stopped under a build: its process exited or was killed, its connection was lost,
 * or one of its pages crashed. The message says which, in a few words.
 */
export class BrowserStoppedError extends Error {
  override name = 'BrowserStoppedError';
}

/** How long a failed DevTools call waits for the crash or disconnection that may explain it (ms). */
const SETTLE_MS = 250;

/**
 * Run `work` with a running browser, and turn the browser's death into a
 * {@link BrowserStoppedError} as soon as it happens: when the browser disconnects (its process
 * exited or was killed) or any of its pages crashes (`Target.targetCrashed`, for example a
 * renderer killed by the system). A crashed page alone would otherwise leave a pending print
 * waiting until its protocol timeout. Other failures of `work` are passed on unchanged.
 * With `context` (a browser shared by several prints), only a crash of a page in that context
 * stops `work`: the others' prints go on.
 */
export async function untilBrowserStops<T>(browser: Browser, work: () => Promise<T>, context?: BrowserContext): Promise<T> {
  let reason: string | undefined;
  let rejectStopped: (failure: Error) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => {
    rejectStopped = reject;
  });
  stopped.catch(() => undefined);
  const stop = (why: string) => {
    if (reason !== undefined) return;
    reason = why;
    rejectStopped(new BrowserStoppedError(why));
  };
  const onDisconnected = () => void exitDescription(browser).then(stop);
  browser.on('disconnected', onDisconnected);
  let session: CDPSession | undefined;
  try {
    session = await browser.target().createCDPSession();
    // Which browser context each page belongs to, learnt as targets are discovered.
    const contextOf = new Map<string, string | undefined>();
    session.on('Target.targetCreated', (event) => contextOf.set(event.targetInfo.targetId, event.targetInfo.browserContextId));
    session.on('Target.targetInfoChanged', (event) => contextOf.set(event.targetInfo.targetId, event.targetInfo.browserContextId));
    session.on('Target.targetCrashed', (event) => {
      if (context === undefined || contextOf.get(event.targetId) === context.id) stop(`a page of it crashed (${event.status})`);
    });
    await session.send('Target.setDiscoverTargets', { discover: true });
  } catch {
    if (!browser.connected) stop(await exitDescription(browser));
  }
  try {
    const running = work();
    running.catch(() => undefined);
    return await Promise.race([running, stopped]);
  } catch (failure) {
    if (failure instanceof BrowserStoppedError) throw failure;
    // A DevTools call may fail ("Target closed", "Printing failed"), and a navigation be aborted
    // (`net::ERR_ABORTED`, its renderer killed while the page loads), a moment before the event
    // that explains it.
    if (reason === undefined && (failure instanceof ProtocolError || (failure instanceof Error && failure.message.startsWith('net::ERR_')))) await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    if (reason === undefined && !browser.connected) reason = await exitDescription(browser);
    if (reason !== undefined) throw new BrowserStoppedError(reason);
    throw failure;
  } finally {
    browser.off('disconnected', onDisconnected);
    await session?.detach().catch(() => undefined);
  }
}

/**
 * Why a browser is gone, from its process's exit status (waited for a moment: the connection
 * usually breaks just before the process is reported as ended).
 */
export async function exitDescription(browser: Browser): Promise<string> {
  const child = browser.process();
  if (child && child.exitCode === null && child.signalCode === null) {
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, SETTLE_MS * 2);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(undefined);
      });
    });
  }
  if (child?.signalCode) return `its process was killed by ${child.signalCode}`;
  if (child?.exitCode !== null && child?.exitCode !== undefined) return `its process exited with status ${child.exitCode}`;
  return 'the connection to it was lost';
}
