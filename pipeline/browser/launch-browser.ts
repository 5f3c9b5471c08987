import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { findBrowser, type FindBrowserOptions } from './find-browser.ts';
import { browserEnded, browserStarted, profileDirOf } from './browser-processes.ts';
import { watchLaunch } from './launch-watch.ts';

/**
 * Flags that keep Chromium off the network and its output steady: no background services,
 * component updates, sync or QUIC probes; no GPU. `--font-render-hinting=none` asks for
 * unhinted glyph metrics whatever the machine's fontconfig says; with Chromium 156 here the
 * PDF was byte-identical with and without it, so it is a guard, not a measured fix.
 */
export const OFFLINE_ARGS: readonly string[] = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-gpu',
  '--font-render-hinting=none',
];

/**
 * Chromium features that start processes a build never uses, turned off (Puppeteer merges them
 * with its own `--disable-features`). Measured with `/proc` during builds and in a browser left
 * open for five minutes (`test/robustness/browser-helpers.test.ts`):
 *
 * - `SpareRendererForSitePerProcess`: a renderer kept warm for the next navigation, which a
 *   build never makes (it opens its own pages): the sample's build started six renderers, four
 *   without it.
 * - `OptimizationGuideOnDeviceModel` and `LogOnDeviceMetricsOnStartup`: the two features that
 *   let Chromium launch its on-device AI model service (`CanLaunchOnDeviceModelService` in
 *   Chromium's optimization guide). Turning them off did not stop Chromium 156 from launching
 *   it three minutes after start, to rate the machine; {@link NO_ON_DEVICE_MODEL_ARGS} does.
 */
export const UNNEEDED_FEATURES: readonly string[] = ['SpareRendererForSitePerProcess', 'OptimizationGuideOnDeviceModel', 'LogOnDeviceMetricsOnStartup'];

/**
 * Three minutes after it starts, Chromium launches `on_device_model.mojom.OnDeviceModelService`
 * to benchmark the machine for on-device AI models (its "performance class"), unless a class is
 * given on the command line: 9 is "the model library failed to load", so no model is ever used
 * or rated. Measured: a browser left open five minutes had the service at 175 s without this
 * switch, and none with it. Long builds, batches and a preview server keep their browser that long.
 */
export const NO_ON_DEVICE_MODEL_ARGS: readonly string[] = ['--optimization-guide-performance-class=9'];

/** How to launch the browser: where to find it, plus a few launch settings. */
export interface LaunchBrowserOptions extends FindBrowserOptions {
  /** More command-line flags, added after the defaults. */
  extraArgs?: readonly string[];
  /** How long to wait for the browser to start (ms). Default 30 000. */
  launchTimeoutMs?: number;
  /** How long one DevTools call may take, e.g. printing a long document (ms). Default 600 000. */
  protocolTimeoutMs?: number;
}

/** The command-line flags report-press launches Chromium with (`--no-sandbox` only when root). */
export function browserArgs(isRoot: boolean = isRunningAsRoot(), extraArgs: readonly string[] = []): string[] {
  return [...(isRoot ? ['--no-sandbox'] : []), ...OFFLINE_ARGS, `--disable-features=${UNNEEDED_FEATURES.join(',')}`, ...NO_ON_DEVICE_MODEL_ARGS, ...extraArgs];
}

/** Prefix of the temporary profile folders report-press gives its browsers (Puppeteer's own, in the system's temporary folder). */
export const PROFILE_PREFIX = 'puppeteer_dev_chrome_profile-';

/**
 * Find and launch a headless Chromium over a pipe (no debugging port is opened), with a fresh
 * temporary profile folder that {@link closeBrowser} removes, as it is removed here if the
 * launch fails (the browser may die while it starts). The browser is recorded as running
 * (`browser-processes.ts`) until {@link closeBrowser} ends it, so that a supervisor can end it
 * if the build is stopped. The caller owns the browser and must close it; prefer {@link withBrowser}.
 */
export async function launchBrowser(options: LaunchBrowserOptions = {}): Promise<Browser> {
  const { executablePath } = await findBrowser(options);
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), PROFILE_PREFIX));
  const timeoutMs = options.launchTimeoutMs ?? 30_000;
  const watch = watchLaunch(userDataDir, timeoutMs);
  let browser: Browser;
  try {
    const launching = puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true,
      userDataDir,
      args: browserArgs(isRunningAsRoot(), options.extraArgs),
      timeout: timeoutMs,
      protocolTimeout: options.protocolTimeoutMs ?? 600_000,
      defaultViewport: null,
      // The owner of the browser stops it (closeBrowser, the supervisor, `press preview`'s own
      // signal handling): Puppeteer's handlers would kill it and exit the process on SIGINT,
      // before the owner removes its profile folder and lock.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    // A launch given up on below may still succeed later: that browser is closed at once.
    launching.catch(() => undefined);
    browser = await Promise.race([launching, watch.failed.catch(async (failure: unknown) => {
      void launching.then((late) => closeBrowser(late), () => undefined);
      throw failure;
    })]);
  } catch (failure) {
    const pid = watch.pid();
    if (pid !== undefined) killGroup(pid);
    await removeProfile(userDataDir);
    throw failure;
  } finally {
    watch.stop();
  }
  const child = browser.process();
  if (child?.pid !== undefined) {
    const profileDir = profileDirOf(child.spawnargs);
    browserStarted(profileDir === undefined ? { pid: child.pid } : { pid: child.pid, profileDir });
  }
  return browser;
}

/**
 * Close a browser, and kill its process if a polite close fails or takes longer than
 * `timeoutMs`. Then end what is left of its process group (renderer, GPU and utility
 * processes that outlive the main process for a moment), so that nothing of the browser keeps
 * running after this resolves, and remove its temporary profile folder. Never throws: it runs
 * in `finally` blocks, where it must not hide the first error.
 */
export async function closeBrowser(browser: Browser, timeoutMs = 10_000): Promise<void> {
  const child = browser.process();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      browser.close(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('browser close timed out')), timeoutMs);
      }),
    ]);
  } catch {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  } finally {
    if (timer) clearTimeout(timer);
  }
  if (child?.pid !== undefined) killGroup(child.pid);
  const profileDir = child ? profileDirOf(child.spawnargs) : undefined;
  if (profileDir !== undefined) await removeProfile(profileDir);
  if (child?.pid !== undefined) browserEnded(child.pid);
}

/** Kill a browser's whole process group: Puppeteer starts the browser as its leader (not on Windows). */
function killGroup(pid: number): void {
  if (process.platform === 'win32') return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is already empty
  }
}

/** Remove a temporary profile folder made by {@link launchBrowser}; any other folder is left alone. */
async function removeProfile(dir: string): Promise<void> {
  if (path.dirname(dir) !== path.resolve(os.tmpdir()) || !path.basename(dir).startsWith(PROFILE_PREFIX)) return;
  // The browser's last processes may still be writing into it for a moment: retry briefly.
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
}

/**
 * Launch a browser, run `fn` with it, and close the browser on every path: when `fn`
 * resolves and when it throws (a launch that fails half-way is cleaned up by Puppeteer).
 * One call per build (or per batch of documents); each document then gets its own
 * browser context.
 */
export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>, options: LaunchBrowserOptions = {}): Promise<T> {
  const browser = await launchBrowser(options);
  try {
    return await fn(browser);
  } finally {
    await closeBrowser(browser);
  }
}

function isRunningAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}
