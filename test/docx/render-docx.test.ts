import { describe, expect, it } from 'vitest';
import { blockTexts, missingInOrder } from '../helpers/block-text.ts';
import { CHINESE_SAMPLE, render, reportWithImages } from './fixture.ts';
import { paragraphStyle, paragraphs, partText, readDocx } from './read-docx.ts';

describe('renderDocx: the Chinese sample in gov-report', async () => {
  const report = await reportWithImages(CHINESE_SAMPLE);
  const before = structuredClone(report.tree);
  const bytes = await render(report);
  const docx = readDocx(bytes);
  const documentXml = docx.xml('word/document.xml');
  const footnotesXml = docx.xml('word/footnotes.xml');
  const body = paragraphs(documentXml);

  it('leaves the tree as it was', () => {
    expect(report.tree).toEqual(before);
  });

  it('keeps the text of every source block, in order', () => {
    const { body: blocks, footnotes } = blockTexts(report.tree);
    expect(missingInOrder(blocks, partText(documentXml))).toEqual([]);
    expect(missingInOrder(footnotes, partText(footnotesXml))).toEqual([]);
  });

  it('writes every paragraph in a named style', () => {
    const unstyled = body.filter((paragraph) => paragraphStyle(paragraph) === undefined);
    expect(unstyled).toEqual([]);
    const notes = [...footnotesXml.matchAll(/<w:footnote w:id="(\d+)">(.*?)<\/w:footnote>/gs)];
    expect(notes.length).toBe(1);
    for (const [, , content] of notes) for (const paragraph of paragraphs(content ?? '')) expect(paragraphStyle(paragraph)).toBe('FootnoteText');
  });

  it('opens with the title block from the front matter', () => {
    expect(body.slice(0, 3).map((paragraph) => [paragraphStyle(paragraph), partText(paragraph).trim()])).toEqual([
      ['Title', '测试报告'],
      ['Subtitle', '——在测试会议上（节选）'],
      ['Speaker', '某某市市长'],
    ]);
  });

  it('closes with the issuer and the date written the Chinese way', () => {
    expect(body.slice(-2).map((paragraph) => [paragraphStyle(paragraph), partText(paragraph).trim()])).toEqual([
      ['Author', '某某市人民政府'],
      ['Date', '2024年3月1日'],
    ]);
  });

  it('writes headings in heading styles, text as written, inside their bookmarks', () => {
    const headings = body.filter((paragraph) => paragraphStyle(paragraph)?.startsWith('Heading'));
    expect(headings.map((paragraph) => [paragraphStyle(paragraph), partText(paragraph).trim()])).toEqual([
      ['Heading1', '一、总体情况'],
      ['Heading2', '（一）主要指标'],
    ]);
    expect(headings[0]).toMatch(/<w:bookmarkStart w:name="h_一总体情况" w:id="\d+"\/>/);
    expect(documentXml).not.toContain('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>');
  });

  it('turns CJK-friendly emphasis into a run in the Strong style', () => {
    expect(documentXml).toMatch(/<w:r><w:rPr><w:rStyle w:val="Strong"\/><\/w:rPr><w:t xml:space="preserve">一是坚持在推进创新驱动发展中闯出新路子。<\/w:t><\/w:r>/);
    expect(documentXml).not.toContain('**');
  });

  it('writes the table with a repeating header row, column alignment and full width', () => {
    const table = /<w:tbl>.*?<\/w:tbl>/s.exec(documentXml)?.[0] ?? '';
    expect(table).toContain('<w:tblStyle w:val="ReportTable"/>');
    expect(table).toContain('<w:tblW w:type="pct" w:w="5000"/>');
    expect(table).toMatch(/<w:tblLook w:firstRow="true"/);
    const rows = [...table.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((match) => match[0]);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).not.toContain('<w:tblHeader/>');
    expect([...(rows[1] ?? '').matchAll(/<w:jc w:val="(\w+)"\/>/g)].map((match) => match[1])).toEqual(['left', 'right', 'center']);
    expect(paragraphs(rows[0] ?? '').map(paragraphStyle)).toEqual(['TableHeading', 'TableHeading', 'TableHeading']);
    expect(paragraphs(rows[1] ?? '').map(paragraphStyle)).toEqual(['TableText', 'TableText', 'TableText']);
  });

  it('writes the footnote as a real Word footnote, referenced from the text', () => {
    expect(documentXml).toContain('<w:footnoteReference w:id="1"/>');
    expect(footnotesXml).toMatch(/<w:footnote w:id="1">.*脚注内容。.*<\/w:footnote>/s);
  });

  it('embeds the image with its alt text and title, and captions the figure', () => {
    const media = Object.keys(docx.files).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(media[0]).toMatch(/\.png$/);
    expect(documentXml).toMatch(/<wp:docPr id="1" name="tiny.png" descr="一个红色方块" title="图1 红色方块"\/>/);
    const figureIndex = body.findIndex((paragraph) => paragraphStyle(paragraph) === 'Figure');
    expect(body[figureIndex]).toContain('<w:drawing>');
    expect(paragraphStyle(body[figureIndex + 1] ?? '')).toBe('Caption');
    expect(partText(body[figureIndex + 1] ?? '').trim()).toBe('图1 红色方块');
  });

  it('links outside with a hyperlink relationship and inside to the heading bookmark', () => {
    const rels = docx.xml('word/_rels/document.xml.rels');
    const external = /<w:hyperlink w:history="1" r:id="([^"]+)">.*?外部链接.*?<\/w:hyperlink>/s.exec(documentXml);
    expect(external).not.toBeNull();
    expect(rels).toContain(`Id="${external?.[1] ?? ''}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org" TargetMode="External"`);
    expect(documentXml).toMatch(/<w:hyperlink w:history="1" w:anchor="h_一总体情况"><w:r><w:rPr><w:rStyle w:val="Hyperlink"\/><\/w:rPr><w:t xml:space="preserve">第一部分<\/w:t>/);
    expect(report.file.messages.filter((message) => message.ruleId?.startsWith('docx-link'))).toEqual([]);
  });

  it('writes lists as real Word numbering: nested levels, restarts, start numbers, task boxes', () => {
    const listParagraphs = body.filter((paragraph) => paragraph.includes('<w:numPr>'));
    const numbering = (text: string) => {
      const paragraph = listParagraphs.find((candidate) => partText(candidate).includes(text)) ?? '';
      const match = /<w:ilvl w:val="(\d+)"\/><w:numId w:val="(\d+)"\/>/.exec(paragraph);
      return { level: Number(match?.[1]), numId: Number(match?.[2]), style: paragraphStyle(paragraph) };
    };
    expect(numbering('第一项')).toMatchObject({ level: 0, style: 'ListParagraph' });
    expect(numbering('嵌套项')).toMatchObject({ level: 1, style: 'ListParagraph' });
    expect(numbering('甲').numId).toBe(numbering('乙').numId);
    expect(numbering('戊').numId).not.toBe(numbering('甲').numId);
    expect(numbering('戊').numId).toBe(numbering('己').numId);
    const numberingXml = docx.xml('word/numbering.xml');
    const fifth = new RegExp(`<w:num w:numId="${numbering('戊').numId}">.*?</w:num>`, 's').exec(numberingXml)?.[0] ?? '';
    expect(fifth).toContain('<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>');
    expect(numberingXml).toMatch(/<w:lvl w:ilvl="8"[^>]*><w:start w:val="1"\/><w:numFmt w:val="decimal"\/><w:lvlText w:val="%9."\/>/);
    expect(numberingXml).toMatch(/<w:numFmt w:val="bullet"\/><w:lvlText w:val="•"\/>/);
    expect(partText(listParagraphs.find((paragraph) => partText(paragraph).includes('未完成')) ?? '')).toMatch(/^\s*☐ 未完成/);
    expect(partText(listParagraphs.find((paragraph) => partText(paragraph).includes('已完成')) ?? '')).toMatch(/^\s*☒ 已完成/);
    // The box is the item's only marker: a task item has no bullet in front of its box.
    const abstractOf = (numId: number) => new RegExp(`<w:num w:numId="${numId}"[^>]*><w:abstractNumId w:val="(\\d+)"/>`).exec(numberingXml)?.[1];
    const levelText = (numId: number, level: number) => {
      const abstract = new RegExp(`<w:abstractNum\\b[^>]*w:abstractNumId="${abstractOf(numId) ?? 'none'}"[^>]*>.*?</w:abstractNum>`, 's').exec(numberingXml)?.[0] ?? '';
      const lvl = new RegExp(`<w:lvl w:ilvl="${level}"[^>]*>.*?</w:lvl>`, 's').exec(abstract)?.[0];
      return lvl === undefined ? undefined : (/<w:lvlText w:val="([^"]*)"\/>/.exec(lvl)?.[1] ?? '');
    };
    for (const task of ['未完成', '已完成']) expect(levelText(numbering(task).numId, numbering(task).level), task).toBe('');
    expect(levelText(numbering('第一项').numId, 0)).not.toBe('');
  });

  it('writes quotes, code and thematic breaks in their styles, code lines kept', () => {
    expect(paragraphStyle(body.find((paragraph) => partText(paragraph).includes('引用段落')) ?? '')).toBe('Quote');
    const code = body.find((paragraph) => paragraphStyle(paragraph) === 'SourceCode') ?? '';
    expect(partText(code)).toBe('\n代码 一行\n第二行');
    expect(body.some((paragraph) => paragraphStyle(paragraph) === 'HorizontalRule')).toBe(true);
  });

  it('formats inline raw HTML across sibling nodes and drops scripts with a warning at their line', () => {
    expect(documentXml).toMatch(/<w:r><w:rPr><w:rStyle w:val="Subscript"\/><\/w:rPr><w:t xml:space="preserve">2<\/w:t><\/w:r>/);
    expect(documentXml).toMatch(/<w:rStyle w:val="Keyboard"\/><\/w:rPr><w:t xml:space="preserve">Ctrl</);
    expect(documentXml).not.toMatch(/<script|alert/);
    const scriptLine = CHINESE_SAMPLE.split('\n').findIndex((line) => line.startsWith('<script>')) + 1;
    const warning = report.file.messages.find((message) => message.line === scriptLine && /script/.test(message.reason));
    expect(warning?.fatal).not.toBe(true);
    expect(warning?.line).toBe(scriptLine);
  });

  it('writes only character styles on body runs (no direct formatting)', () => {
    const runProperties = [...documentXml.matchAll(/<w:r><w:rPr>(.*?)<\/w:rPr>/g)].map((match) => match[1] ?? '');
    expect(runProperties.length).toBeGreaterThan(0);
    for (const properties of runProperties) expect(properties).toMatch(/^<w:rStyle w:val="\w+"\/>$/);
  });

  it('gives byte-identical output for the same source and date', async () => {
    const again = await render(await reportWithImages(CHINESE_SAMPLE));
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});
