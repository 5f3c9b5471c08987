/**
 * The 公文 elements of GB/T 9704-2012 in the HTML page (web edition and print page): the 版头
 * as the page's `<header>` (份号, 密级, 紧急程度, 发文机关标志, 发文字号 and 签发人, the red
 * separator, decorative), the 主体 in `<main>` (标题 broken between words, 主送机关, the text,
 * 附件说明, 署名 and 成文日期 with the 印章, 附注, then each 附件 as a section of its own) and
 * the 版记 as the page's `<footer>`. The print stylesheet (templates/gongwen/print.css) places
 * them; the PDF renderer puts the 版记 at the foot of the last, even page.
 */
import { h } from 'hastscript';
import { toText as toString } from 'hast-util-to-text';
import { attachmentNumberOfText } from '../transform/remark-gongwen-attachments.ts';
import type { Element, ElementContent } from 'hast';
import type { ReportMeta } from '../types.ts';
import { displayDate } from '../render/display-date.ts';
import { FORMAT_SLUGS, issuerMarkText, type GongwenMeta } from './meta.ts';
import { breakTitle, titleBreakOpportunities } from './title-lines.ts';

/**
 * Title lines' width in 2号 (22 pt) characters: the type area holds 20 (156 mm / 22 pt), with no
 * room to spare, and a digit of the Song face is wider than the half a character the line
 * breaker counts: one character is left free.
 */
export const TITLE_CHARS_PER_LINE = 19;
/** The type area's width, pt (156 mm). */
const TYPE_AREA_WIDTH_PT = (156 / 25.4) * 72;
/** Widest 发文机关标志 character (GB/T 9704-1999: under 22 mm × 15 mm): 15 mm, as pt. */
const MARK_MAX_CHAR_PT = (15 / 25.4) * 72;

/** The 发文机关标志 as set (see {@link issuerMarkText}). */
export function issuerMark(meta: ReportMeta, gongwen: GongwenMeta): string {
  return issuerMarkText(meta.author, gongwen);
}

/** Width of a text in full-width characters (a half-width one counts one half). */
export function textUnits(text: string): number {
  let units = 0;
  for (const character of text) units += /[\u0020-\u007e]/.test(character) ? 0.5 : 1;
  return units;
}

/** Font size of the 发文机关标志, pt: 15 mm a character, smaller when that would be wider than the type area. */
export function issuerMarkSizePt(mark: string): number {
  const units = Math.max(1, textUnits(mark));
  return Math.round(Math.min(MARK_MAX_CHAR_PT, TYPE_AREA_WIDTH_PT / units) * 100) / 100;
}

/** A line of the 版头 with a label only assistive technology reads (`密级：` before `秘密★1年`). */
function labelled(className: string, label: string, value: string): Element {
  return h('p', { className: [className] }, [h('span', { className: ['sr-only'] }, `${label}：`), value]);
}

/** The 版头 as the page's header. */
export function gongwenHead(meta: ReportMeta, gongwen: GongwenMeta): Element {
  const mark = issuerMark(meta, gongwen);
  const marks: Element[] = [];
  if (gongwen.copyNumber) marks.push(labelled('gw-copy-number', '份号', gongwen.copyNumber.padStart(6, '0')));
  if (gongwen.classification) marks.push(labelled('gw-classification', '密级和保密期限', gongwen.classification));
  if (gongwen.urgency) marks.push(labelled('gw-urgency', '紧急程度', gongwen.urgency));
  const number: ElementContent[] = [];
  if (gongwen.docNumber) number.push(h('span', { className: ['gw-doc-number'] }, [h('span', { className: ['sr-only'] }, '发文字号：'), gongwen.docNumber]));
  // 签发人 in the 版头: a 上行文 (文件格式); a 命令's 签发人 signs it at the end instead.
  const signers = gongwen.format === '命令' ? [] : gongwen.signers;
  if (signers.length > 0) number.push(h('span', { className: ['gw-signer'] }, [h('span', { className: ['gw-signer-label'] }, '签发人：'), h('span', { className: ['gw-signer-names'] }, signers.join(' '))]));
  const children: ElementContent[] = [];
  if (marks.length > 0) children.push(h('div', { className: ['gw-marks'] }, marks));
  // A 命令 has no title: its 标志 (…令) is the page's heading.
  children.push(h(meta.title === undefined && gongwen.format === '命令' ? 'h1' : 'p', { className: ['gw-issuer-mark'] }, mark));
  if (number.length > 0) children.push(h('p', { className: ['gw-number-line', ...(signers.length > 0 ? ['gw-upward'] : [])] }, number));
  // The separator (信函: the red double line under the 标志; 命令 has none), decorative.
  if (gongwen.format === '信函') children.push(letterLines('gw-letter-lines', 'thick-first'));
  else if (gongwen.format !== '命令') children.push(h('div', { className: ['gw-rule'], ariaHidden: 'true' }));
  // The 标志's size places the lines under it too, and 信函 puts the 发文字号 beside the first of
  // the 份号, 密级 and 紧急程度: set on the header, for all of them.
  return h('header', { className: ['gw-head', `gw-format-${FORMAT_SLUGS[gongwen.format]}`], style: `--gw-mark-size: ${issuerMarkSizePt(mark)}pt; --gw-marks: ${Math.max(marks.length, number.length > 0 ? 1 : 0)}` }, children);
}

