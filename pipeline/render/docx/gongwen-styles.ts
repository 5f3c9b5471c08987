/**
 * The Word styles of the 公文 elements (GB/T 9704-2012), one per role and named after it, so that
 * every paragraph of the 版头, the 主体's frame and the 版记 is an editable paragraph whose
 * geometry lives in its style: fonts, sizes, the red of the 标志 and the separator, the exact
 * spacing of the 版头 (gongwen-geometry.ts), indents, tab stops and page breaks.
 *
 * Some depend on the document (the 标志's size on its text, the 署名's indents on its width, the
 * 发文字号's layout on whether it has 签发人, the 版头's geometry on the format, the 纪要's blank
 * line on which of 出席, 请假, 列席 comes first): the styles are made for each document.
 */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  TabStopType,
  type ICharacterStyleOptions,
  type IParagraphPropertiesOptions,
  type IParagraphStyleOptions,
} from 'docx';
import type { Report } from '../../types.ts';
import type { Template } from '../../template/load-template.ts';
import type { GongwenMeta } from '../../gongwen/meta.ts';
import { issuerMark, issuerMarkSizePt } from '../../gongwen/html.ts';
import { displayDate } from '../display-date.ts';
import type { IStylesOptions } from 'docx';
import type { StyleBuilder } from './styles.ts';
import type { StyleSwitches } from './style-switches.ts';
import type { CharacterStyleSpec, WordProfile } from './word-profile.ts';
import {
  RULE_SIZE_EIGHTHS,
  SIGN_OFF_BLANK_LINES,
  attachmentNoteGeometry,
  attendanceGeometry,
  charTwips,
  headGeometry,
  letterGeometry,
  markTopMm,
  signOffLayout,
  typeWidthTwips,
  wordMarkSizePt,
  type SignOffLine,
} from './gongwen-geometry.ts';
import { ptToTwips } from './units.ts';

/** Ids of the 公文 paragraph styles (their names, shown in Word, are the roles' Chinese names). */
export const GONGWEN_STYLE_IDS = {
  headElement: 'GwHeadElement',
  copyNumber: 'GwCopyNumber',
  classification: 'GwClassification',
  urgency: 'GwUrgency',
  issuerMark: 'GwIssuerMark',
  docNumber: 'GwDocNumber',
  recipients: 'GwRecipients',
  attachmentNote: 'GwAttachmentNote',
  signature: 'GwSignature',
  date: 'GwDate',
  note: 'GwNote',
  attachmentMark: 'GwAttachmentMark',
  attachmentTitle: 'GwAttachmentTitle',
  record: 'GwRecord',
  cc: 'GwCc',
  printed: 'GwPrinted',
  recordAnchor: 'GwRecordAnchor',
  attendees: 'GwAttendees',
  onLeave: 'GwOnLeave',
  observers: 'GwObservers',
} as const;

/** Id of the character style of the 签发人's names (楷体). */
export const SIGNER_STYLE_ID = 'GwSigner';
/** Id of the character style of a 信函's 发文字号, set after a tab on the 版头's first line (仿宋). */
export const LETTER_NUMBER_STYLE_ID = 'GwLetterNumber';
/** Id of the character style of the labels `出席：`, `请假：`, `列席：` of a 纪要 (黑体). */
export const ATTENDANCE_LABEL_STYLE_ID = 'GwAttendanceLabel';

/** The red of the 发文机关标志 and the separator (GB/T 9704 7.2.4, 7.2.7). */
export const GONGWEN_RED = 'E60012';

/** 版记's font size: 4号 (GB/T 9704 10.2). */
export const RECORD_SIZE_PT = 14;

/** The 公文 styles of one document, and the switches (`style-switches.ts`) they need. */
export interface GongwenStyles {
  paragraph: IParagraphStyleOptions[];
  character: ICharacterStyleOptions[];
  switches: StyleSwitches;
}

