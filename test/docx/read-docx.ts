import { strFromU8, unzipSync } from 'fflate';
import { decodeXml } from '../helpers/xml.ts';

/** A rendered .docx read back: every part's bytes, and the XML parts as text. */
export interface DocxPackage {
  files: Record<string, Uint8Array>;
  xml: (name: string) => string;
}

/** Unzip a .docx; `xml(name)` throws for a missing part so assertions say which. */
export function readDocx(bytes: Uint8Array): DocxPackage {
  const files = unzipSync(bytes);
  return {
    files,
    xml: (name) => {
      const data = files[name];
      if (data === undefined) throw new Error(`no part ${name} in the package (parts: ${Object.keys(files).join(', ')})`);
      return strFromU8(data);
    },
  };
}

/** The text of a WordprocessingML part: every `w:t`, a newline per paragraph and break, a tab per tab. */
export function partText(xml: string): string {
  let text = '';
  for (const match of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(br|tab|p)\b[^>]*\/?>/g)) {
    text += match[1] !== undefined ? decodeXml(match[1]) : match[2] === 'tab' ? '\t' : '\n';
  }
  return text;
}

/** Every `<w:p>…</w:p>` of a part (paragraphs do not nest in the parts these tests read). */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p\b(?:\s[^>]*)?>.*?<\/w:p>|<w:p\b(?:\s[^>]*)?\/>/gs)].map((match) => match[0]);
}

/** The `w:pStyle` of a paragraph's XML, if any. */
export function paragraphStyle(paragraph: string): string | undefined {
  return /<w:pStyle w:val="([^"]+)"\/>/.exec(paragraph)?.[1];
}

/** The `w:style` element with a style id, from styles.xml. */
export function styleXml(styles: string, id: string): string {
  const match = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, 's').exec(styles);
  if (!match) throw new Error(`no style ${id} in styles.xml`);
  return match[0];
}

/**
 * Indent XML one element per line, an element holding only text on one line: readable diffs
 * for golden files.
 */
export function prettyXml(xml: string): string {
  const tokens = xml.replace(/^<\?xml[^>]*\?>/, '').match(/<[^>]+>|[^<]+/g) ?? [];
  const lines: string[] = [];
  let depth = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] ?? '';
    const indent = '  '.repeat(depth);
    if (token.startsWith('</')) {
      depth = Math.max(0, depth - 1);
      lines.push('  '.repeat(depth) + token);
    } else if (token.startsWith('<') && !token.endsWith('/>') && !token.startsWith('<?') && !token.startsWith('<!')) {
      const text = tokens[index + 1];
      const close = tokens[index + 2];
      if (text !== undefined && !text.startsWith('<') && close?.startsWith('</')) {
        lines.push(indent + token + text + close);
        index += 2;
      } else {
        lines.push(indent + token);
        depth++;
      }
    } else if (token.startsWith('<')) {
      lines.push(indent + token);
    } else if (token.trim() !== '') {
      lines.push(indent + token);
    }
  }
  return `${lines.join('\n')}\n`;
}