/** 信函's red double line: upper thick and lower thin under the 标志, the reverse at the page's foot (its middle part, the type area's width, in the header). */
export function letterLines(className: string, order: 'thick-first' | 'thin-first'): Element {
  const [first, second] = order === 'thick-first' ? [LETTER_THICK_MM, LETTER_THIN_MM] : [LETTER_THIN_MM, LETTER_THICK_MM];
  return h('svg', { className: [className], ariaHidden: 'true', focusable: 'false', viewBox: `0 0 170 ${LETTER_LINES_MM}`, preserveAspectRatio: 'none' }, [
    h('rect', { x: '0', y: '0', width: '170', height: String(first) }),
    h('rect', { x: '0', y: String(first + LETTER_GAP_MM), width: '170', height: String(second) }),
  ]);
}

/** The same double line as a standalone red SVG image (for the page's margin boxes). */
export function letterLinesSvg(order: 'thick-first' | 'thin-first'): string {
  const [first, second] = order === 'thick-first' ? [LETTER_THICK_MM, LETTER_THIN_MM] : [LETTER_THIN_MM, LETTER_THICK_MM];
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 170 ${LETTER_LINES_MM}" preserveAspectRatio="none"><rect width="170" height="${first}" fill="#e60012"/><rect y="${first + LETTER_GAP_MM}" width="170" height="${second}" fill="#e60012"/></svg>`;
}

/** 信函's double lines (GB/T 9704 10.3 says upper thick, lower thin, not how thick): 1.5 pt and 0.5 pt, 1 pt apart, in mm. */
const LETTER_THICK_MM = 0.53;
const LETTER_THIN_MM = 0.18;
const LETTER_GAP_MM = 0.35;
/** The double line's whole height, mm. */
export const LETTER_LINES_MM = LETTER_THICK_MM + LETTER_GAP_MM + LETTER_THIN_MM;

/** The title: in print broken into lines between words (shaped as GB/T 9704 asks); on screen with break opportunities only between words. */
export function gongwenTitle(title: string, variant: 'screen' | 'print'): Element {
  if (variant === 'print') {
    const lines = breakTitle(title, TITLE_CHARS_PER_LINE);
    const children: ElementContent[] = [];
    lines.forEach((line, index) => {
      if (index > 0) children.push(h('br'));
      children.push({ type: 'text', value: line });
    });
    return h('h1', { className: ['title', 'gw-title'] }, children);
  }
  const children: ElementContent[] = [];
  let start = 0;
  for (const offset of [...titleBreakOpportunities(title), title.length]) {
    if (offset <= start) continue;
    if (start > 0) children.push(h('wbr'));
    children.push({ type: 'text', value: title.slice(start, offset) });
    start = offset;
  }
  return h('h1', { className: ['title', 'gw-title'] }, children);
}

/** The 附件说明: `附件：1.名称`, the later names aligned under the first. */
function attachmentNote(gongwen: GongwenMeta): Element | undefined {
  const names = gongwen.attachments;
  if (names.length === 0) return undefined;
  const items = names.map((name, index) =>
    h('li', names.length > 1 ? [h('span', { className: ['gw-attachment-number'] }, `${index + 1}.`), h('span', { className: ['gw-attachment-name'] }, name)] : [h('span', { className: ['gw-attachment-name'] }, name)]),
  );
  return h('div', { className: ['gw-attachment-note'] }, [h('span', { className: ['gw-attachment-label'] }, '附件：'), h('ol', { className: ['gw-attachment-list'] }, items)]);
}

