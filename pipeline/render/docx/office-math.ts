import { ImportedXmlComponent, Math as WordMath, type IContext, type IXmlableObject } from 'docx';

/** The Office Math namespace (OMML). */
const MATH_NAMESPACE = 'http://schemas.openxmlformats.org/officeDocument/2006/math';

/**
 * An equation given as OMML markup, placed where the `docx` library takes its own equations
 * (a paragraph child): written as the markup's element (`m:oMath`, or `m:oMathPara` around it
 * with `display`), parsed once by the library's XML importer.
 */
export class OfficeMath extends WordMath {
  private readonly imported: ImportedXmlComponent;

  constructor(omml: string, display: boolean) {
    super({ children: [] });
    this.imported = ImportedXmlComponent.fromXmlString(display ? `<m:oMathPara xmlns:m="${MATH_NAMESPACE}">${omml}</m:oMathPara>` : omml);
  }

  /** The imported element in place of the library's empty `m:oMath`. */
  override prepForXml(context: IContext): IXmlableObject | undefined {
    return this.imported.prepForXml(context);
  }
}