/** A 公文 paragraph style before it is written: its run's font role, size and colour, letter spacing, paragraph properties. */
interface StyleSpec {
  id: string;
  name: string;
  basedOn: string;
  next?: string;
  run?: Pick<CharacterStyleSpec, 'font' | 'sizePt' | 'color'>;
  /** Letter spacing in points; 0 undoes the body's; absent keeps the base style's. */
  letterSpacingPt?: number;
  paragraph: IParagraphPropertiesOptions;
}

/** No first-line indent (the body's two characters undone: Word reads `firstLineChars` before `firstLine`). */
const FLUSH = { firstLine: 0, firstLineChars: 0 } as const;

const ALIGNMENTS = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** Alignment and indents of a line of the 署名 and 成文日期. */
function signOffLine(line: SignOffLine): IParagraphPropertiesOptions {
  return { alignment: ALIGNMENTS[line.alignment], indent: { ...FLUSH, left: line.left, right: line.right } };
}

function exactLine(twips: number): { line: number; lineRule: typeof LineRuleType.EXACT } {
  return { line: twips, lineRule: LineRuleType.EXACT };
}

/** The number of 份号, 密级 and 紧急程度 lines the 版头 opens with. */
export function headMarksCount(gongwen: GongwenMeta): number {
  return headMarks(gongwen).length;
}

/** The 版头's lines of 份号, 密级 and 紧急程度 that the document has, in order: each line's style and text. */
export function headMarks(gongwen: GongwenMeta): Array<{ style: string; text: string }> {
  const marks: Array<{ style: string; text: string }> = [];
  if (gongwen.copyNumber) marks.push({ style: GONGWEN_STYLE_IDS.copyNumber, text: gongwen.copyNumber.padStart(6, '0') });
  if (gongwen.classification) marks.push({ style: GONGWEN_STYLE_IDS.classification, text: gongwen.classification });
  if (gongwen.urgency) marks.push({ style: GONGWEN_STYLE_IDS.urgency, text: gongwen.urgency });
  return marks;
}

/** Whether the 版头 carries 签发人 beside the 发文字号 (a 上行文; a 命令's 签发人 signs it at the end instead). */
export function headSigners(gongwen: GongwenMeta): string[] {
  return gongwen.format === '命令' ? [] : gongwen.signers;
}

/** A 纪要's lists of 出席, 请假 and 列席 (GB/T 9704 10.4), in order: where the front matter keeps each, its paragraph style and its label. */
const ATTENDANCE = [
  { key: 'attendees', style: GONGWEN_STYLE_IDS.attendees, label: '出席' },
  { key: 'onLeave', style: GONGWEN_STYLE_IDS.onLeave, label: '请假' },
  { key: 'observers', style: GONGWEN_STYLE_IDS.observers, label: '列席' },
] as const;

/** The 出席, 请假 and 列席 of a 纪要 that have names, in order: each group's style, label and names. */
export function attendanceGroups(gongwen: GongwenMeta): Array<{ style: string; label: string; names: string[] }> {
  return ATTENDANCE.map(({ key, style, label }) => ({ style, label, names: gongwen[key] })).filter((group) => group.names.length > 0);
}

/**
 * Every 公文 style of a document: the 版头 (版头要素 and 份号, 密级, 紧急程度 based on it;
 * 发文机关标志; 发文字号 with the separator as its bottom border), 主送机关, 附件说明, a 纪要's
 * 出席人员, 请假人员 and 列席人员, 发文机关署名, 成文日期, 附注, 附件标识, 附件标题, and the 版记's
 * (版记, 抄送机关, 印发机关和印发日期, and the one-point paragraph the floating 版记 is anchored
 * before), plus the character styles 签发人, 信函发文字号 and 出席请假列席标签. The 版头's geometry
 * follows the format: 文件 and 纪要 (标志 35 mm down, the separator), 命令 (标志 20 mm down, no
 * separator, the text two blank lines under the 令号), 信函 (the 标志 in a text box on the page,
 * gongwen-letter.ts; the 版头's lines under its double line). Undefined for a report that is no 公文.
 */
