// Unit tests of the finishing steps on hand-written content streams and documents: the content-stream
// reader, artifact planning, ToUnicode maps, link descriptions, structure repairs, XMP.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { applyInsertions, markArtifacts, planArtifacts, unmarkedContent } from '../../pipeline/render/pdf/artifacts.ts';
import { arrayElements, nameOf, numberOf, pageContent, parseOperations, stringBytes } from '../../pipeline/render/pdf/content-stream.ts';
import { parseToUnicode } from '../../pipeline/render/pdf/content-text.ts';
import { addLinkContents } from '../../pipeline/render/pdf/link-contents.ts';
import { fixStructure } from '../../pipeline/render/pdf/struct-fixes.ts';
import { buildXmp, stableUuid } from '../../pipeline/render/pdf/xmp.ts';
import { pdfTool, squash } from './support.ts';

const bytesOf = (text: string): Uint8Array => Buffer.from(text, 'latin1');
const operators = (text: string): string[] => parseOperations(bytesOf(text)).map((operation) => operation.operator);

/** Mark a content stream as an A4 page would: text below the middle is a footer. */
function mark(text: string): string {
  const bytes = bytesOf(text);
  const plan = planArtifacts(bytes, parseOperations(bytes), { middleY: 421 });
  return Buffer.from(applyInsertions(bytes, plan.insertions)).toString('latin1');
}

describe('parseOperations', () => {
  it('keeps operators inside strings, hex strings, names, arrays and dictionaries out of the operator list', () => {
    const stream = [
      '/P <</MCID 3 /ActualText (fake BT \\) ET \\( EMC) /Nested <</A [1 (EMC) <454d43>]>> >> BDC',
      'BT /F1 12 Tf [(a\\(b) -250 <0041> (c\\\\)] TJ (multi\\',
      'line with ) ( nested ( parens ) ) Tj ET',
      '% a comment with BT Tj EMC',
      'EMC',
    ].join('\n');
    expect(operators(stream)).toEqual(['BDC', 'BT', 'Tf', 'TJ', 'Tj', 'ET', 'EMC']);
    const [bdc, , tf, tj] = parseOperations(bytesOf(stream));
    expect(bdc?.operands.map((operand) => operand.kind)).toEqual(['name', 'dict']);
    expect(nameOf(bytesOf(stream), tf?.operands[0])).toBe('F1');
    expect(numberOf(bytesOf(stream), tf?.operands[1])).toBe(12);
    const elements = arrayElements(bytesOf(stream), tj!.operands[0]!);
    expect(elements.map((element) => element.kind)).toEqual(['string', 'number', 'hexString', 'string']);
    expect(Buffer.from(stringBytes(bytesOf(stream), elements[0]!)).toString('latin1')).toBe('a(b');
    expect([...stringBytes(bytesOf(stream), elements[2]!)]).toEqual([0x00, 0x41]);
    expect(Buffer.from(stringBytes(bytesOf(stream), elements[3]!)).toString('latin1')).toBe('c\\');
  });

  it('reads numbers of every written form, and escapes of literal strings', () => {
    const stream = bytesOf('-.5 +3 4. 0.25 -12.125 cm (\\101\\n\\061x\\\r\ny) Tj');
    const [cm, tj] = parseOperations(stream);
    expect(cm?.operands.map((operand) => numberOf(stream, operand))).toEqual([-0.5, 3, 4, 0.25, -12.125]);
    expect(Buffer.from(stringBytes(stream, tj!.operands[0]!)).toString('latin1')).toBe('A\n1xy');
  });

  it('skips the binary data of inline images, even when it contains operator-like bytes', () => {
    const data = Buffer.from([0x42, 0x54, 0x20, 0x45, 0x4d, 0x43, 0x0a, 0x28, 0x29, 0x45, 0x49, 0x58, 0xff, 0x00]);
    const stream = Buffer.concat([
      Buffer.from('q 10 0 0 10 0 0 cm BI /W 2 /H 7 /CS /G /BPC 8 /F /AHx ID ', 'latin1'),
      data,
      Buffer.from(' EI Q BT (after) Tj ET', 'latin1'),
    ]);
    expect(parseOperations(stream).map((operation) => operation.operator)).toEqual(['q', 'cm', 'BI', 'Q', 'BT', 'Tj', 'ET']);
  });

  it('handles tokens that touch without white space', () => {
    expect(operators('q[(a)1(b)]TJ/F1 9 Tf<</MCID 0>>BDC(x)Tj EMC Q')).toEqual(['q', 'TJ', 'Tf', 'BDC', 'Tj', 'EMC', 'Q']);
  });
});

