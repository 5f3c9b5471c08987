import { inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFName, PDFRawStream, PDFRef, type PDFContext, type PDFObject, type PDFPage } from '@cantoo/pdf-lib';

/**
 * A minimal reader of PDF content streams (ISO 32000-1 §7.8.2): it splits the bytes into
 * operations, each an operator with its operands, and keeps byte offsets so that callers can
 * insert text between operations without re-serialising anything. It understands literal
 * strings (nested parentheses, escapes), hex strings, names, numbers, arrays and
 * dictionaries as operands, comments, and inline images (`BI … ID <binary> EI`).
 */

/** What kind of value an operand is. Arrays and dictionaries are one operand each. */
export type OperandKind = 'number' | 'name' | 'string' | 'hexString' | 'array' | 'dict' | 'keyword';

/** One operand of an operation: its kind and where its bytes are. */
export interface Operand {
  kind: OperandKind;
  /** Offset of the first byte. */
  start: number;
  /** Offset after the last byte. */
  end: number;
}

/** One operation: an operator and the operands written before it. */
export interface Operation {
  /** The operator, e.g. `BT`, `Tj`, `BDC`; an inline image is one `BI` operation up to its `EI`. */
  operator: string;
  /** Offset of the first operand (or of the operator when there is none). */
  start: number;
  /** Offset after the operator (after `EI` for an inline image). */
  end: number;
  /** Its operands (empty when the caller asked for the operands of other operators only). */
  operands: readonly Operand[];
}

/** Options of {@link parseOperations}. */
export interface ParseOptions {
  /**
   * Keep operands only for these operators (the others get an empty list). Large streams
   * parse about twice as fast when only a few operators' operands are needed.
   */
  operandsOf?: ReadonlySet<string>;
}

const NO_OPERANDS: readonly Operand[] = Object.freeze([]);

const code = (text: string): number => text.charCodeAt(0);
const LPAREN = code('(');
const RPAREN = code(')');
const LT = code('<');
const GT = code('>');
const LBRACKET = code('[');
const RBRACKET = code(']');
const LBRACE = code('{');
const RBRACE = code('}');
const SLASH = code('/');
const PERCENT = code('%');
const BACKSLASH = code('\\');
const CR = 13;
const LF = 10;

/** Byte classes: 1 white space, 2 delimiter, 0 regular. */
const CLASS = new Uint8Array(256);
for (const byte of [0, 9, 10, 12, 13, 32]) CLASS[byte] = 1;
for (const byte of [LPAREN, RPAREN, LT, GT, LBRACKET, RBRACKET, LBRACE, RBRACE, SLASH, PERCENT]) CLASS[byte] = 2;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const LITERALS = new Set(['true', 'false', 'null']);

/** Whether a byte is PDF white space. */
export function isWhiteSpace(byte: number | undefined): boolean {
  return byte !== undefined && CLASS[byte] === 1;
}

/** The offset after the literal string that starts (with `(`) at `start`. */
function endOfLiteralString(bytes: Uint8Array, start: number): number {
  let depth = 0;
  for (let at = start; at < bytes.length; at++) {
    const byte = bytes[at];
    if (byte === BACKSLASH) at++;
    else if (byte === LPAREN) depth++;
    else if (byte === RPAREN && --depth === 0) return at + 1;
  }
  return bytes.length;
}

/** The offset after the run of regular bytes that starts at `start`. */
function endOfRegular(bytes: Uint8Array, start: number): number {
  let at = start;
  while (at < bytes.length && CLASS[bytes[at] ?? 0] === 0) at++;
  return at;
}

/** Whether a run of regular bytes is a number: an optional sign, digits, at most one point. */
function isNumber(bytes: Uint8Array, start: number, end: number): boolean {
  let at = start;
  if (bytes[at] === 0x2b || bytes[at] === 0x2d) at++;
  let digits = 0;
  let points = 0;
  for (; at < end; at++) {
    const byte = bytes[at] ?? 0;
    if (byte >= 0x30 && byte <= 0x39) digits++;
    else if (byte === 0x2e && points === 0) points++;
    else return false;
  }
  return digits > 0;
}

