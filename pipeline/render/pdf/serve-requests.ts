import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { HTTPRequest } from 'puppeteer-core';
import { findPackageDir, resolveInside } from './local-files.ts';
import { routeRequest } from './virtual-origin.ts';
import { IMAGE_TYPES } from '../../util/content-types.ts';

/** How one request of the print page was answered. */
export type RequestOutcome = 'page' | 'font' | 'file' | 'data' | 'missing' | 'refused';

/** One request of the print page, as logged for diagnostics and tests. */
export interface RequestLogEntry {
  url: string;
  outcome: RequestOutcome;
  /** Why a request was refused or not found. */
  reason?: string;
  /** The local file answered (outcome `file`), or looked for and not found (`missing`), absolute. */
  file?: string;
}

/** What the print page may load. */
export interface ServeOptions {
  /** The page itself. */
  html: string;
  /** The document's folder: relative URLs are answered from here, never from outside it. */
  baseDir: string;
  /** npm packages whose font files may be served under `press-fonts/<package>/`. */
  fontPackages: ReadonlySet<string>;
  /**
   * Local font files the page may load, by key: `press-font-files/<key>` is answered with the
   * file at that absolute path. Only these exact keys; nothing else on the disk.
   */
  fontFiles?: ReadonlyMap<string, string>;
  /** Reads a local font file for the page (default: the file as it is; the PDF renderer subsets it). */
  loadFontFile?: (file: string) => Promise<Buffer>;
  /**
   * Reads a font file (not a stylesheet) of a font package for the page, as TrueType (default:
   * the file as it is; the PDF renderer cuts and renames it: `print-font-files.ts`).
   */
  loadPackageFont?: (packageName: string, file: string) => Promise<Buffer>;
  /** Called once per request with its outcome. */
  onRequest?: (entry: RequestLogEntry) => void;
}

/** File types the font route serves: stylesheets and font files, nothing else of a package. */
const FONT_TYPES: Readonly<Record<string, string>> = {
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

const FILE_TYPES: Readonly<Record<string, string>> = { ...FONT_TYPES, ...IMAGE_TYPES };

/**
 * Scripts never run in the print page; everything else is already confined by request
 * interception, this header is the second lock.
 */
const PAGE_POLICY = "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * Make the request-interception handler of one print page: the page URL gets `html`,
 * `press-fonts/<package>/<file>` gets a CSS or font file of an allowed font package,
 * `press-font-files/<key>` a local font file listed in `fontFiles`, other
 * relative URLs get files inside `baseDir`, `data:` URLs are left to the browser, and
 * everything else is aborted. The handler never throws.
 */
export function createRequestHandler(options: ServeOptions): (request: HTTPRequest) => Promise<void> {
  const log = (url: string, outcome: RequestOutcome, reason?: string, file?: string): void => {
    options.onRequest?.({ url, outcome, ...(reason !== undefined ? { reason } : {}), ...(file !== undefined ? { file } : {}) });
  };
  return async (request) => {
    const url = request.url();
    try {
      const route = routeRequest(url);
      switch (route.kind) {
        case 'data':
          log(url.slice(0, 64), 'data');
          await request.continue();
          return;
        case 'page':
          log(url, 'page');
          await request.respond({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            headers: { 'Content-Security-Policy': PAGE_POLICY },
            body: Buffer.from(options.html, 'utf8'),
          });
          return;
        case 'refused':
          log(url, 'refused', route.reason);
          await request.abort('blockedbyclient');
          return;
        case 'font': {
          if (!options.fontPackages.has(route.packageName)) {
            log(url, 'refused', `${route.packageName} is not one of the template's font packages`);
            await request.abort('blockedbyclient');
            return;
          }
          const type = FONT_TYPES[path.extname(route.file).toLowerCase()];
          if (type === undefined) {
            log(url, 'refused', 'only stylesheets and font files are served from font packages');
            await request.abort('blockedbyclient');
            return;
          }
          const dir = await findPackageDir(route.packageName);
          if (dir === undefined) {
            log(url, 'missing', `font package ${route.packageName} is not installed`);
            await request.respond({ status: 404, contentType: 'text/plain', body: 'not installed' });
            return;
          }
          const load = options.loadPackageFont;
          const packageName = route.packageName;
          await answerFile(request, dir, route.file, type, 'font', log, type === FONT_TYPES['.css'] || !load ? undefined : { type: FONT_TYPES['.ttf'] ?? type, read: (file) => load(packageName, file) });
          return;
        }
        case 'fontFile': {
          const file = options.fontFiles?.get(route.key);
          // The key names the served form (a subset is TrueType whatever the file it was cut from).
          const type = file === undefined ? undefined : FONT_TYPES[path.extname(route.key).toLowerCase()] ?? (route.key.toLowerCase().endsWith('.ttc') ? 'font/collection' : undefined);
          if (file === undefined || type === undefined) {
            log(url, 'refused', `${route.key} is not one of the template's font files`);
            await request.abort('blockedbyclient');
            return;
          }
          let body: Buffer;
          try {
            body = await (options.loadFontFile ?? readFile)(file);
          } catch (failure) {
            log(url, 'missing', `font file ${file} cannot be read${failure instanceof Error ? ` (${failure.message.split('\n')[0]})` : ''}`);
            await request.respond({ status: 404, contentType: 'text/plain', body: 'not found' });
            return;
          }
          log(url, 'font');
          await request.respond({ status: 200, contentType: type, body });
          return;
        }
        case 'file': {
          const type = FILE_TYPES[path.extname(route.relative).toLowerCase()] ?? 'application/octet-stream';
          await answerFile(request, options.baseDir, route.relative, type, 'file', log);
          return;
        }
      }
    } catch (error) {
      // The page may have closed while a file was being read; nothing is left to answer.
      log(url, 'refused', `handler failed: ${error instanceof Error ? error.message : String(error)}`);
      await request.abort('failed').catch(() => undefined);
    }
  };
}

async function answerFile(
  request: HTTPRequest,
  root: string,
  relative: string,
  contentType: string,
  outcome: 'font' | 'file',
  log: (url: string, outcome: RequestOutcome, reason?: string, file?: string) => void,
  /** Answer with these bytes of the file instead of the file itself, as this type. */
  transform?: { type: string; read: (file: string) => Promise<Buffer> },
): Promise<void> {
  const url = request.url();
  const lookup = await resolveInside(root, relative);
  if (!lookup.ok) {
    if (lookup.missing) {
      log(url, 'missing', lookup.reason, outcome === 'file' ? path.resolve(root, relative) : undefined);
      await request.respond({ status: 404, contentType: 'text/plain', body: 'not found' });
    } else {
      log(url, 'refused', lookup.reason);
      await request.abort('accessdenied');
    }
    return;
  }
  let body: Buffer;
  try {
    body = await (transform ? transform.read(lookup.file) : readFile(lookup.file));
  } catch (failure) {
    if (!transform) throw failure;
    log(url, 'missing', `font file ${lookup.file} cannot be read${failure instanceof Error ? ` (${failure.message.split('\n')[0]})` : ''}`);
    await request.respond({ status: 404, contentType: 'text/plain', body: 'not found' });
    return;
  }
  log(url, outcome, undefined, outcome === 'file' ? lookup.file : undefined);
  await request.respond({ status: 200, contentType: transform?.type ?? contentType, body });
}