describe('planArtifacts', () => {
  it('wraps untagged margin text as a pagination artifact and leaves tagged content alone', () => {
    const stream = [
      '.24 0 0 -.24 0 841.92 cm',
      'q 3.125 0 0 3.125 0 0 cm 0 0 0 rg',
      'BT /F4 18.66 Tf 1 0 0 -1 625 1038 Tm <00c4> Tj ET',
      'BT /F4 18.66 Tf 1 0 0 -1 647 1038 Tm <0012> Tj ET',
      'Q',
      'q 331 437 1842 2657 re W* n',
      'q 1 1 1 rg 0 0 590 851 re f',
      '/P <</MCID 0 >>BDC BT /F5 29 Tf 1 0 0 -1 126 34 Tm <0013> Tj ET EMC',
      'Q Q',
    ].join('\n');
    const marked = mark(stream);
    expect(marked).toContain('/Artifact <</Type /Pagination /Subtype /Footer>> BDC\nBT /F4 18.66 Tf 1 0 0 -1 625 1038 Tm <00c4> Tj ET\nBT /F4 18.66 Tf 1 0 0 -1 647 1038 Tm <0012> Tj ET\nEMC\nQ');
    expect(marked).toContain('/Artifact BMC\n331 437 1842 2657 re W* n\nEMC');
    expect(marked).toContain('/Artifact BMC\n0 0 590 851 re f\nEMC');
    expect(marked).toContain('/P <</MCID 0 >>BDC BT /F5 29 Tf 1 0 0 -1 126 34 Tm <0013> Tj ET EMC');
    expect(unmarkedContent(parseOperations(bytesOf(stream))).map((operation) => operation.operator)).toEqual(['Tj', 'Tj', 're', 're']);
    expect(unmarkedContent(parseOperations(bytesOf(marked)))).toEqual([]);
  });

  it('tells headers from footers by position, and marks untagged text inside the clipped page area as a plain artifact', () => {
    const header = mark('BT 1 0 0 1 300 800 Tm (header) Tj ET');
    expect(header).toContain('/Artifact <</Type /Pagination /Subtype /Header>> BDC');
    const inBody = mark('q 0 0 595 842 re W n BT 1 0 0 1 300 400 Tm (generated) Tj ET Q');
    expect(inBody).toContain('/Artifact BMC\nBT 1 0 0 1 300 400 Tm (generated) Tj ET\nEMC');
    expect(inBody).not.toContain('Pagination');
  });

  it('wraps only the untagged text of a text object that also holds tagged text', () => {
    const marked = mark('BT /F1 9 Tf 1 0 0 1 10 10 Tm /Span <</MCID 2>> BDC (tagged) Tj EMC (loose) Tj [(more)] TJ ET');
    expect(marked).toBe('BT /F1 9 Tf 1 0 0 1 10 10 Tm /Span <</MCID 2>> BDC (tagged) Tj EMC /Artifact <</Type /Pagination /Subtype /Footer>> BDC\n(loose) Tj [(more)] TJ\nEMC ET');
    expect(unmarkedContent(parseOperations(bytesOf(marked)))).toEqual([]);
  });

  it('never wraps nested marked content, existing artifacts, or a form XObject with tags of its own', () => {
    const stream = '/Artifact BMC 0 0 1 1 re f EMC /P <</MCID 0>> BDC /Span BMC (x) Tj EMC 0 0 1 1 re S EMC /Tagged Do /Plain Do';
    const bytes = bytesOf(stream);
    const plan = planArtifacts(bytes, parseOperations(bytes), { middleY: 421, isTaggedXObject: (name) => name === 'Tagged' });
    expect(plan.sequences).toBe(1);
    expect(Buffer.from(applyInsertions(bytes, plan.insertions)).toString('latin1')).toBe(`${stream.replace('/Plain Do', '/Artifact BMC\n/Plain Do\nEMC')}`);
  });

  it('keeps artifact sequences and q/Q nested', () => {
    const marked = mark('0 0 1 1 re f q 1 0 0 1 5 5 cm 0 0 1 1 re f Q 0 0 2 2 re f');
    expect(marked).toBe('/Artifact BMC\n0 0 1 1 re f\nEMC q 1 0 0 1 5 5 cm /Artifact BMC\n0 0 1 1 re f\nEMC Q /Artifact BMC\n0 0 2 2 re f\nEMC');
  });
});