/** 署名, 成文日期 and 印章 (with a seal: the date four characters in and the seal over both; without: the no-seal layout). */
function signOff(meta: ReportMeta, gongwen: GongwenMeta, sealSrc: string | undefined): Element | undefined {
  const lines: ElementContent[] = gongwen.signatures.map((signature) => h('p', { className: ['gw-signature'] }, signature));
  if (meta.date) lines.push(h('p', { className: ['gw-date'] }, [h('span', { className: ['sr-only'] }, '成文日期：'), h('time', { dateTime: meta.date }, displayDate(meta.date, 'zh'))]));
  if (lines.length === 0) return undefined;
  // The seal lies over the 署名 and date, centred on them: inside their box.
  if (sealSrc) lines.push(h('img', { className: ['gw-seal'], src: sealSrc, alt: `印章：${gongwen.signatures.join('、')}` }));
  return h('div', { className: ['gw-signoff', sealSrc ? 'gw-sealed' : 'gw-unsealed'] }, [h('div', { className: ['gw-signoff-lines'] }, lines)]);
}

/** 纪要: 出席, 请假 and 列席, each a label in 黑体 and its names, later lines under the first name. */
function attendance(gongwen: GongwenMeta): Element | undefined {
  const groups = ([['出席', gongwen.attendees], ['请假', gongwen.onLeave], ['列席', gongwen.observers]] as const).filter(([, names]) => names.length > 0);
  if (groups.length === 0) return undefined;
  return h(
    'dl',
    { className: ['gw-attendance'] },
    groups.flatMap(([label, names]) => [h('dt', `${label}：`), h('dd', names.join('，'))]),
  );
}

/** The 附注, in full-width brackets. */
function note(gongwen: GongwenMeta): Element | undefined {
  if (!gongwen.note) return undefined;
  const text = /^（.*）$/.test(gongwen.note) ? gongwen.note : `（${gongwen.note}）`;
  return h('p', { className: ['gw-note'] }, text);
}

/**
 * The 主体 of a 公文 from the rendered content: the title and 主送机关 first, then the text up to
 * the first `# 附件n`, the 附件说明, 署名, 成文日期 and 附注, then each attachment as a section
 * (its 附件 mark, its name from the 附件说明 as its title, its text).
 */
export function gongwenMain(meta: ReportMeta, gongwen: GongwenMeta, content: ElementContent[], variant: 'screen' | 'print', sealSrc?: string, titleFromHeading?: string): ElementContent[] {
  const main: ElementContent[] = [];
  // A title written as the source's one top heading: set as the front matter's would be.
  if (!meta.title && titleFromHeading !== undefined) {
    const index = content.findIndex((node) => node.type === 'element' && node.tagName === 'h1');
    if (index !== -1) content = [...content.slice(0, index), ...content.slice(index + 1)];
  }
  const title = meta.title ?? titleFromHeading;
  if (title) main.push(gongwenTitle(title, variant));
  if (gongwen.recipients) main.push(h('p', { className: ['gw-recipients'] }, gongwen.recipients));
  const firstAttachment = content.findIndex(isAttachmentMark);
  const body = firstAttachment === -1 ? content : content.slice(0, firstAttachment);
  main.push(...body);
  for (const part of [attachmentNote(gongwen), attendance(gongwen), signOff(meta, gongwen, sealSrc), note(gongwen)]) if (part) main.push(part);
  if (firstAttachment === -1) return main;
  let section: Element | undefined;
  // A single attachment is marked 附件, without a number (GB/T 9704 7.3.4).
  const single = content.filter(isAttachmentMark).length === 1 && gongwen.attachments.length <= 1;
  for (const node of content.slice(firstAttachment)) {
    if (isAttachmentMark(node)) {
      const number = attachmentNumberOfText(toString(node)) ?? 1;
      node.properties.className = ['gw-attachment-mark'];
      if (single) node.children = [{ type: 'text', value: '附件' }];
      const name = gongwen.attachments[number - 1];
      const title = name ? gongwenTitle(name, variant) : undefined;
      if (title) {
        title.tagName = 'p';
        title.properties.className = ['gw-attachment-title'];
      }
      section = h('section', { className: ['gw-attachment'], ariaLabel: `附件${number}` }, [node, ...(title ? [title] : [])]);
      main.push(section);
    } else if (section) {
      section.children.push(node);
    }
  }
  return main;
}

