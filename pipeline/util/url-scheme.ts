/**
 * The scheme of a URL as a browser, Word or any other reader following the WHATWG URL standard
 * sees it, in lower case, or undefined for a relative URL. That standard drops leading and
 * trailing control characters and spaces, and every tab and line break, before it reads the
 * scheme: `java&#9;script:` written in Markdown is a `javascript:` URL.
 */
export function urlScheme(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  return new URL(url).protocol.slice(0, -1).toLowerCase();
}
