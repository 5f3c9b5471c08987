import { describe, expect, it } from 'vitest';
import { CHINESE_SAMPLE, BUILD_DATE, render, reportWithImages } from './fixture.ts';
import { readDocx, styleXml } from './read-docx.ts';
import { gridCharSpace } from '../../pipeline/render/docx/section.ts';

describe('Word styles and page of gov-report (GB/T 9704)', async () => {
  const docx = readDocx(await render(await reportWithImages(CHINESE_SAMPLE)));
  const styles = docx.xml('word/styles.xml');
  const documentXml = docx.xml('word/document.xml');

  it('sets zh-CN as the East Asian language and the body font in the document defaults', () => {
    const defaults = /<w:docDefaults>.*?<\/w:docDefaults>/s.exec(styles)?.[0] ?? '';
    expect(defaults).toContain('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>');
    expect(defaults).toContain('w:eastAsia="仿宋_GB2312"');
    expect(defaults).toContain('<w:sz w:val="32"/>');
  });

  it('makes Normal the GB/T 9704 body: 16 pt FangSong, exact 28.95 pt lines, two-character indent, justified', () => {
    const normal = styleXml(styles, 'Normal');
    expect(normal).toContain('w:default="1"');
    expect(normal).toContain('<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/>');
    expect(normal).toMatch(/<w:ind w:firstLine="640" w:firstLineChars="200"\/>/);
    expect(normal).toContain('<w:jc w:val="both"/>');
    expect(normal).toContain('<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman"/>');
    expect(normal).toContain('<w:sz w:val="32"/>');
  });

  it('defines headings with the template fonts and outline levels, never numbered', () => {
    const heading1 = styleXml(styles, 'Heading1');
    expect(heading1).toContain('w:eastAsia="黑体"');
    expect(heading1).toContain('<w:outlineLvl w:val="0"/>');
    expect(heading1).not.toContain('<w:numPr>');
    const heading2 = styleXml(styles, 'Heading2');
    expect(heading2).toContain('w:eastAsia="楷体_GB2312"');
    expect(heading2).toContain('<w:outlineLvl w:val="1"/>');
    for (let level = 3; level <= 6; level++) expect(styleXml(styles, `Heading${level}`)).toContain(`<w:outlineLvl w:val="${level - 1}"/>`);
  });

  it('defines the title block, quote, code, caption, table, list, footnote and rule styles', () => {
    const title = styleXml(styles, 'Title');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:jc w:val="center"/>');
    for (const id of ['Subtitle', 'Speaker', 'Quote', 'Quote2', 'SourceCode', 'Figure', 'Caption', 'TableText', 'TableHeading', 'ListParagraph', 'ListContinue2', 'FootnoteText', 'HorizontalRule', 'Footer', 'FooterEven']) {
      expect(styleXml(styles, id)).toContain('w:type="paragraph"');
    }
    for (const id of ['Strong', 'Emphasis', 'Strikethrough', 'InlineCode', 'Hyperlink', 'Subscript', 'Superscript', 'Keyboard', 'Highlight', 'FootnoteReference']) {
      expect(styleXml(styles, id)).toContain('w:type="character"');
    }
    expect(styleXml(styles, 'HorizontalRule')).toContain('<w:pBdr><w:bottom');
    expect(styleXml(styles, 'ReportTable')).toContain('<w:insideH w:val="single"');
  });

  it('sets up A4 with the template margins and a grid of 22 lines (579 twips) by 28 characters', () => {
    const section = /<w:sectPr>.*?<\/w:sectPr>/s.exec(documentXml)?.[0] ?? '';
    expect(section).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(section).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" /);
    // 28 characters of 16 pt in 210 − 28 − 26 = 156 mm: a pitch of 442.205 pt / 28 = 15.793 pt,
    // (15.793 − 16) × 4096 = −848 (ECMA-376 17.6.5).
    expect(section).toContain('<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-848"/>');
    expect(gridCharSpace(156, 28, 16)).toBe(-848);
    const pitchPt = 16 + gridCharSpace(156, 28, 16) / 4096;
    expect(28 * pitchPt).toBeLessThanOrEqual((156 / 25.4) * 72);
    expect(29 * pitchPt).toBeGreaterThan((156 / 25.4) * 72);
    // 22 lines of 579 twips fill the type area height, 297 − 37 − 35 = 225 mm (12 756 twips).
    expect(Math.floor(12756 / 579)).toBe(22);
  });

  it('fits 28 body characters a line without snapping to the character grid, as the print edition does', () => {
    const normal = styleXml(styles, 'Normal');
    // The body does not snap to the grid (LibreOffice would give each character two cells) ...
    expect(normal).toMatch(/<w:pPr><w:snapToGrid w:val="0"\/><w:spacing [^>]*w:line="579" w:lineRule="exact"\/>/);
    // ... and is condensed by print.css's letter-spacing (−0.25 pt = −5 twips): 28 characters fit.
    expect(normal).toContain('<w:spacing w:val="-5"/>');
    const typeAreaPt = (156 / 25.4) * 72;
    expect(28 * (16 - 0.25)).toBeLessThanOrEqual(typeAreaPt);
    expect(29 * (16 - 0.25)).toBeGreaterThan(typeAreaPt);
    // Titles, tables, captions, notes and page numbers keep the natural spacing, as in print.
    for (const id of ['Title', 'Subtitle', 'Speaker', 'Caption', 'TableText', 'FootnoteText', 'Footer']) expect(styleXml(styles, id), id).toContain('<w:spacing w:val="0"/>');
  });

  it('numbers pages as — n — with a PAGE field, outside on odd and even pages, in 14 pt Song', () => {
    const settings = docx.xml('word/settings.xml');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(settings).toContain('<w:characterSpacingControl w:val="compressPunctuation"/>');
    const odd = docx.xml('word/footer1.xml');
    const even = docx.xml('word/footer2.xml');
    for (const footer of [odd, even]) {
      expect(footer).toMatch(/<w:t xml:space="preserve">— <\/w:t>.*<w:instrText xml:space="preserve">PAGE<\/w:instrText>.*<w:t xml:space="preserve"> —<\/w:t>/s);
    }
    expect(odd).toContain('<w:pStyle w:val="Footer"/>');
    expect(even).toContain('<w:pStyle w:val="FooterEven"/>');
    const footer = styleXml(styles, 'Footer');
    expect(footer).toContain('<w:sz w:val="28"/>');
    expect(footer).toContain('w:eastAsia="宋体"');
    expect(footer).toContain('<w:jc w:val="right"/>');
    expect(styleXml(styles, 'FooterEven')).toContain('<w:jc w:val="left"/>');
  });

  it('declares the fonts with their fallback names', () => {
    const fonts = docx.xml('word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/></w:font>');
    expect(fonts).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/></w:font>');
  });

  it('writes the core properties from the front matter with the build date', () => {
    const core = docx.xml('docProps/core.xml');
    expect(core).toContain('<dc:title>测试报告</dc:title>');
    expect(core).toContain('<dc:subject>测试主题</dc:subject>');
    expect(core).toContain('<dc:creator>某某市人民政府</dc:creator>');
    expect(core).toContain('<cp:keywords>报告; 测试</cp:keywords>');
    expect(core).toContain('<dc:description>测试描述</dc:description>');
    const stamp = BUILD_DATE.toISOString().replace('.000Z', 'Z');
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>`);
    expect(core).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>`);
  });
});