/** A top-level `# 附件n` heading of the source, as rendered (an `h2` under the title). */
function isAttachmentMark(node: ElementContent): node is Element {
  return node.type === 'element' && node.tagName === 'h2' && attachmentNumberOfText(toString(node)) !== undefined;
}

/** The 版记 as the page's footer: 抄送机关, 印发机关 and 印发日期 between its rules. */
export function gongwenRecord(gongwen: GongwenMeta): Element | undefined {
  const rows: Element[] = [];
  if (gongwen.cc.length > 0) rows.push(h('p', { className: ['gw-cc'] }, [h('span', { className: ['gw-cc-label'] }, '抄送：'), `${gongwen.cc.join('，').replace(/[。．.，,；;、]+$/u, '')}。`]));
  if (gongwen.printer || gongwen.printDate) {
    rows.push(
      h('p', { className: ['gw-printed'] }, [
        h('span', { className: ['gw-printer'] }, gongwen.printer ?? ''),
        h('span', { className: ['gw-print-date'] }, gongwen.printDate ? [h('time', { dateTime: gongwen.printDate }, displayDate(gongwen.printDate, 'zh')), '印发'] : []),
      ]),
    );
  }
  if (rows.length === 0) return undefined;
  rows.forEach((row, index) => {
    row.children.unshift(recordRule('above', index === 0 ? RULE_THICK_MM : RULE_THIN_MM));
    if (index === rows.length - 1) row.children.push(recordRule('below', RULE_THICK_MM));
  });
  return h('footer', { className: ['gw-record'], ariaLabel: '版记' }, rows);
}

/**
 * One of the 版记's rules (0.35 mm first and last, 0.25 mm between the rows), drawn in the gap
 * its row leaves above or below itself, as a rectangle at the edge of an SVG 2 mm tall: Chromium
 * snaps the edges of every box — a border, a background, an SVG's own box — to whole pixels
 * (0.35 and 0.25 mm would print 0.26 or 0.53 mm), not the shapes inside an SVG. A row of any
 * number of lines keeps its rules at its edges.
 */
function recordRule(side: 'above' | 'below', thicknessMm: number): Element {
  // At the bottom of its box either way: a box reaching below the last row would run past the
  // page's end, and Chromium would start a page for it.
  const y = RULE_BOX_MM - thicknessMm;
  return h('svg', { className: ['gw-record-rule', `gw-record-rule-${side}`], ariaHidden: 'true', focusable: 'false', viewBox: `0 0 156 ${RULE_BOX_MM}`, preserveAspectRatio: 'none' }, [
    h('rect', { x: '0', y: String(y), width: '156', height: String(thicknessMm) }),
  ]);
}

/** The 版记's first and last rules, and those between its rows (GB/T 9704 10.1), mm; the SVG box each is drawn in. */
const RULE_THICK_MM = 0.35;
const RULE_THIN_MM = 0.25;
const RULE_BOX_MM = 2;

/** Ids of the marks before and after the 版记 in the print page: the PDF says where they landed, so how tall the 版记 is. */
export const RECORD_START_ID = 'gw-record-start';
export const RECORD_END_ID = 'gw-record-end';

/** Id of the mark at the end of a 公文's text in the print page, a link target (so the PDF says where it landed). */
export const BODY_END_ID = 'gw-body-end';
/** Id of the print page's stylesheet that places the 版记 (written by the PDF renderer after a first print). */
export const RECORD_LAYOUT_ID = 'gw-record-layout';

/**
 * The print page's 版记: a mark where the text ends, then the 版记 in a box the PDF renderer
 * places on the last, even page. The mark stays outside the box: the box is never split, and a
 * box that does not fit moves to the next page, which is not where the text ends.
 */
export function printRecord(record: Element): Element[] {
  return [
    markLink(BODY_END_ID),
    // A page left blank before a 版记 page of its own, when one is needed (Chromium does not insert one for `break-before: left`).
    h('div', { className: ['gw-blank-page'], ariaHidden: 'true' }),
    h('div', { className: ['gw-record-page'] }, [h('div', { className: ['gw-record-spacer'] }), markLink(RECORD_START_ID), record, markLink(RECORD_END_ID)]),
  ];
}

/** A mark of the print page: a link to itself, whose annotation in the PDF says where it landed (`.gw-mark` in print.css: 0.5 pt tall). */
function markLink(id: string): Element {
  return h('div', { id, className: ['gw-mark'] }, [h('a', { href: `#${id}`, tabIndex: -1, ariaHidden: 'true' })]);
}