/** Operators are short: build their text without a loop for the common lengths. */
function keyword(bytes: Uint8Array, start: number, end: number): string {
  switch (end - start) {
    case 1:
      return String.fromCharCode(bytes[start] ?? 0);
    case 2:
      return String.fromCharCode(bytes[start] ?? 0, bytes[start + 1] ?? 0);
    case 3:
      return String.fromCharCode(bytes[start] ?? 0, bytes[start + 1] ?? 0, bytes[start + 2] ?? 0);
    default:
      return latin1(bytes, start, end);
  }
}

/** Text of a byte range (content stream keywords and numbers are ASCII). */
export function latin1(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let at = start; at < end; at++) text += String.fromCharCode(bytes[at] ?? 0);
  return text;
}

/**
 * Where the data of an inline image ends: the `EI` that follows white space and is followed
 * by white space, a delimiter or the end of the stream, searched from `from`. With a
 * `/Length` (or `/L`) in the image dictionary that position is tried first. Returns the
 * offset after `EI`.
 */
function endOfInlineImage(bytes: Uint8Array, from: number, length: number | undefined): number {
  const isEndAt = (at: number): boolean =>
    bytes[at] === 0x45 && bytes[at + 1] === 0x49 && isWhiteSpace(bytes[at - 1]) && (at + 2 >= bytes.length || CLASS[bytes[at + 2] ?? 0] !== 0);
  if (length !== undefined) {
    for (let at = from + length; at < Math.min(bytes.length, from + length + 4); at++) if (isEndAt(at)) return at + 2;
  }
  for (let at = from; at < bytes.length - 1; at++) if (isEndAt(at)) return at + 2;
  return bytes.length;
}