export function gongwenStyles(report: Report, template: Template, profile: WordProfile, builder: StyleBuilder): GongwenStyles | undefined {
  const { meta } = report;
  const gongwen = meta.gongwen;
  if (!gongwen) return undefined;
  const ids = GONGWEN_STYLE_IDS;
  const line = ptToTwips(template.lineHeightPt);
  const char = charTwips(template, 1);
  const width = typeWidthTwips(template);
  const markSize = wordMarkSizePt(issuerMarkSizePt(issuerMark(meta, gongwen)));
  const format = gongwen.format;
  // A 信函's 标志 and double lines are drawings on the page (gongwen-letter.ts); its 版头's lines start under them.
  const letter = format === '信函' ? letterGeometry(template, markSize) : undefined;
  const head = headGeometry(template, markSize, headMarksCount(gongwen), markTopMm(format));
  const upward = headSigners(gongwen).length > 0 && letter === undefined;
  // 信函: the first line under the double line (份号, 密级, 紧急程度, or the 发文字号 alone) is spaced from the type area's top.
  const firstHeadLine = headMarks(gongwen)[0]?.style ?? ids.docNumber;
  const letterBefore = (id: string): number => (letter !== undefined && id === firstHeadLine ? letter.headBefore : 0);
  const headLine = (id: string): IParagraphPropertiesOptions => (letterBefore(id) > 0 ? { spacing: { before: letterBefore(id) } } : {});
  const attendance = attendanceGeometry(template, profile.paragraph.Normal.letterSpacingPt ?? 0);
  const firstGroup = attendanceGroups(gongwen)[0]?.style ?? ids.attendees;
  // Laid out for the seal when the parse stage could read it, as the print edition is.
  const sealed = report.file.data.gongwenSeal !== undefined;
  const signOff = signOffLayout(template, gongwen.signatures, meta.date === undefined ? undefined : displayDate(meta.date, 'zh'), sealed);
  const note = attachmentNoteGeometry(template, gongwen.attachments.length, profile.paragraph.Normal.letterSpacingPt ?? 0);
  const recordChar = ptToTwips(RECORD_SIZE_PT);

  const specs: StyleSpec[] = [
    // 版头: 份号, 密级和保密期限, 紧急程度 in 3号黑体 on the type area's first lines, flush left.
    // 信函: the 发文字号 against a right tab at the type area's right edge, on the first of these lines.
    {
      id: ids.headElement,
      name: '版头要素',
      basedOn: 'Normal',
      run: { font: 'heading1', sizePt: template.bodySizePt },
      letterSpacingPt: 0,
      paragraph: { alignment: AlignmentType.LEFT, ...(letter ? { tabStops: [{ type: TabStopType.RIGHT, position: width }] } : {}), indent: FLUSH, spacing: { before: 0, after: 0, ...exactLine(line) }, keepNext: true },
    },
    { id: ids.copyNumber, name: '份号', basedOn: ids.headElement, next: ids.classification, paragraph: headLine(ids.copyNumber) },
    { id: ids.classification, name: '密级', basedOn: ids.headElement, next: ids.urgency, paragraph: headLine(ids.classification) },
    { id: ids.urgency, name: '紧急程度', basedOn: ids.headElement, next: ids.issuerMark, paragraph: headLine(ids.urgency) },
    // The 标志: red 小标宋, centred, its glyphs' top 35 mm under the type area's top (命令 20 mm; 信函: in
    // its text box, 30 mm from the page's top).
    {
      id: ids.issuerMark,
      name: '发文机关标志',
      basedOn: 'Normal',
      next: ids.docNumber,
      run: { font: 'title', sizePt: markSize, color: GONGWEN_RED },
      letterSpacingPt: 0,
      paragraph: {
        alignment: AlignmentType.CENTER,
        indent: { ...FLUSH, left: 0, right: 0 },
        spacing: letter ? { before: 0, after: 0, ...exactLine(letter.markLine) } : { before: head.markBefore, after: 0, ...exactLine(head.markLine) },
        keepNext: true,
        keepLines: true,
      },
    },
    // 发文字号 two blank lines under the 标志, centred; with 签发人 one character in from the left, the
    // 签发人 against a right tab one character in from the right. The red separator is its bottom border.
    // 命令: the 令号, centred, no separator, the text two blank lines under it. 信函: at the right under
    // the upper double line (on a line of its own when there is no 份号, 密级 or 紧急程度).
    {
      id: ids.docNumber,
      name: '发文字号',
      basedOn: 'Normal',
      next: format === '命令' ? 'Normal' : 'Title',
      letterSpacingPt: 0,
      paragraph: letter
        ? { alignment: AlignmentType.RIGHT, indent: { ...FLUSH, left: 0, right: 0 }, spacing: { before: letterBefore(ids.docNumber), after: 0, ...exactLine(line) }, keepNext: true }
        : {
            alignment: upward ? AlignmentType.LEFT : AlignmentType.CENTER,
            indent: upward ? { firstLine: char, firstLineChars: 100, left: 0, right: 0 } : { ...FLUSH, left: 0, right: 0 },
            ...(upward ? { tabStops: [{ type: TabStopType.RIGHT, position: width - char }] } : {}),
            spacing: { before: head.numberBefore, after: format === '命令' ? 2 * line : 0, ...exactLine(line) },
            ...(format === '命令' ? {} : { border: { bottom: { style: BorderStyle.SINGLE, size: RULE_SIZE_EIGHTHS, color: GONGWEN_RED, space: head.ruleSpacePt } } }),
            keepNext: true,
          },
    },
    // 主送机关: under the title, flush left.
    { id: ids.recipients, name: '主送机关', basedOn: 'Normal', next: 'Normal', paragraph: { indent: FLUSH } },
    // 附件说明: one blank line under the text, `附件：` two characters in, names aligned under the first.
    {
      id: ids.attachmentNote,
      name: '附件说明',
      basedOn: 'Normal',
      next: ids.signature,
      paragraph: {
        indent: { left: note.nameStart, hanging: note.nameStart - note.firstLine, firstLineChars: 0 },
        tabStops: [{ type: TabStopType.LEFT, position: note.numberStart }],
        spacing: { before: line },
        contextualSpacing: true,
        keepNext: true,
        keepLines: true,
      },
    },
    // 纪要's 出席, 请假, 列席 (GB/T 9704 10.4): one blank line under the text, the label two characters in,
    // the names' later lines under the first name.
    ...ATTENDANCE.map(
      ({ style, label }, index): StyleSpec => ({
        id: style,
        name: `${label}人员`,
        basedOn: 'Normal',
        next: ATTENDANCE[index + 1]?.style ?? ids.signature,
        paragraph: {
          indent: { left: attendance.nameStart, hanging: attendance.nameStart - attendance.firstLine, firstLineChars: 0 },
          spacing: { before: style === firstGroup ? line : 0 },
          keepLines: true,
        },
      }),
    ),
    // 署名 and 成文日期 (GB/T 9704 7.3.5): without a seal one blank line under the text; with one, two (the seal's room).
    {
      id: ids.signature,
      name: '发文机关署名',
      basedOn: 'Normal',
      next: ids.date,
      letterSpacingPt: 0,
      paragraph: { ...signOffLine(signOff.signature), spacing: { before: SIGN_OFF_BLANK_LINES[sealed ? 'sealed' : 'unsealed'] * line }, contextualSpacing: true, keepNext: true, keepLines: true },
    },
    { id: ids.date, name: '成文日期', basedOn: 'Normal', next: ids.note, letterSpacingPt: 0, paragraph: { ...signOffLine(signOff.date), spacing: { before: 0 }, keepLines: true } },
    // 附注: under the date, two characters in (the body's indent), in brackets.
    { id: ids.note, name: '附注', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { before: line } } },
    // 附件: a new page, 附件n in 黑体 on its first line, its title centred on the third.
    { id: ids.attachmentMark, name: '附件标识', basedOn: 'Normal', next: ids.attachmentTitle, run: { font: 'heading1' }, paragraph: { indent: FLUSH, pageBreakBefore: true, keepNext: true, outlineLevel: 0 } },
    { id: ids.attachmentTitle, name: '附件标题', basedOn: 'Title', next: 'Normal', paragraph: { spacing: { before: line, after: line }, keepNext: true } },
    // 版记: 4号仿宋 on the body's pitch, one character in from each side.
    {
      id: ids.record,
      name: '版记',
      basedOn: 'Normal',
      next: ids.record,
      run: { font: 'body', sizePt: RECORD_SIZE_PT },
      letterSpacingPt: 0,
      paragraph: { alignment: AlignmentType.LEFT, indent: { ...FLUSH, left: recordChar, right: recordChar }, spacing: { before: 0, after: 0, ...exactLine(line) }, keepNext: true, keepLines: true },
    },
    // 抄送机关: later lines under the first organ, after `抄送：`.
    { id: ids.cc, name: '抄送机关', basedOn: ids.record, next: ids.printed, paragraph: { indent: { left: recordChar * 4, right: recordChar, hanging: recordChar * 3, firstLineChars: 0 } } },
    // 印发机关 at the left, 印发日期 and 印发 against a right tab one character in from the right.
    { id: ids.printed, name: '印发机关和印发日期', basedOn: ids.record, next: 'Normal', paragraph: { tabStops: [{ type: TabStopType.RIGHT, position: width - recordChar }] } },
    // The empty paragraph after the floating 版记 (a document ends with a paragraph): one point high.
    { id: ids.recordAnchor, name: '版记定位', basedOn: 'Normal', next: 'Normal', run: { sizePt: 1 }, letterSpacingPt: 0, paragraph: { indent: FLUSH, spacing: { before: 0, after: 0, ...exactLine(20) } } },
  ];

  const paragraph = specs.map((spec): IParagraphStyleOptions => {
    const run = builder.run({ name: spec.name, ...spec.run });
    return {
      id: spec.id,
      name: spec.name,
      basedOn: spec.basedOn,
      ...(spec.next !== undefined ? { next: spec.next } : {}),
      quickFormat: true,
      run: spec.letterSpacingPt !== undefined && spec.letterSpacingPt !== 0 ? { ...run, characterSpacing: ptToTwips(spec.letterSpacingPt) } : run,
      paragraph: spec.paragraph,
    };
  });
  const character: ICharacterStyleOptions[] = [
    { id: SIGNER_STYLE_ID, name: '签发人', uiPriority: 1, run: builder.characterRun({ name: '签发人', font: 'heading2' }) },
    { id: LETTER_NUMBER_STYLE_ID, name: '信函发文字号', uiPriority: 1, run: builder.characterRun({ name: '信函发文字号', font: 'body' }) },
    { id: ATTENDANCE_LABEL_STYLE_ID, name: '出席请假列席标签', uiPriority: 1, run: builder.characterRun({ name: '出席请假列席标签', font: 'heading1' }) },
  ];
  return {
    paragraph,
    character,
    switches: {
      unsnapped: specs.map((spec) => spec.id),
      unspaced: specs.filter((spec) => spec.letterSpacingPt === 0).map((spec) => spec.id),
    },
  };
}

/** The document's styles with the 公文's added (unchanged without them). */
export function withGongwenStyles(styles: IStylesOptions, gongwen: GongwenStyles | undefined): IStylesOptions {
  if (!gongwen) return styles;
  return { ...styles, paragraphStyles: [...(styles.paragraphStyles ?? []), ...gongwen.paragraph], characterStyles: [...(styles.characterStyles ?? []), ...gongwen.character] };
}

/** The style switches with the 公文 styles' added (unchanged without them). */
export function withGongwenSwitches(switches: StyleSwitches, gongwen: GongwenStyles | undefined): StyleSwitches {
  if (!gongwen) return switches;
  return { unsnapped: [...switches.unsnapped, ...gongwen.switches.unsnapped], unspaced: [...switches.unspaced, ...gongwen.switches.unspaced] };
}
