/**
 * The Word reader on hand-made packages, element by element: what the Markdown can hold comes
 * back, what it cannot is a warning at its paragraph with its text kept.
 */
import { describe, expect, it } from 'vitest';
import type { RootContent } from 'mdast';
import { formatImportWarning } from '../../pipeline/command/import-docx.ts';
import { docxToMarkdown, treeToMarkdown } from '../../pipeline/read/docx/markdown.ts';
import { readDocx } from '../../pipeline/read/docx/read-docx.ts';
import { makeDocx, p, run } from './make-docx.ts';

const read = (bytes: Uint8Array) => readDocx(bytes, { trackChanges: 'all', mediaFolder: 'doc-media', fileName: 'doc.docx' });
const markdownOf = (bytes: Uint8Array) => docxToMarkdown(read(bytes));
const body = (markdown: string) => markdown.replace(/^---\n[\s\S]*?\n---\n\n/, '');

const STYLES = `
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="标题 2"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Outline3"><w:name w:val="My outline"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="BoldItalic"><w:name w:val="Bold italic"/><w:rPr><w:b/><w:i/></w:rPr></w:style>`;

const NUMBERING = `
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>`;

const item = (text: string, numId: number, ilvl = 0) => p(run(text), `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);

describe('the Word reader', () => {
  it('finds headings by numeric id, localized name and outline level, and formatting from character styles', () => {
    const markdown = body(
      markdownOf(
        makeDocx({
          styles: STYLES,
          body: [
            p(run('总则'), '<w:pStyle w:val="1"/>'),
            p(run('适用范围'), '<w:pStyle w:val="a5"/>'),
            p(run('细则'), '<w:pStyle w:val="Outline3"/>'),
            p(run('直接大纲级别'), '<w:outlineLvl w:val="1"/>'),
            p(`${run('重要', '<w:rStyle w:val="Strong"/>')}${run('的')}${run('话', '<w:rStyle w:val="BoldItalic"/>')}${run('与', '<w:i/>')}${run('删', '<w:strike/>')}${run('2', '<w:vertAlign w:val="superscript"/>')}`),
          ].join(''),
        }),
      ),
    );
    expect(markdown).toBe('# 总则\n\n## 适用范围\n\n### 细则\n\n## 直接大纲级别\n\n**重要**的**_话_***与*~~删~~<sup>2</sup>\n');
  });

  it('drops white space and line breaks at the ends of a paragraph, keeps them inside', () => {
    const markdown = body(markdownOf(makeDocx({ body: p(`${run('    缩进的正文')}<w:r><w:br/></w:r>${run('第二行')}<w:r><w:br/></w:r>`) })));
    expect(markdown).toBe('缩进的正文\\\n第二行\n');
  });

  it('reads lists from numbering: nesting, bullets under numbers, a restart with startOverride', () => {
    const markdown = body(markdownOf(makeDocx({ numbering: NUMBERING, body: [item('一', 1), item('要点', 1, 1), item('二', 1), p(run('中间的段落')), item('五', 2), item('六', 2), p(run('又一段')), item('七', 3)].join('') })));
    // numId 3 uses the same definition without a restart: it goes on counting.
    expect(markdown).toBe('1. 一\n   - 要点\n2. 二\n\n中间的段落\n\n5. 五\n6. 六\n\n又一段\n\n7. 七\n');
  });

  it('reports merged cells, text boxes and unknown fields at their paragraph, keeping their text', () => {
    const cell = (text: string, tcPr = '') => `<w:tc>${tcPr === '' ? '' : `<w:tcPr>${tcPr}</w:tcPr>`}${p(run(text))}</w:tc>`;
    const result = read(
      makeDocx({
        body: [
          p(run('Before the table.')),
          `<w:tbl><w:tr>${cell('Wide heading', '<w:gridSpan w:val="2"/>')}</w:tr><w:tr>${cell('Tall', '<w:vMerge w:val="restart"/>')}${cell('a')}</w:tr><w:tr>${cell('', '<w:vMerge/>')}${cell('b')}</w:tr></w:tbl>`,
          p(`${run('Printed on ')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "yyyy-MM-dd" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('2024-12-01')}<w:r><w:fldChar w:fldCharType="end"/></w:r>${run('.')}`),
          p(`${run('A shape follows.')}<w:r><w:drawing><wp:anchor><wp:docPr id="3" name="Text Box 3"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>${p(run('Text in the box.'))}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`),
        ].join(''),
      }),
    );
    expect(body(docxToMarkdown(result))).toBe('Before the table.\n\n| Wide heading | |\n| - | - |\n| Tall | a |\n| | b |\n\nPrinted on 2024-12-01.\n\nA shape follows.\n\nText in the box.\n');
    expect(result.warnings.map((warning) => formatImportWarning('doc.docx', warning))).toEqual([
      'doc.docx: paragraph 2 ("Wide heading Tall a b…"): warning: Table 1 has merged cells, which Markdown cannot hold: their text is kept in the first cell, the others are empty [import-merged-cell]',
      'doc.docx: paragraph 7 ("Printed on 2024-12-01.…"): warning: A DATE field: its last shown result is kept as text [import-unsupported]',
      'doc.docx: paragraph 8 ("A shape follows. Text in…"): warning: A text box: its text is kept as a paragraph [import-unsupported]',
    ]);
  });

  it('reports charts, SmartArt and embedded objects, keeping what text they have, and reads an equation as TeX math', () => {
    const graphic = (uri: string, inner: string, name: string) =>
      `<w:r><w:drawing><wp:inline><wp:docPr id="5" name="${name}" descr="${name} description"/><a:graphic><a:graphicData uri="${uri}">${inner}</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
    const result = read(
      makeDocx({
        body: [
          p(graphic('http://schemas.openxmlformats.org/drawingml/2006/chart', '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart"/>', 'Sales chart')),
          p(graphic('http://schemas.openxmlformats.org/drawingml/2006/diagram', '<dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" r:dm="rIdData"/>', 'Diagram')),
          p(`${run('Embedded: ')}<w:r><w:object><v:shape id="o1"/></w:object></w:r>`),
          p(`${run('Area ')}<m:oMath><m:r><m:t>πr²</m:t></m:r></m:oMath>`),
        ].join(''),
        relationships: '<Relationship Id="rIdData" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/diagramData" Target="diagrams/data1.xml"/>',
        parts: {
          'word/diagrams/data1.xml':
            '<?xml version="1.0"?><dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst><dgm:pt><dgm:t><a:p><a:r><a:t>Plan</a:t></a:r></a:p></dgm:t></dgm:pt><dgm:pt><dgm:t><a:p><a:r><a:t>Do</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>',
        },
      }),
    );
    expect(body(docxToMarkdown(result))).toBe('Sales chart description\n\nPlan Do\n\nEmbedded:\n\nArea $πr²$\n');
    expect(result.warnings.map((warning) => `${warning.paragraph} ${warning.ruleId} ${warning.message.split(',')[0]}`)).toEqual([
      '1 import-unsupported A chart',
      '2 import-unsupported A SmartArt diagram',
      '3 import-unsupported An embedded object (OLE)',
    ]);
  });

  it('leaves out a contents field’s entries (toc: true instead), and links a heading’s bookmark by the build’s heading id', () => {
    const tocEntry = (text: string, first: boolean, last: boolean) =>
      p(
        `${first ? '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC \\o "1-3" \\h</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' : ''}<w:hyperlink w:anchor="_Toc1">${run(text)}</w:hyperlink>${last ? '<w:r><w:fldChar w:fldCharType="end"/></w:r>' : ''}`,
      );
    const result = read(
      makeDocx({
        styles: STYLES,
        body: [
          tocEntry('Content 1', true, false),
          tocEntry('Second part 2', false, true),
          p(`<w:bookmarkStart w:id="0" w:name="_Toc1"/>${run('Content')}<w:bookmarkEnd w:id="0"/>`, '<w:pStyle w:val="1"/>'),
          p(`${run('See ')}<w:hyperlink w:anchor="_Toc1">${run('the content part')}</w:hyperlink>${run(' and ')}<w:hyperlink w:anchor="nowhere">${run('elsewhere')}</w:hyperlink>${run('.')}`),
        ].join(''),
      }),
    );
    // "content" is a reserved id of the page, so the build gives this heading `content-1`.
    expect(docxToMarkdown(result)).toBe('---\nlang: en\ntoc: true\n---\n\n# Content\n\nSee [the content part](#content-1) and [elsewhere](#nowhere).\n');
    const heading = result.tree.children.find((node: RootContent) => node.type === 'heading');
    expect(heading?.data?.docxParagraph).toBe(3);
  });

  it('reads footnotes and endnotes as one series of GFM footnotes, and images with their alt text', () => {
    const result = read(
      makeDocx({
        body: [
          p(`${run('Claim')}<w:r><w:footnoteReference w:id="2"/></w:r>${run(' and another')}<w:r><w:endnoteReference w:id="1"/></w:r>${run('.')}`),
          p('<w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture 1" title="Chart of targets"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:embed="rIdImage"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'),
        ].join(''),
        footnotes: `<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>${run('A footnote.')}</w:p></w:footnote>`,
        relationships:
          '<Relationship Id="rIdEndnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/><Relationship Id="rIdImage" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image7.png"/>',
        parts: {
          'word/endnotes.xml': `<?xml version="1.0"?><w:endnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t>An endnote.</w:t></w:r></w:p></w:endnote></w:endnotes>`,
          'word/media/image7.png': new Uint8Array([137, 80, 78, 71]),
        },
      }),
    );
    expect(body(docxToMarkdown(result))).toBe('Claim[^1] and another[^2].\n\n![Chart of targets](doc-media/image7.png)\n\n[^1]: A footnote.\n\n[^2]: An endnote.\n');
    expect([...result.media.keys()]).toEqual(['image7.png']);
  });
});

describe('the Markdown writer of imported text', () => {
  it('escapes text that would read as CriticMarkup, which is the document’s text and no suggestion', () => {
    const written = treeToMarkdown({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Write {++x++} or {>>c<<}; {a} stays' }] }] });
    expect(written).toBe('Write \\{++x++} or \\{>>c<<}; {a} stays\n');
  });
});
