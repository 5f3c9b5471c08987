import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';
import { strFromU8, unzipSync } from 'fflate';
import { wordText } from './read-back.ts';
import { decodeXml } from './xml.ts';

/** What a reader of the HTML page gets: its text, and the descriptions of its images. */
export interface HtmlReading {
  /** The title block, the main content (notes included) and the publication footer, as `innerText` would give them. */
  text: string;
  /** `alt` of every image in the title block and the main content, in order. */
  alts: string[];
}

function hasClass(element: Element, name: string): boolean {
  const classes = element.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}

/**
 * Read an HTML page as its reader does, leaving out what the page adds around the content: the
 * skip link and the navigation (which repeats every heading). The page is parsed
 * with the HTML parser every browser uses the algorithm of (parse5), not with a regex.
 */
export function htmlReading(html: string): HtmlReading {
  const tree = fromHtml(html);
  const parts: Element[] = [];
  visit(tree, 'element', (element) => {
    if ((element.tagName === 'header' && hasClass(element, 'title-block')) || element.tagName === 'main' || (element.tagName === 'footer' && hasClass(element, 'publication'))) {
      parts.push(element);
      return 'skip';
    }
    return undefined;
  });
  const alts: string[] = [];
  for (const part of parts) {
    visit(part, 'element', (element) => {
      if (element.tagName === 'img') alts.push(String(element.properties.alt ?? ''));
    });
  }
  return { text: parts.map((part) => toText(part)).join('\n'), alts };
}

/** What a reader of the Word file gets: body text, footnote text, image descriptions. */
export interface DocxReading {
  /** `word/document.xml` as text, without the contents field (which repeats every heading). */
  body: string;
  /** `word/footnotes.xml` as text. */
  footnotes: string;
  /** `descr` of every picture (`wp:docPr`), in order. */
  descriptions: string[];
  /** Every part of the package, by name, for further checks. */
  parts: Record<string, Uint8Array>;
}

/** Unzip a .docx (throws when it is not a zip) and read it as {@link DocxReading}. */
export function docxReading(bytes: Uint8Array): DocxReading {
  const parts = unzipSync(bytes);
  const part = (name: string) => {
    const data = parts[name];
    return data === undefined ? '' : strFromU8(data);
  };
  const document = part('word/document.xml');
  const withoutContents = document.replace(/<w:sdt\b[\s\S]*?<\/w:sdt>/g, '');
  const descriptions = [...document.matchAll(/<wp:docPr\b[^>]*?\bdescr="([^"]*)"/g)].map((match) => decodeXml(match[1] ?? ''));
  return { body: wordText(withoutContents), footnotes: wordText(part('word/footnotes.xml')), descriptions, parts };
}
