/**
 * The made-up origin the print page is served from. `.invalid` is reserved (RFC 2606), so
 * nothing real can ever answer for it; every request is answered or refused by report-press.
 */
export const VIRTUAL_ORIGIN = 'https://report-press.invalid';

/** Folder of the virtual origin that stands for the document's own folder. */
export const DOCUMENT_PATH = '/document/';

/** URL of the print page itself. */
export const PAGE_URL = `${VIRTUAL_ORIGIN}${DOCUMENT_PATH}index.html`;

/** Folder, relative to the page, under which the template's font packages are served. */
export const FONTS_FOLDER = 'press-fonts/';

/**
 * Folder, relative to the page, under which the template's local font files (Debian-installed
 * or configured, named by absolute path) are served, each under the key the page was given.
 */
export const FONT_FILES_FOLDER = 'press-font-files/';

/** Whether a URL asks for a font: a file of a font package (`press-fonts/…`) or a local font file (`press-font-files/…`). */
export function isFontUrl(url: string): boolean {
  return url.startsWith(`${VIRTUAL_ORIGIN}${DOCUMENT_PATH}${FONTS_FOLDER}`) || url.startsWith(`${VIRTUAL_ORIGIN}${DOCUMENT_PATH}${FONT_FILES_FOLDER}`);
}

/** What a request made by the print page asks for. */
export type Route =
  | { kind: 'page' }
  | { kind: 'data' }
  /** A file of an npm font package: `press-fonts/<package>/<file>`. */
  | { kind: 'font'; packageName: string; file: string }
  /** A local font file of the template: `press-font-files/<key>`, looked up by its exact key. */
  | { kind: 'fontFile'; key: string }
  /** A file relative to the document's folder (decoded, still unchecked). */
  | { kind: 'file'; relative: string }
  | { kind: 'refused'; reason: string };

const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

/**
 * Classify a request URL made by the print page. Pure: it reads no file. Anything that is
 * not on the virtual origin (network URLs, `file:` URLs, other schemes) and anything outside
 * its document folder is refused; `data:` URLs are left to the browser.
 */
export function routeRequest(url: string): Route {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'refused', reason: 'not a valid URL' };
  }
  if (parsed.protocol === 'data:') return { kind: 'data' };
  if (parsed.origin !== VIRTUAL_ORIGIN) {
    const what = parsed.protocol === 'http:' || parsed.protocol === 'https:' ? 'a network URL' : `a ${parsed.protocol} URL`;
    return { kind: 'refused', reason: `${what} is never fetched` };
  }
  if (!parsed.pathname.startsWith(DOCUMENT_PATH)) return { kind: 'refused', reason: "outside the document's folder" };
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname.slice(DOCUMENT_PATH.length));
  } catch {
    return { kind: 'refused', reason: 'malformed percent-encoding' };
  }
  if (relative.includes('\0')) return { kind: 'refused', reason: 'a NUL character in the path' };
  if (relative === 'index.html') return { kind: 'page' };
  if (relative.startsWith(FONTS_FOLDER)) return fontRoute(relative.slice(FONTS_FOLDER.length));
  if (relative.startsWith(FONT_FILES_FOLDER)) return { kind: 'fontFile', key: relative.slice(FONT_FILES_FOLDER.length) };
  if (relative === '' || relative.endsWith('/')) return { kind: 'refused', reason: 'a folder, not a file' };
  return { kind: 'file', relative };
}

function fontRoute(rest: string): Route {
  const parts = rest.split('/');
  const scoped = parts[0]?.startsWith('@') === true;
  const nameParts = parts.slice(0, scoped ? 2 : 1);
  const packageName = nameParts.join('/');
  const file = parts.slice(nameParts.length).join('/');
  if (!PACKAGE_NAME.test(packageName)) return { kind: 'refused', reason: `"${packageName}" is not a package name` };
  if (file === '') return { kind: 'refused', reason: 'no file named inside the font package' };
  return { kind: 'font', packageName, file };
}