/** Split a content stream (or any PDF token sequence, such as a CMap) into operations. */
export function parseOperations(bytes: Uint8Array, options: ParseOptions = {}): Operation[] {
  const operations: Operation[] = [];
  const wanted = options.operandsOf;
  // Operands of the operation being read, as parallel arrays (objects only for kept operands).
  const kinds: OperandKind[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let count = 0;
  const take = (operator: string): readonly Operand[] => {
    if (count === 0 || (wanted !== undefined && !wanted.has(operator))) return NO_OPERANDS;
    const list: Operand[] = new Array<Operand>(count);
    for (let index = 0; index < count; index++) list[index] = { kind: kinds[index] ?? 'keyword', start: starts[index] ?? 0, end: ends[index] ?? 0 };
    return list;
  };
  /** Nesting of arrays, dictionaries and procedures around the current token. */
  let nesting = 0;
  let compositeStart = 0;
  let compositeKind: OperandKind = 'array';
  const length = bytes.length;
  let at = 0;

  const value = (kind: OperandKind, start: number, end: number): void => {
    if (nesting === 0) {
      kinds[count] = kind;
      starts[count] = start;
      ends[count++] = end;
    }
  };
  const open = (kind: OperandKind, start: number): void => {
    if (nesting === 0) {
      compositeStart = start;
      compositeKind = kind;
    }
    nesting++;
  };
  const close = (end: number): void => {
    if (nesting === 0) return; // a stray closing bracket: ignored
    nesting--;
    if (nesting === 0) {
      kinds[count] = compositeKind;
      starts[count] = compositeStart;
      ends[count++] = end;
    }
  };

  while (at < length) {
    const byte = bytes[at] ?? 0;
    const kind = CLASS[byte];
    if (kind === 1) {
      at++;
      continue;
    }
    const start = at;
    if (kind === 2) {
      switch (byte) {
        case PERCENT:
          while (at < length && bytes[at] !== LF && bytes[at] !== CR) at++;
          continue;
        case LPAREN:
          at = endOfLiteralString(bytes, at);
          value('string', start, at);
          continue;
        case LT:
          if (bytes[at + 1] === LT) {
            at += 2;
            open('dict', start);
          } else {
            while (at < length && bytes[at] !== GT) at++;
            at = Math.min(length, at + 1);
            value('hexString', start, at);
          }
          continue;
        case GT:
          at += bytes[at + 1] === GT ? 2 : 1;
          close(at);
          continue;
        case LBRACKET:
        case LBRACE:
          at++;
          open('array', start);
          continue;
        case RBRACKET:
        case RBRACE:
          at++;
          close(at);
          continue;
        case SLASH:
          at = endOfRegular(bytes, at + 1);
          value('name', start, at);
          continue;
        default:
          at++; // a stray `)`
          continue;
      }
    }
    at = endOfRegular(bytes, at);
    // Numbers start with a digit, a sign or a point; everything else is a keyword.
    if (((byte >= 0x30 && byte <= 0x39) || byte === 0x2b || byte === 0x2d || byte === 0x2e) && isNumber(bytes, start, at)) {
      value('number', start, at);
      continue;
    }
    const word = keyword(bytes, start, at);
    if (nesting > 0 || LITERALS.has(word)) {
      value('keyword', start, at);
      continue;
    }
    if (word === 'BI') {
      // Inline image: key/value pairs up to ID, one white-space byte, binary data, EI.
      let imageLength: number | undefined;
      let lastName = '';
      let dataStart = length;
      while (at < length) {
        while (at < length && isWhiteSpace(bytes[at])) at++;
        const tokenStart = at;
        if (bytes[at] === SLASH) {
          at = endOfRegular(bytes, at + 1);
          lastName = latin1(bytes, tokenStart, at);
          continue;
        }
        if (bytes[at] === LPAREN) {
          at = endOfLiteralString(bytes, at);
          continue;
        }
        if (CLASS[bytes[at] ?? 0] === 2) {
          at++;
          continue;
        }
        at = endOfRegular(bytes, at);
        const token = latin1(bytes, tokenStart, at);
        if (token === 'ID') {
          dataStart = at + 1;
          break;
        }
        if ((lastName === '/L' || lastName === '/Length') && NUMBER.test(token)) imageLength = Number(token);
      }
      at = endOfInlineImage(bytes, dataStart, imageLength);
      operations.push({ operator: 'BI', start: count > 0 ? (starts[0] ?? start) : start, end: at, operands: take('BI') });
      count = 0;
      continue;
    }
    operations.push({ operator: word, start: count > 0 ? (starts[0] ?? start) : start, end: at, operands: take(word) });
    count = 0;
  }
  return operations;
}

/** The number an operand holds, or `NaN`. */
export function numberOf(bytes: Uint8Array, operand: Operand | undefined): number {
  if (operand?.kind !== 'number') return Number.NaN;
  let at = operand.start;
  const negative = bytes[at] === 0x2d;
  if (negative || bytes[at] === 0x2b) at++;
  let value = 0;
  let scale = 0;
  for (; at < operand.end; at++) {
    const byte = bytes[at] ?? 0;
    if (byte === 0x2e) scale = 1;
    else {
      value = value * 10 + (byte - 0x30);
      if (scale > 0) scale *= 10;
    }
  }
  if (scale > 1) value /= scale;
  return negative ? -value : value;
}

/** The name an operand holds (without the slash, `#xx` escapes decoded), or undefined. */
export function nameOf(bytes: Uint8Array, operand: Operand | undefined): string | undefined {
  if (operand?.kind !== 'name') return undefined;
  return latin1(bytes, operand.start + 1, operand.end).replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ESCAPES: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };

/** The bytes of a string operand (literal or hex), escapes decoded. */
export function stringBytes(bytes: Uint8Array, operand: Operand): Uint8Array {
  const out: number[] = [];
  if (operand.kind === 'hexString') {
    let pending = -1;
    for (let at = operand.start + 1; at < operand.end - 1; at++) {
      const byte = bytes[at] ?? 0;
      const digit = byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : byte >= 0x41 && byte <= 0x46 ? byte - 0x37 : byte >= 0x61 && byte <= 0x66 ? byte - 0x57 : -1;
      if (digit < 0) continue;
      if (pending < 0) pending = digit;
      else {
        out.push(pending * 16 + digit);
        pending = -1;
      }
    }
    if (pending >= 0) out.push(pending * 16);
    return Uint8Array.from(out);
  }
  for (let at = operand.start + 1; at < operand.end - 1; at++) {
    const byte = bytes[at] ?? 0;
    if (byte !== BACKSLASH) {
      if (byte === CR) {
        out.push(LF); // an end of line inside a string is a line feed, whatever bytes wrote it
        if (bytes[at + 1] === LF) at++;
      } else out.push(byte);
      continue;
    }
    const next = bytes[++at] ?? 0;
    if (ESCAPES[next] !== undefined) out.push(ESCAPES[next]);
    else if (next >= 0x30 && next <= 0x37) {
      let code = next - 0x30;
      for (let digits = 1; digits < 3 && (bytes[at + 1] ?? 0) >= 0x30 && (bytes[at + 1] ?? 0) <= 0x37; digits++) code = code * 8 + ((bytes[++at] ?? 0) - 0x30);
      out.push(code & 0xff);
    } else if (next === CR) {
      if (bytes[at + 1] === LF) at++; // a line continuation
    } else if (next !== LF) out.push(next);
  }
  return Uint8Array.from(out);
}

/** The elements of an array operand (or of any range of tokens) as operands. */
export function arrayElements(bytes: Uint8Array, operand: Operand): Operand[] {
  const inner = bytes.subarray(operand.start + 1, operand.end - 1);
  // The elements of an array are operands of no operator: add one to collect them.
  const withEnd = new Uint8Array(inner.length + 2);
  withEnd.set(inner);
  withEnd.set([0x20, 0x2a], inner.length);
  const operation = parseOperations(withEnd)[0];
  return (operation?.operands ?? []).map((element) => ({ ...element, start: element.start + operand.start + 1, end: element.end + operand.start + 1 }));
}

/** The decoded bytes of a stream: Flate through zlib, other filters through pdf-lib. */
export function streamBytes(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const filterName = filter instanceof PDFArray && filter.size() === 1 ? filter.get(0) : filter;
  if (filter === undefined) return stream.contents;
  if (filterName === PDFName.of('FlateDecode') && stream.dict.get(PDFName.of('DecodeParms')) === undefined) {
    const inflated = inflateSync(stream.contents);
    return new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength);
  }
  return decodePDFRawStream(stream).decode();
}