describe('markArtifacts on a document', () => {
  it('rewrites the content of a page, leaves pages with nothing to mark alone, and stays valid', async () => {
    const document = await PDFDocument.create();
    const font = document.context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica' });
    const resources = document.context.obj({ Font: { F1: font } });
    const addPage = (content: string): void => {
      const page = document.addPage([595.28, 841.89]);
      page.node.set(PDFName.of('Resources'), resources);
      page.node.set(PDFName.of('Contents'), document.context.register(document.context.flateStream(content)));
    };
    addPage('/P <</MCID 0>> BDC BT /F1 12 Tf 72 720 Td (Body) Tj ET EMC BT /F1 10 Tf 290 30 Td (- 1 -) Tj ET');
    addPage('/P <</MCID 0>> BDC BT /F1 12 Tf 72 720 Td (Only tagged) Tj ET EMC');
    const untouched = document.getPages()[1]!.node.get(PDFName.of('Contents'));
    const stats = markArtifacts(document);
    expect(stats).toEqual({ pages: 2, rewrittenPages: 1, sequences: 1, textSequences: 1 });
    expect(document.getPages()[1]!.node.get(PDFName.of('Contents'))).toBe(untouched);
    const content = Buffer.from(pageContent(document.context, document.getPages()[0]!)).toString('latin1');
    expect(content).toContain('/Artifact <</Type /Pagination /Subtype /Footer>> BDC\nBT /F1 10 Tf 290 30 Td (- 1 -) Tj ET\nEMC');
    const saved = await document.save({ useObjectStreams: false });
    expect(await pdfTool('qpdf', ['--check'], saved)).toContain('No syntax or stream encoding errors found');
    expect(squash(await pdfTool('pdftotext', [], saved))).toContain('Body-1-');
  });
});

describe('markArtifacts with content split over several streams', () => {
  it('joins the streams of a page (they may split a text object) into one rewritten stream', async () => {
    const document = await PDFDocument.create();
    const page = document.addPage([595.28, 841.89]);
    const { context } = document;
    const parts = ['BT /F1 10 Tf 290 30 Td', '(- 1 -) Tj ET /P <</MCID 0>> BDC 0 0 5 5 re', 'f EMC 1 1 2 2 re'];
    page.node.set(PDFName.of('Contents'), context.obj(parts.map((part) => context.register(context.flateStream(part)))));
    expect(markArtifacts(document).sequences).toBe(2);
    expect(Buffer.from(pageContent(context, page)).toString('latin1')).toBe(
      '/Artifact <</Type /Pagination /Subtype /Footer>> BDC\nBT /F1 10 Tf 290 30 Td\n(- 1 -) Tj ET\nEMC /P <</MCID 0>> BDC 0 0 5 5 re\nf EMC /Artifact BMC\n1 1 2 2 re\nEMC\n',
    );
  });
});

describe('fixStructure', () => {
  it('moves marked content and annotations of a list item into its LBody, and the parent tree with them', async () => {
    const document = await PDFDocument.create();
    const page = document.addPage();
    const { context } = document;
    const annotationRef = context.register(context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 1, 1], StructParent: 1 }));
    page.node.set(PDFName.of('Annots'), context.obj([annotationRef]));
    page.node.set(PDFName.of('StructParents'), context.obj(0));
    const rootRef = context.nextRef();
    const listRef = context.nextRef();
    const itemRef = context.nextRef();
    const labelRef = context.register(context.obj({ Type: 'StructElem', S: 'Lbl', P: itemRef, Pg: page.ref, K: 0 }));
    context.assign(itemRef, context.obj({ Type: 'StructElem', S: 'LI', P: listRef, Pg: page.ref, K: [labelRef, 1, { Type: 'OBJR', Obj: annotationRef }] }));
    context.assign(listRef, context.obj({ Type: 'StructElem', S: 'L', P: rootRef, K: [itemRef] }));
    const parentTree = context.obj({ Nums: [0, [labelRef, itemRef], 1, itemRef] });
    context.assign(rootRef, context.obj({ Type: 'StructTreeRoot', K: [listRef], ParentTree: parentTree, ParentTreeNextKey: 2 }));
    document.catalog.set(PDFName.of('StructTreeRoot'), rootRef);

    expect(fixStructure(document)).toMatchObject({ listBodies: 1, figureGroups: 0, identifiers: 0 });
    const item = context.lookup(itemRef, PDFDict);
    const kids = item.lookup(PDFName.of('K'), PDFArray);
    expect(kids.size()).toBe(2);
    expect(kids.get(0)).toBe(labelRef);
    const bodyRef = kids.get(1);
    const body = context.lookup(bodyRef, PDFDict);
    expect(body.get(PDFName.of('S'))).toBe(PDFName.of('LBody'));
    expect(body.get(PDFName.of('P'))).toBe(itemRef);
    expect(body.lookup(PDFName.of('K'), PDFArray).size()).toBe(2);
    const nums = parentTree.lookup(PDFName.of('Nums'), PDFArray);
    expect(nums.lookup(1, PDFArray).get(0)).toBe(labelRef); // MCID 0 stays with the label
    expect(nums.lookup(1, PDFArray).get(1)).toBe(bodyRef); // MCID 1 moved into the body
    expect(nums.get(3)).toBe(bodyRef); // the annotation too
  });
});

