import { toString } from 'mdast-util-to-string';
import type { CiteItem, CslItem } from './types.ts';
import { runCiteproc } from './engine.ts';
import { entryToPhrasing, htmlToPhrasing } from './html-phrasing.ts';
import { shippedStyleXml, type ShippedStyle } from './styles.ts';

/** Citations and bibliography entries as plain text, as a report shows them. */
export interface PlainBibliography {
  /** Each citation's text, in the order given (`[1-3]`, `(Smith, 2020)`). */
  citations: string[];
  /** Each bibliography entry's text in the style's order, its margin label first (`[1] 王小明. …`). */
  entries: string[];
}

/**
 * Format citations and a bibliography the way a build does (citeproc-js, the same item
 * preparation and HTML reading), as plain text, for tests and tools. `style` is a shipped
 * style's name or a style's XML; `lang` the report's language; `clusters` the citations in
 * document order, each a key (`[@key]`) or a list of cited items (`[@a, p. 3; @b]`), with
 * `inText` for `@key` in the running text.
 */
export function formatBibliography(items: readonly CslItem[], style: string, lang: string, clusters: readonly (string | readonly CiteItem[] | { inText: string })[]): PlainBibliography {
  const xml = style.trimStart().startsWith('<') ? style : shippedStyleXml(style as ShippedStyle);
  if (xml === undefined) throw new Error(`No shipped style ${style}`);
  const output = runCiteproc(
    items,
    clusters.map((cluster) => (typeof cluster === 'string' ? { items: [{ key: cluster }], mode: 'normal' } : 'inText' in cluster ? { items: [{ key: cluster.inText }], mode: 'in-text' } : { items: [...cluster], mode: 'normal' })),
    xml,
    lang,
  );
  if (!output.ok) throw new Error(output.reason);
  return {
    citations: output.clusters.map((html, index) => {
      const cluster = clusters[index];
      const inText = typeof cluster === 'object' && 'inText' in cluster;
      return toString({ type: 'paragraph', children: htmlToPhrasing(html, { dropSuperscript: inText && output.numeric }) });
    }),
    entries: output.bibliography.entries.map(({ html }) => {
      const entry = entryToPhrasing(html);
      const text = toString({ type: 'paragraph', children: entry.content });
      return entry.label === undefined ? text : `${entry.label} ${text}`;
    }),
  };
}