/** The content streams of a page, in order, with their references. */
export function pageContentStreams(context: PDFContext, page: PDFPage): { ref: PDFRef | undefined; stream: PDFRawStream }[] {
  const contents = page.node.get(PDFName.of('Contents'));
  const entries: PDFObject[] = [];
  const resolved = contents instanceof PDFRef ? context.lookup(contents) : contents;
  if (resolved instanceof PDFArray) for (let index = 0; index < resolved.size(); index++) entries.push(resolved.get(index));
  else if (contents !== undefined) entries.push(contents);
  const streams: { ref: PDFRef | undefined; stream: PDFRawStream }[] = [];
  for (const entry of entries) {
    const stream = entry instanceof PDFRef ? context.lookup(entry) : entry;
    if (stream instanceof PDFRawStream) streams.push({ ref: entry instanceof PDFRef ? entry : undefined, stream });
  }
  return streams;
}

/** The decoded content of a page: its streams joined with a line feed (they split at token boundaries). */
export function pageContent(context: PDFContext, page: PDFPage): Uint8Array {
  const parts = pageContentStreams(context, page).map(({ stream }) => streamBytes(stream));
  if (parts.length === 1) return parts[0] ?? new Uint8Array();
  const total = parts.reduce((sum, part) => sum + part.length + 1, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    joined[offset + part.length] = LF;
    offset += part.length + 1;
  }
  return joined;
}
