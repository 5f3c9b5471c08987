import { PDFDict, PDFName, PDFRawStream, PDFRef, type PDFDocument, type PDFPage } from '@cantoo/pdf-lib';
import { inheritedResources } from './artifacts.ts';
import { arrayElements, nameOf, numberOf, pageContent, parseOperations, stringBytes, streamBytes, type Operand } from './content-stream.ts';

/**
 * The text of marked content, by page and MCID: what a structure element says, read from the
 * page's content stream through the fonts' `/ToUnicode` maps. Enough for the text Chromium
 * writes (Type 0 fonts with Identity-H encoding and a ToUnicode map, hex strings); a string
 * that a font cannot decode makes the whole MCID's text unknown rather than wrong.
 */

/** Decodes the bytes of a shown string to Unicode. */
export interface FontDecoder {
  /** The text, or undefined when a code has no Unicode value. */
  decode(bytes: Uint8Array): string | undefined;
}

/** Text by MCID for the pages of one document, read lazily and cached per page. */
export class MarkedContentText {
  private readonly pages = new Map<PDFRef, Map<number, string | null>>();
  private readonly fonts = new Map<PDFDict, FontDecoder | undefined>();
  private readonly byRef: Map<PDFRef, PDFPage>;

  constructor(private readonly document: PDFDocument) {
    this.byRef = new Map(document.getPages().map((page) => [page.ref, page]));
  }

  /** The text of one MCID on a page (`undefined` when unknown or absent). */
  text(page: PDFRef, mcid: number): string | undefined {
    let texts = this.pages.get(page);
    if (!texts) {
      texts = this.read(page);
      this.pages.set(page, texts);
    }
    return texts.get(mcid) ?? undefined;
  }

  private read(pageRef: PDFRef): Map<number, string | null> {
    const texts = new Map<number, string | null>();
    const page = this.byRef.get(pageRef);
    if (!page) return texts;
    const bytes = pageContent(this.document.context, page);
    const resources = inheritedResources(page);
    const fontDicts = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
    const properties = resources?.lookupMaybe(PDFName.of('Properties'), PDFDict);
    /** The MCID of every open marked-content sequence (undefined for those without). */
    const open: (number | undefined)[] = [];
    let font: FontDecoder | undefined;
    const add = (text: string | undefined): void => {
      let mcid: number | undefined;
      for (let index = open.length - 1; index >= 0 && mcid === undefined; index--) mcid = open[index];
      if (mcid === undefined) return;
      const before = texts.get(mcid);
      if (before === null) return;
      texts.set(mcid, text === undefined ? null : (before ?? '') + text);
    };
    const show = (operand: Operand | undefined): void => {
      if (!operand) return;
      if (operand.kind === 'string' || operand.kind === 'hexString') add(font ? font.decode(stringBytes(bytes, operand)) : undefined);
      else if (operand.kind === 'array') for (const element of arrayElements(bytes, operand)) if (element.kind !== 'number') show(element);
    };
    for (const operation of parseOperations(bytes)) {
      const { operator, operands } = operation;
      switch (operator) {
        case 'BMC':
          open.push(undefined);
          break;
        case 'BDC': {
          const properties_ = operands[1];
          let mcid: number | undefined;
          if (properties_?.kind === 'dict') mcid = mcidOf(bytes, properties_);
          else if (properties_?.kind === 'name') {
            const named = properties?.lookupMaybe(PDFName.of(nameOf(bytes, properties_) ?? ''), PDFDict);
            const value = named?.get(PDFName.of('MCID'));
            if (value !== undefined) mcid = Number(value.toString());
          }
          open.push(mcid);
          if (mcid !== undefined && !texts.has(mcid)) texts.set(mcid, '');
          break;
        }
        case 'EMC':
          open.pop();
          break;
        case 'Tf': {
          const name = nameOf(bytes, operands[0]);
          const dict = name === undefined ? undefined : fontDicts?.lookupMaybe(PDFName.of(name), PDFDict);
          font = dict ? this.decoder(dict) : undefined;
          break;
        }
        case 'Tj':
        case "'":
        case 'TJ':
          show(operands[0]);
          break;
        case '"':
          show(operands[2]);
          break;
        default:
          break;
      }
    }
    return texts;
  }

