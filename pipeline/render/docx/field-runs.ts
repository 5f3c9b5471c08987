import { ImportedXmlComponent, TextRun, type IContext, type IXmlableObject, type ParagraphChild } from 'docx';

/** A run given as WordprocessingML markup (a field character or instruction), where a text run may stand. */
class MarkupRun extends TextRun {
  private readonly imported: ImportedXmlComponent;

  constructor(markup: string) {
    super('');
    this.imported = ImportedXmlComponent.fromXmlString(markup);
  }

  /** The imported run in place of the empty text run. */
  override prepForXml(context: IContext): IXmlableObject | undefined {
    return this.imported.prepForXml(context);
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A complex field (`w:fldChar` begin, instruction, separate, result, end) with its result as
 * Word last showed it. Word and LibreOffice update it; readers that do not know the field
 * (pandoc) keep its result, which they drop from a simple field (`w:fldSimple`).
 */
export function fieldRuns(instruction: string, result: string): ParagraphChild[] {
  return [
    new MarkupRun('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'),
    new MarkupRun(`<w:r><w:instrText xml:space="preserve"> ${escapeXml(instruction)} </w:instrText></w:r>`),
    new MarkupRun('<w:r><w:fldChar w:fldCharType="separate"/></w:r>'),
    new TextRun(result),
    new MarkupRun('<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
  ];
}
