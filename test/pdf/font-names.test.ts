// Names of the embedded print fonts. fontsource's Noto Serif SC and Noto Sans SC files are
// instances of the variable fonts at the right weight (their outlines and OS/2 weight class are
// those of Regular and Bold) but keep the names of the variable font's default master: the PDF
// said `NotoSerifSCExtraLight-Regular`, `NotoSansSCThin-Regular`, which a print shop's preflight
// reads as a hairline face. The served faces are renamed after their family and real weight.
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from '@cantoo/pdf-lib';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namesFor, readFaceNames, renameFace } from '../../pipeline/fonts/face-names.ts';
import { cjkSubset } from '../../pipeline/fonts/subset-local.ts';
import { closeBrowser, startBrowser } from '../helpers/browser.ts';
import { pdfFonts, printMarkdown, printSource, removeTempDirs, type Printed } from '../layout/support.ts';

const SERIF = path.resolve('node_modules/@fontsource/noto-serif-sc/files');

/** Every table of an sfnt by tag. */
function tables(font: Buffer): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (let index = 0; index < font.readUInt16BE(4); index++) {
    const record = 12 + index * 16;
    const offset = font.readUInt32BE(record + 8);
    found.set(font.toString('latin1', record, record + 4), font.subarray(offset, offset + font.readUInt32BE(record + 12)));
  }
  return found;
}

/** Sum of a run of big-endian 32-bit words, as sfnt checksums are computed. */
function checksum(bytes: Buffer): number {
  let sum = 0;
  for (let at = 0; at < bytes.length; at += 4) {
    const word = Buffer.alloc(4);
    bytes.copy(word, 0, at, Math.min(at + 4, bytes.length));
    sum = (sum + word.readUInt32BE(0)) >>> 0;
  }
  return sum;
}

/** The FontFile2 program of every embedded font of a PDF, by its font descriptor's `/FontName`. */
async function embeddedFonts(pdf: Uint8Array): Promise<Map<string, Buffer>> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const fonts = new Map<string, Buffer>();
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    const file = object.lookup(PDFName.of('FontFile2'));
    if (file instanceof PDFRawStream) fonts.set(object.lookup(PDFName.of('FontName'), PDFName).decodeText(), Buffer.from(inflateSync(file.contents)));
  }
  return fonts;
}

describe('face names', () => {
  it('names a face after its family and its OS/2 weight class, as OpenType does', () => {
    expect(namesFor('Noto Serif SC', 400, false)).toEqual({ family: 'Noto Serif SC', subfamily: 'Regular', fullName: 'Noto Serif SC Regular', postScriptName: 'NotoSerifSC-Regular' });
    expect(namesFor('Noto Sans SC', 700, false)).toMatchObject({ family: 'Noto Sans SC', subfamily: 'Bold', postScriptName: 'NotoSansSC-Bold' });
    expect(namesFor('Noto Serif SC', 700, true)).toMatchObject({ subfamily: 'Bold Italic', postScriptName: 'NotoSerifSC-BoldItalic' });
    // Outside Regular/Bold: the weight joins the family (IDs 1 and 2), the typographic names say it apart (16 and 17).
    expect(namesFor('Noto Serif SC', 500, false)).toEqual({
      family: 'Noto Serif SC Medium',
      subfamily: 'Regular',
      fullName: 'Noto Serif SC Medium',
      postScriptName: 'NotoSerifSC-Medium',
      typographicFamily: 'Noto Serif SC',
      typographicSubfamily: 'Medium',
    });
    expect(namesFor('Noto Sans SC', 250, false).postScriptName).toBe('NotoSansSC-ExtraLight');
  });

  it('renames the cut CJK face and leaves its outlines, metrics and weight as they were', async () => {
    for (const [weight, subfamily] of [[400, 'Regular'], [700, 'Bold']] as const) {
      const cut = await cjkSubset(path.join(SERIF, `noto-serif-sc-chinese-simplified-${weight}-normal.woff2`), '一国发展，。');
      const before = readFaceNames(cut);
      expect(before).toMatchObject({ postScriptName: `NotoSerifSCExtraLight-${subfamily}`, weightClass: weight });
      const renamed = renameFace(cut, 'Noto Serif SC');
      expect(readFaceNames(renamed)).toMatchObject({ family: 'Noto Serif SC', subfamily, fullName: `Noto Serif SC ${subfamily}`, postScriptName: `NotoSerifSC-${subfamily}`, weightClass: weight });
      // The unique identifier carries the PostScript name too.
      expect(readFaceNames(renamed).uniqueId).toBe(`2.003-H1;GOOG;NotoSerifSC-${subfamily}`);
      const [old, now] = [tables(cut), tables(renamed)];
      expect([...now.keys()]).toEqual([...old.keys()]);
      for (const [tag, bytes] of old) if (tag !== 'name' && tag !== 'head') expect(now.get(tag)?.equals(bytes), tag).toBe(true);
      // A valid sfnt: every table's checksum, and the whole file summing to 0xB1B0AFBA.
      for (let index = 0; index < renamed.readUInt16BE(4); index++) {
        const record = 12 + index * 16;
        const tag = renamed.toString('latin1', record, record + 4);
        const table = Buffer.from(now.get(tag) ?? Buffer.alloc(0));
        if (tag === 'head') table.writeUInt32BE(0, 8);
        expect(checksum(table), tag).toBe(renamed.readUInt32BE(record + 4));
      }
      expect(checksum(renamed)).toBe(0xb1b0afba);
      // Same bytes for the same input.
      expect(renameFace(cut, 'Noto Serif SC').equals(renamed)).toBe(true);
    }
  });
});

describe('embedded font names of the print PDF', () => {
  let browser: Browser;
  let sample: Printed;

  beforeAll(async () => {
    browser = await startBrowser();
    sample = await printSource(browser, path.resolve('source/report.md'));
  });

  afterAll(async () => {
    await closeBrowser(browser);
    await removeTempDirs();
  });

  it('calls the sample’s faces by their family and real weight, in pdffonts and in the embedded name tables', async () => {
    const names = (await pdfFonts(sample.file)).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''));
    console.log('fonts of the sample:', names.join(', '));
    expect(names.filter((name) => /Thin|ExtraLight|Light/.test(name))).toEqual([]);
    expect(new Set(names)).toEqual(new Set(['NotoSerifSC-Regular', 'NotoSerifSC-Bold', 'NotoSansSC-Regular', 'LXGWWenKai-Regular']));
    const embedded = await embeddedFonts(sample.pdf);
    expect(embedded.size).toBe(names.length);
    for (const [name, font] of embedded) {
      const face = readFaceNames(font);
      // What the name says is what the face is: its weight class is that of the name's weight.
      expect(name.replace(/^[A-Z]{6}\+/, ''), name).toBe(face.postScriptName);
      expect(face.weightClass, name).toBe(name.endsWith('-Bold') ? 700 : 400);
    }
  });

  it('leaves faces that were named right as they were (an English report in the default template)', async () => {
    const printed = await printMarkdown(browser, '---\ntitle: Annual report\ntemplate: default\nlang: en\n---\n\n# Results\n\nRevenue grew by **12%** in 2024.\n');
    const names = (await pdfFonts(printed.file)).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^NotoS(erif|ans)(Mono)?-(Regular|Bold)$/);
  });
});