  private decoder(font: PDFDict): FontDecoder | undefined {
    if (!this.fonts.has(font)) this.fonts.set(font, fontDecoder(font));
    return this.fonts.get(font);
  }
}

/** The `/MCID` of an inline property dictionary operand. */
function mcidOf(bytes: Uint8Array, dict: Operand): number | undefined {
  const entries = arrayElements(bytes, { kind: 'array', start: dict.start + 1, end: dict.end - 1 });
  for (let index = 0; index + 1 < entries.length; index += 2) {
    if (nameOf(bytes, entries[index]) === 'MCID') {
      const value = numberOf(bytes, entries[index + 1]);
      return Number.isInteger(value) ? value : undefined;
    }
  }
  return undefined;
}

/** A decoder of shown strings for a font dictionary (undefined when its codes cannot be mapped to Unicode). */
export function fontDecoder(font: PDFDict): FontDecoder | undefined {
  const subtype = font.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText();
  const toUnicode = font.lookup(PDFName.of('ToUnicode'));
  const map = toUnicode instanceof PDFRawStream ? parseToUnicode(streamBytes(toUnicode)) : undefined;
  if (subtype === 'Type0') {
    const encoding = font.lookupMaybe(PDFName.of('Encoding'), PDFName)?.decodeText();
    if (!map || (encoding !== 'Identity-H' && encoding !== 'Identity-V')) return undefined;
    return {
      decode(bytes) {
        let text = '';
        for (let at = 0; at + 1 < bytes.length; at += 2) {
          const unicode = map.get(((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0));
          if (unicode === undefined) return undefined;
          text += unicode;
        }
        return text;
      },
    };
  }
  return {
    decode(bytes) {
      let text = '';
      for (const byte of bytes) text += map?.get(byte) ?? (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '');
      return text;
    },
  };
}

/** UTF-16BE bytes to a string. */
function utf16(bytes: Uint8Array): string {
  let text = '';
  for (let at = 0; at + 1 < bytes.length; at += 2) text += String.fromCharCode(((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0));
  return text;
}

function codeOf(bytes: Uint8Array): number {
  let code = 0;
  for (const byte of bytes) code = code * 256 + byte;
  return code;
}

/** A ToUnicode CMap (`bfchar` and `bfrange` sections) as a map from code to text. */
export function parseToUnicode(cmap: Uint8Array): Map<number, string> {
  const map = new Map<number, string>();
  for (const { operator, operands } of parseOperations(cmap)) {
    if (operator === 'endbfchar') {
      for (let index = 0; index + 1 < operands.length; index += 2) {
        const source = operands[index];
        const target = operands[index + 1];
        if (source?.kind === 'hexString' && target?.kind === 'hexString') map.set(codeOf(stringBytes(cmap, source)), utf16(stringBytes(cmap, target)));
      }
    } else if (operator === 'endbfrange') {
      for (let index = 0; index + 2 < operands.length; index += 3) {
        const [low, high, target] = [operands[index], operands[index + 1], operands[index + 2]];
        if (low?.kind !== 'hexString' || high?.kind !== 'hexString' || !target) continue;
        const first = codeOf(stringBytes(cmap, low));
        const last = Math.min(codeOf(stringBytes(cmap, high)), first + 0xffff);
        if (target.kind === 'array') {
          arrayElements(cmap, target).forEach((element, offset) => {
            if (element.kind === 'hexString' && first + offset <= last) map.set(first + offset, utf16(stringBytes(cmap, element)));
          });
        } else if (target.kind === 'hexString') {
          const base = stringBytes(cmap, target);
          const units = Array.from({ length: base.length >> 1 }, (_, unit) => ((base[unit * 2] ?? 0) << 8) | (base[unit * 2 + 1] ?? 0));
          for (let code = first; code <= last; code++) {
            const shifted = [...units];
            shifted[shifted.length - 1] = (shifted[shifted.length - 1] ?? 0) + (code - first);
            map.set(code, String.fromCharCode(...shifted));
          }
        }
      }
    }
  }
  return map;
}
