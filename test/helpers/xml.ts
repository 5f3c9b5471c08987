/**
 * A strict well-formedness check for the XML parts report-press writes (no XML parser is a
 * dependency of the project): one root element, every tag closed in order, attributes quoted
 * and unique, only the five predefined entities and character references, no stray `<` or `&`.
 * DTDs are refused (WordprocessingML parts have none).
 */

const NAME = '[A-Za-z_][A-Za-z0-9_.:-]*';
const ATTRIBUTE = new RegExp(`\\s+(${NAME})\\s*=\\s*("[^"<]*"|'[^'<]*')`, 'y');
const REFERENCE = /&(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/y;

/** Characters XML 1.0 forbids anywhere, even as a character reference (Word refuses the file). */
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function isXmlCharacter(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** Problems that make `xml` not well formed; empty when it is. */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const bad = NOT_XML_CHARACTER.exec(xml);
  if (bad) problems.push(`character U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML (at ${bad.index})`);
  for (const match of xml.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const value = match[1] ?? '';
    const code = value.startsWith('x') ? parseInt(value.slice(1), 16) : parseInt(value, 10);
    if (!isXmlCharacter(code)) problems.push(`character reference ${match[0]} is not an XML character (at ${match.index})`);
  }
  const open: string[] = [];
  let roots = 0;
  let at = 0;
  const text = (end: number) => {
    for (let index = at; index < end; index++) {
      const character = xml[index];
      if (character === '&') {
        REFERENCE.lastIndex = index;
        if (!REFERENCE.test(xml)) problems.push(`bad reference at ${index}: ${xml.slice(index, index + 12)}`);
      } else if (character === '>' && xml.slice(index - 2, index) === ']]') {
        problems.push(`"]]>" in text at ${index}`);
      }
    }
    if (open.length === 0 && xml.slice(at, end).trim() !== '') problems.push(`text outside the root element at ${at}`);
  };
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) return ['unterminated XML declaration'];
    at = end + 2;
  }
  while (at < xml.length && problems.length < 5) {
    const next = xml.indexOf('<', at);
    if (next < 0) {
      text(xml.length);
      break;
    }
    text(next);
    at = next;
    if (xml.startsWith('<!--', at)) {
      const end = xml.indexOf('-->', at + 4);
      if (end < 0) return [...problems, `unterminated comment at ${at}`];
      at = end + 3;
    } else if (xml.startsWith('<![CDATA[', at)) {
      const end = xml.indexOf(']]>', at);
      if (end < 0 || open.length === 0) return [...problems, `bad CDATA section at ${at}`];
      at = end + 3;
    } else if (xml.startsWith('<?', at)) {
      const end = xml.indexOf('?>', at);
      if (end < 0) return [...problems, `unterminated processing instruction at ${at}`];
      at = end + 2;
    } else if (xml.startsWith('<!', at)) {
      return [...problems, `declaration or DTD at ${at}`];
    } else if (xml.startsWith('</', at)) {
      const match = new RegExp(`</(${NAME})\\s*>`, 'y');
      match.lastIndex = at;
      const found = match.exec(xml);
      if (!found) return [...problems, `bad end tag at ${at}`];
      const expected = open.pop();
      if (expected !== found[1]) problems.push(`</${found[1]}> closes <${expected ?? '(nothing)'}> at ${at}`);
      at = match.lastIndex;
    } else {
      const match = new RegExp(`<(${NAME})`, 'y');
      match.lastIndex = at;
      const found = match.exec(xml);
      if (!found?.[1]) return [...problems, `bad tag at ${at}: ${xml.slice(at, at + 20)}`];
      const name = found[1];
      let position = match.lastIndex;
      const names = new Set<string>();
      for (;;) {
        ATTRIBUTE.lastIndex = position;
        const attribute = ATTRIBUTE.exec(xml);
        if (!attribute?.[1] || !attribute[2]) break;
        if (names.has(attribute[1])) problems.push(`attribute ${attribute[1]} twice on <${name}> at ${at}`);
        names.add(attribute[1]);
        const value = attribute[2].slice(1, -1);
        for (let index = value.indexOf('&'); index >= 0; index = value.indexOf('&', index + 1)) {
          REFERENCE.lastIndex = 0;
          if (!new RegExp(REFERENCE.source, 'y').test(value.slice(index))) problems.push(`bad reference in attribute ${attribute[1]} at ${at}`);
        }
        position = ATTRIBUTE.lastIndex;
      }
      const close = /\s*(\/?)>/y;
      close.lastIndex = position;
      const end = close.exec(xml);
      if (!end) return [...problems, `bad start tag <${name}> at ${at}: ${xml.slice(position, position + 20)}`];
      if (open.length === 0) roots++;
      if (end[1] !== '/') open.push(name);
      at = close.lastIndex;
    }
  }
  if (open.length > 0) problems.push(`unclosed elements: ${open.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

/** Text or an attribute value of XML (or of poppler's XHTML output) with its entities and character references decoded. */
export function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_whole, entity: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    const known = named[entity];
    if (known !== undefined) return known;
    return String.fromCodePoint(entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
  });
}
