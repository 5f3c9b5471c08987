import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Browser as BrowserKind, detectBrowserPlatform, getInstalledBrowsers } from '@puppeteer/browsers';

/**
 * Thrown when no Chromium or Chrome can be found. Its message is one line that says how to
 * install a browser or point report-press at one.
 */
export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
}

/** Where the browser was found, in the order the places are searched. */
export type BrowserSource = 'option' | 'PRESS_BROWSER' | 'PUPPETEER_EXECUTABLE_PATH' | 'puppeteer-cache' | 'system';

/** A browser executable and the place it was found. */
export interface FoundBrowser {
  executablePath: string;
  source: BrowserSource;
}

/** Where to look for a browser. Every field has a default; tests inject their own lists. */
export interface FindBrowserOptions {
  /**
   * An explicit executable (a path, or a bare name looked up on PATH); when given, here or in
   * the environment, it must work: a wrong setting is an error, not a reason to use another browser.
   */
  executablePath?: string;
  /** Environment to read PRESS_BROWSER, PUPPETEER_EXECUTABLE_PATH and PUPPETEER_CACHE_DIR from. */
  env?: NodeJS.ProcessEnv;
  /** Puppeteer's browser cache; `null` skips it. Default: PUPPETEER_CACHE_DIR or ~/.cache/puppeteer. */
  cacheDir?: string | null;
  /** System paths to try, in order. Default: {@link systemBrowserPaths} for this platform. */
  systemPaths?: readonly string[];
}

/** The one-line hint every "no browser" error ends with. */
export const INSTALL_HINT =
  'install Chromium (Debian/Ubuntu: apt-get install chromium) or set PRESS_BROWSER=/path/to/chrome';

/** Well-known install locations of Chromium and Chrome on a platform, most specific first. */
export function systemBrowserPaths(platform: NodeJS.Platform = process.platform): readonly string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      path.join(os.homedir(), 'Applications/Chromium.app/Contents/MacOS/Chromium'),
      path.join(os.homedir(), 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
    ];
  }
  if (platform === 'win32') {
    const roots = [process.env['PROGRAMFILES'], process.env['PROGRAMFILES(X86)'], process.env['LOCALAPPDATA']];
    return roots
      .filter((root): root is string => typeof root === 'string' && root !== '')
      .flatMap((root) => [path.join(root, 'Google/Chrome/Application/chrome.exe'), path.join(root, 'Chromium/Application/chrome.exe')]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/snap/bin/chromium',
    '/usr/local/bin/chromium',
  ];
}

/** Puppeteer's default browser cache folder (PUPPETEER_CACHE_DIR, else ~/.cache/puppeteer). */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['PUPPETEER_CACHE_DIR'];
  return fromEnv !== undefined && fromEnv !== '' ? path.resolve(fromEnv) : path.join(os.homedir(), '.cache', 'puppeteer');
}

/**
 * Find a Chromium or Chrome executable: an explicit setting (the option, then PRESS_BROWSER,
 * then PUPPETEER_EXECUTABLE_PATH), then Puppeteer's browser cache, then the system paths.
 * An explicit setting that is not an executable file is an error rather than a reason to
 * silently use another browser. Throws {@link BrowserNotFoundError} when nothing is found.
 */
export async function findBrowser(options: FindBrowserOptions = {}): Promise<FoundBrowser> {
  const env = options.env ?? process.env;
  const explicit: [BrowserSource, string | undefined][] = [
    ['option', options.executablePath],
    ['PRESS_BROWSER', env['PRESS_BROWSER']],
    ['PUPPETEER_EXECUTABLE_PATH', env['PUPPETEER_EXECUTABLE_PATH']],
  ];
  for (const [source, value] of explicit) {
    if (value === undefined || value === '') continue;
    const executablePath = await resolveCommand(value, env['PATH']);
    if (await isExecutableFile(executablePath)) return { executablePath, source };
    const setting = source === 'option' ? `browser ${executablePath}` : `${source}=${value} (${executablePath})`;
    throw new BrowserNotFoundError(`${setting} is not an executable file: fix the path, or ${INSTALL_HINT}`);
  }

  const cacheDir = options.cacheDir === undefined ? defaultCacheDir(env) : options.cacheDir;
  if (cacheDir !== null) {
    for (const candidate of await cachedBrowsers(cacheDir)) {
      if (await isExecutableFile(candidate)) return { executablePath: candidate, source: 'puppeteer-cache' };
    }
  }

  for (const candidate of options.systemPaths ?? systemBrowserPaths()) {
    if (await isExecutableFile(candidate)) return { executablePath: candidate, source: 'system' };
  }

  throw new BrowserNotFoundError(`No Chromium or Chrome found: ${INSTALL_HINT}`);
}

/** Browsers in Puppeteer's cache for this platform: Chrome, then Chromium, then headless shell, newest first. */
async function cachedBrowsers(cacheDir: string): Promise<string[]> {
  const preference: readonly BrowserKind[] = [BrowserKind.CHROME, BrowserKind.CHROMIUM, BrowserKind.CHROMEHEADLESSSHELL];
  const platform = detectBrowserPlatform();
  let installed: Awaited<ReturnType<typeof getInstalledBrowsers>>;
  try {
    installed = await getInstalledBrowsers({ cacheDir });
  } catch {
    return []; // an unreadable cache is the same as an empty one
  }
  const result: string[] = [];
  for (const kind of preference) {
    const ofKind = installed.filter((entry) => entry.browser === kind && entry.platform === platform);
    ofKind.sort((a, b) => compareBuildIds(b.buildId, a.buildId));
    result.push(...ofKind.map((entry) => entry.executablePath));
  }
  return result;
}

/** A path as given (made absolute), or for a bare name such as `chromium`, its place on PATH. */
async function resolveCommand(value: string, searchPath: string | undefined): Promise<string> {
  if (value.includes('/') || value.includes('\\') || searchPath === undefined) return path.resolve(value);
  for (const dir of searchPath.split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.resolve(dir, value);
    if (await isExecutableFile(candidate)) return candidate;
  }
  return path.resolve(value);
}

/**
 * Order build ids numerically part by part (`131.0.6778.85` after `120.0.6099.109`, Chromium
 * snapshot numbers as plain integers). Puppeteer's own comparator insists on three-part
 * semver and throws on Chrome's four-part versions.
 */
function compareBuildIds(a: string, b: string): number {
  const left = a.split(/\D+/).map(Number);
  const right = b.split(/\D+/).map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0 && !Number.isNaN(difference)) return difference;
  }
  return a.localeCompare(b);
}

async function isExecutableFile(file: string): Promise<boolean> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return false;
    await access(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
