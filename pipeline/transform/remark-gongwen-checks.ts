import type { Heading, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { SourceEdit } from '../fix/apply-fixes.ts';
import { lineStarts } from '../fix/source-offsets.ts';
import type { GongwenMeta } from '../gongwen/meta.ts';
import { flag, type Place } from '../util/messages.ts';

/** A year in brackets of any kind: `〔2024〕`, `[2024]`, `（2024）`, `【24】`, `[2024〕`… */
const BRACKETED_YEAR = /([[(（【〈〔［〖<《])(\d+)([\])）】〉〕］〗>》])/;
/** The sequence number and its 号, with a 第 written before it. */
const SEQUENCE = /(第\s*)?(\d+)\s*号/;
/** Marks a 主送机关 may wrongly end in, which the full-width colon replaces. */
const WRONG_RECIPIENTS_END = /^[:∶︰﹕，,；;、。.]$/;
/** Punctuation that must not end an attachment's name (closing brackets and quotes belong to it). */
const NAME_END_PUNCTUATION = /^[。．，、；：！？.,;:!?…—―－\-～~]$/;

/** Where the source writes the meta's texts, to point at them and to edit them. */
interface Sources {
  file: VFile;
  source: string;
  starts: number[];
  places: NonNullable<GongwenMeta['places']>;
  edits: SourceEdit[];
}

/**
 * In a 公文 (template `gongwen`), check what GB/T 9704-2012 requires of the front matter's 公文
 * elements and the `# 附件n` sections (marked by `remarkGongwenAttachments`, which runs before):
 *
 * - `gongwen-signer-missing`: a 上行文 — a title ending in 请示 or 报告, or saying 请示 — without 签发人;
 * - `gongwen-doc-number`: a 发文字号 whose year is not in 〔〕 (fixed in the source), is not written
 *   in full, or whose sequence number has a 第 or a leading zero (reported only);
 * - `gongwen-recipients-colon`: a 主送机关 not ending in a full-width colon (fixed);
 * - `gongwen-attachments-mismatch`: the 附件说明 (`attachments`) and the sections disagree;
 * - `gongwen-attachment-punctuation`: an attachment's name ending in punctuation.
 *
 * Messages point at the front-matter value concerned (or the heading); fixes are source edits in
 * the YAML value, made only where the source writes the value as read (no escapes, one line).
 * Dates in Chinese numerals (`gongwen-date-numerals`) are reported by the front matter's reader.
 */
export function remarkGongwenChecks() {
  return (tree: Root, file: VFile): void => {
    const meta = file.data.meta;
    const gongwen = meta?.gongwen;
    if (meta?.template !== 'gongwen' || !gongwen) return;
    const source = String(file.value);
    const sources: Sources = { file, source, starts: lineStarts(source), places: gongwen.places ?? {}, edits: [] };
    checkSigner(tree, gongwen, sources);
    // A 命令's 令号 is written 第1号 (GB/T 9704 10.2): only the 发文字号 of the other formats has no 第.
    if (gongwen.docNumber !== undefined) checkDocNumber(gongwen.docNumber, sources, gongwen.format !== '命令');
    if (gongwen.recipients !== undefined) checkRecipients(gongwen.recipients, sources);
    checkAttachments(tree, gongwen.attachments, sources);
    if (sources.edits.length > 0) (file.data.fixes ??= []).push(...sources.edits);
  };
}

/** Source offset of `text` in the front-matter line of `key`'s value, from the value's start; undefined when it is not written there as such. */
function valueOffset(sources: Sources, key: string, text: string): number | undefined {
  const place = sources.places[key];
  const lineStart = place === undefined ? undefined : sources.starts[place.line - 1];
  if (place === undefined || lineStart === undefined) return undefined;
  const from = lineStart + place.column - 1;
  const at = sources.source.slice(from, sources.starts[place.line] ?? sources.source.length).indexOf(text);
  return at < 0 ? undefined : from + at;
}

/** A 上行文 (请示, 报告) names its 签发人 (GB/T 9704 7.2.6). */
function checkSigner(tree: Root, gongwen: GongwenMeta, sources: Sources): void {
  const title = sources.file.data.title;
  if (gongwen.signers.length > 0 || !title || title.source === 'file-name') return;
  const text = title.text.trim();
  const kind = text.includes('请示') ? '请示' : text.endsWith('报告') ? '报告' : undefined;
  if (kind === undefined) return;
  const place: Place = title.source === 'front-matter' ? sources.places['title'] : tree.children[0];
  flag(sources.file, 'gongwen-signer-missing', place, { title: text, kind });
}

/** 发文字号 (GB/T 9704 7.2.5): `秦政〔2024〕1号` — year in full in 〔〕, no 第, no leading zero. */
function checkDocNumber(value: string, sources: Sources, noDi: boolean): void {
  const place = sources.places['doc-number'];
  const year = BRACKETED_YEAR.exec(value);
  if (year) {
    const [written, open = '', digits = '', close = ''] = year;
    if (open !== '〔' || close !== '〕') {
      const fixed = `〔${digits}〕`;
      flag(sources.file, 'gongwen-doc-number', place, { value, problem: 'brackets', written, fixed });
      const offset = valueOffset(sources, 'doc-number', value);
      if (offset !== undefined) {
        const at = offset + year.index;
        if (open !== '〔') sources.edits.push({ offset: at, old: open, new: '〔', ruleId: 'gongwen-doc-number' });
        if (close !== '〕') sources.edits.push({ offset: at + open.length + digits.length, old: close, new: '〕', ruleId: 'gongwen-doc-number' });
      }
    }
    if (digits.length < 4) flag(sources.file, 'gongwen-doc-number', place, { value, problem: 'two-digit-year', written: `〔${digits}〕`, fixed: '' });
  }
  const sequence = SEQUENCE.exec(value);
  if (!sequence) return;
  const [written, di, digits = ''] = sequence;
  const fixed = `${Number(digits)}号`;
  if (di !== undefined && noDi) flag(sources.file, 'gongwen-doc-number', place, { value, problem: 'di', written, fixed });
  else if (/^0\d/.test(digits)) flag(sources.file, 'gongwen-doc-number', place, { value, problem: 'leading-zero', written, fixed });
}

/** 主送机关 (GB/T 9704 7.3.2) ends in a full-width colon: a wrong mark is replaced by it, else it is appended. */
function checkRecipients(value: string, sources: Sources): void {
  const last = [...value].at(-1) ?? '';
  if (last === '：') return;
  const wrong = WRONG_RECIPIENTS_END.test(last) ? last : undefined;
  flag(sources.file, 'gongwen-recipients-colon', sources.places['recipients'], { value, end: wrong });
  const offset = valueOffset(sources, 'recipients', value);
  if (offset === undefined) return;
  sources.edits.push({ offset: offset + value.length - last.length, old: last, new: wrong === undefined ? `${last}：` : '：', ruleId: 'gongwen-recipients-colon' });
}

/** The 附件说明 (GB/T 9704 7.3.4) lists the `# 附件n` sections, numbered 1, 2, 3…, each name without punctuation after it. */
function checkAttachments(tree: Root, entries: readonly string[], sources: Sources): void {
  const entryPlace = (index: number): Place => sources.places[`attachments.${index}`] ?? sources.places['attachments'];
  const sections = tree.children.filter((node): node is Heading => node.type === 'heading' && node.data?.attachment !== undefined);
  const seen = new Set<number>();
  sections.forEach((heading, index) => {
    const number = heading.data?.attachment ?? 0;
    const expected = index + 1;
    if (seen.has(number)) flag(sources.file, 'gongwen-attachments-mismatch', heading, { kind: 'duplicate', number, expected });
    else if (number !== expected) flag(sources.file, 'gongwen-attachments-mismatch', heading, { kind: 'order', number, expected });
    if (!seen.has(number) && number > entries.length) flag(sources.file, 'gongwen-attachments-mismatch', heading, { kind: 'no-entry', number, count: entries.length });
    seen.add(number);
  });
  entries.forEach((name, index) => {
    const number = index + 1;
    if (sections.length > 0 && !seen.has(number)) flag(sources.file, 'gongwen-attachments-mismatch', entryPlace(index), { kind: 'no-section', number, name });
    const mark = [...name.trim()].at(-1) ?? '';
    if (NAME_END_PUNCTUATION.test(mark)) flag(sources.file, 'gongwen-attachment-punctuation', entryPlace(index), { number, name, mark });
  });
}
