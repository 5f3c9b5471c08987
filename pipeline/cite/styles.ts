import { readFileSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { PendingMessage } from '../util/messages.ts';
import { readRegularFile } from '../util/read-regular-file.ts';
import { isInside } from '../render/pdf/local-files.ts';
import { closestWord } from '../util/did-you-mean.ts';
import { PROJECT_ROOT } from '../util/project-root.ts';

const require = createRequire(import.meta.url);

/** The citation styles report-press ships, by name: GB/T 7714-2015 (numeric and author-date, written by the project) and APA. */
export const SHIPPED_STYLES = ['gb-t-7714-2015-numeric', 'gb-t-7714-2015-author-date', 'apa'] as const;

/** A style report-press ships. */
export type ShippedStyle = (typeof SHIPPED_STYLES)[number];

/** The style a template uses when front matter names none: GB/T 7714 numeric for `gov-report` and `gongwen`, APA otherwise. */
export function defaultStyleName(template: string): ShippedStyle {
  return template === 'gov-report' || template === 'gongwen' ? 'gb-t-7714-2015-numeric' : 'apa';
}

/** The CSL namespace every style's root element is in. */
const CSL_NAMESPACE = 'http://purl.org/net/xbiblio/csl';

/** A style ready for citeproc: its XML, and the file it was read from when it is the document's own. */
export type LoadedStyle = { ok: true; xml: string; name: string; file?: { path: string; bytes: Uint8Array; shown: string } } | { ok: false; problem: PendingMessage; read?: string };

/**
 * The CSL style front matter names (`csl:`), or the template's default: a shipped style by name,
 * or a `.csl` file inside the document's folder. An unknown name is `csl-unknown` at its
 * front-matter place (with a did-you-mean); a file that is missing or outside the folder, or
 * whose XML is not a CSL style, is `csl-invalid` (in the file, at the place of its first XML error).
 */
export async function loadStyle(written: { value: string; place: { line: number; column: number } } | undefined, template: string, baseDir: string, sourcePath: string | undefined): Promise<LoadedStyle> {
  const name = written?.value ?? defaultStyleName(template);
  const place = written?.place;
  if (!name.toLowerCase().endsWith('.csl')) {
    if (!(SHIPPED_STYLES as readonly string[]).includes(name)) {
      return { ok: false, problem: { rule: 'csl-unknown', place, args: { name, suggestion: closestWord(name, SHIPPED_STYLES), known: SHIPPED_STYLES } } };
    }
    const xml = shippedStyleXml(name as ShippedStyle);
    if (xml === undefined) return { ok: false, problem: { rule: 'csl-invalid', place, args: { file: name, detail: 'the style is not installed', kind: 'missing' } } };
    return { ok: true, xml, name };
  }
  const root = await realpath(baseDir).catch(() => baseDir);
  const candidate = path.resolve(root, name);
  const real = path.isAbsolute(name) || !isInside(root, candidate) ? undefined : await realpath(candidate).catch(() => null);
  if (real === undefined || (real !== null && !isInside(root, real))) return { ok: false, problem: { rule: 'csl-invalid', place, args: { file: name, detail: undefined, kind: 'outside' } } };
  let bytes: Uint8Array;
  try {
    if (real === null) throw new Error('absent');
    bytes = await readRegularFile(real);
  } catch {
    return { ok: false, problem: { rule: 'csl-invalid', place, args: { file: name, detail: undefined, kind: 'missing' } }, read: candidate };
  }
  const shown = sourcePath === undefined ? name : path.join(path.dirname(sourcePath), name);
  const xml = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  const problem = styleProblem(xml);
  const file = { path: candidate, bytes, shown };
  if (problem) return { ok: false, problem: { rule: 'csl-invalid', place: { line: problem.line, column: problem.column, path: shown }, args: { file: name, detail: problem.detail, kind: 'syntax' } }, read: candidate };
  return { ok: true, xml, name, file };
}

/** A shipped style's XML (undefined when its file is not there): APA from plugin-csl's bundle, the others from `styles/<name>.csl`. */
export function shippedStyleXml(name: ShippedStyle): string | undefined {
  if (name === 'apa') return (require('@citation-js/plugin-csl/lib/styles.json') as Record<string, string>).apa;
  try {
    // From the project's folder: the command line runs a bundle that lives elsewhere.
    return readFileSync(path.join(PROJECT_ROOT, 'pipeline', 'cite', 'styles', `${name}.csl`), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The first reason an XML text is no CSL style, with its place: not well-formed (xmldom's
 * error and position), a root other than CSL's `<style>`, or no `<citation>` with a `<layout>`.
 */
export function styleProblem(xml: string): { line: number; column: number; detail: string } | undefined {
  let first: { line: number; column: number; detail: string } | undefined;
  const parser = new DOMParser({
    onError: (level, message, context) => {
      if (level === 'warning' || first !== undefined) return;
      const locator = (context as { locator?: { lineNumber?: number; columnNumber?: number } } | undefined)?.locator;
      first = { line: locator?.lineNumber ?? 1, column: locator?.columnNumber ?? 1, detail: message };
    },
  });
  let root: ReturnType<DOMParser['parseFromString']>['documentElement'] | undefined;
  try {
    root = parser.parseFromString(xml, 'text/xml').documentElement;
  } catch (error) {
    const locator = (error as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    return first ?? { line: locator?.lineNumber ?? 1, column: locator?.columnNumber ?? 1, detail: error instanceof Error ? error.message : String(error) };
  }
  if (first) return first;
  if (!root || root.localName !== 'style' || root.namespaceURI !== CSL_NAMESPACE) return { line: 1, column: 1, detail: `the root element is not <style xmlns="${CSL_NAMESPACE}">` };
  const citation = root.getElementsByTagNameNS(CSL_NAMESPACE, 'citation')[0];
  if (!citation || citation.getElementsByTagNameNS(CSL_NAMESPACE, 'layout').length === 0) return { line: 1, column: 1, detail: 'the style has no <citation> with a <layout>' };
  return undefined;
}