describe('Word styles of the default template', async () => {
  const report = await reportWithImages('---\ntitle: A report\nauthor: Someone\ndate: 2024-05\nlang: en\ntemplate: default\n---\n\n# One\n\nText.\n');
  const docx = readDocx(await render(report));
  const styles = docx.xml('word/styles.xml');

  it('uses neutral styles, English language and no line grid', () => {
    expect(styles).toContain('<w:lang w:val="en"/>');
    expect(styleXml(styles, 'Normal')).not.toContain('w:firstLineChars="200"');
    expect(styleXml(styles, 'Heading1')).toContain('<w:b/>');
    expect(docx.xml('word/document.xml')).not.toContain('w:type="lines"');
    expect(docx.xml('word/settings.xml')).not.toContain('characterSpacingControl');
  });

  it('opens with the title, closes with author and date, and numbers pages plainly in the centre', () => {
    const text = docx.xml('word/document.xml');
    expect(text).toMatch(/<w:pStyle w:val="Title"\/>.*A report.*<w:pStyle w:val="Heading1"\/>.*<w:pStyle w:val="Author"\/>.*Someone.*<w:pStyle w:val="Date"\/>.*2024-05/s);
    const footer = docx.xml('word/footer1.xml');
    expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(footer).not.toContain('—');
    expect(styleXml(styles, 'Footer')).toContain('<w:jc w:val="center"/>');
    expect(Object.keys(docx.files)).not.toContain('word/footer2.xml');
  });
});