describe('parseToUnicode', () => {
  it('reads bfchar and both forms of bfrange, with surrogate pairs', () => {
    const cmap = bytesOf(
      [
        '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
        '1 begincodespacerange <0000> <FFFF> endcodespacerange',
        '2 beginbfchar <0003> <0020> <0004> <D83DDE00> endbfchar',
        '2 beginbfrange <0010> <0012> <4E00> <0020> <0021> [<0041> <00660069>] endbfrange',
        'endcmap CMapName currentdict /CMap defineresource pop end end',
      ].join('\n'),
    );
    const map = parseToUnicode(cmap);
    expect(map.get(3)).toBe(' ');
    expect(map.get(4)).toBe('😀');
    expect([map.get(0x10), map.get(0x11), map.get(0x12)]).toEqual(['一', '丁', '丂']);
    expect(map.get(0x20)).toBe('A');
    expect(map.get(0x21)).toBe('fi');
  });
});

describe('addLinkContents', () => {
  it('falls back to the URI, then to the destination name, for untagged links', async () => {
    const document = await PDFDocument.create();
    const page = document.addPage();
    const { context } = document;
    const uri = context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10], A: { S: 'URI', URI: PDFHexString.fromText('https://www.gov.cn/') } });
    const dest = context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10], Dest: PDFName.of('%E4%B8%80') });
    const described = context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10], Dest: PDFName.of('x'), Contents: PDFHexString.fromText('kept') });
    page.node.set(PDFName.of('Annots'), context.obj([context.register(uri), context.register(dest), context.register(described)]));
    const stats = addLinkContents(document);
    expect(stats).toEqual({ links: 3, alreadyDescribed: 1, fromText: 0, fromTarget: 2, undescribed: 0, untagged: 3 });
    const contents = (dict: PDFDict): string | undefined => dict.lookupMaybe(PDFName.of('Contents'), PDFHexString)?.decodeText();
    expect(contents(uri)).toBe('https://www.gov.cn/');
    expect(contents(dest)).toBe('#一');
    expect(contents(described)).toBe('kept');
    expect(page.node.lookup(PDFName.of('Annots'))).toBeInstanceOf(PDFArray);
  });
});

describe('buildXmp', () => {
  const fields = {
    title: '报告 <一> & "二"',
    lang: 'zh-CN',
    author: '某市人民政府',
    subject: '说明',
    keywords: ['甲', '乙'],
    creatorTool: 'report-press',
    producer: 'report-press (Skia/PDF m156, pdf-lib)',
    date: new Date('2024-03-01T00:00:00Z'),
    documentId: stableUuid('a'),
    instanceId: stableUuid('b'),
  };

  it('escapes text, writes the fixed date and the PDF/UA identifier, and is deterministic', () => {
    const xml = buildXmp(fields);
    expect(xml).toBe(buildXmp({ ...fields }));
    expect(xml).toContain('<rdf:li xml:lang="x-default">报告 &lt;一&gt; &amp; &quot;二&quot;</rdf:li><rdf:li xml:lang="zh-CN">');
    expect(xml).toContain('<xmp:CreateDate>2024-03-01T00:00:00Z</xmp:CreateDate>');
    expect(xml).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xml).toContain('<pdf:Keywords>甲, 乙</pdf:Keywords>');
    expect(xml.startsWith('<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>')).toBe(true);
    expect(xml.endsWith('<?xpacket end="w"?>')).toBe(true);
    // Every element that opens is closed, in order.
    const stack: string[] = [];
    for (const [, closing, name, selfClosing] of xml.matchAll(/<(\/?)([A-Za-z][\w:.-]*)[^>]*?(\/?)>/g)) {
      if (selfClosing) continue;
      if (closing) expect(stack.pop()).toBe(name);
      else stack.push(name ?? '');
    }
    expect(stack).toEqual([]);
  });

  it('derives stable UUIDs of the right form', () => {
    expect(stableUuid('x')).toBe(stableUuid('x'));
    expect(stableUuid('x')).not.toBe(stableUuid('y'));
    expect(stableUuid('x')).toMatch(/^uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('leaves out what the front matter does not give', () => {
    const { title: _title, author: _author, subject: _subject, ...bare } = fields;
    const xml = buildXmp({ ...bare, keywords: [] });
    expect(xml).not.toMatch(/dc:title|dc:creator|dc:description|dc:subject|pdf:Keywords/);
    expect(xml).toContain('<pdfuaid:part>1</pdfuaid:part>');
  });
});

