/**
 * Fields (`w:fldChar` … `w:instrText` … and `w:fldSimple`): a table of contents is generated, so
 * its shown entries are left out and the front matter gets `toc: true`; REF, PAGEREF, SEQ and
 * NOTEREF keep their shown text quietly, HYPERLINK becomes a link, any other field keeps its
 * shown text with a warning.
 */
import { type FieldFrame, type ReadContext, warn } from './context.ts';
import { crossrefLabelOf } from '../../render/docx/bookmarks.ts';

/** The replacement of the innermost field whose result is being read, once: then it is written. */
export function takeReplacement(context: ReadContext): string | undefined {
  const frame = context.fields.at(-1);
  const replacement = frame?.phase === 'result' ? frame.replacement : undefined;
  if (frame && replacement !== undefined) delete frame.replacement;
  return replacement;
}

const QUIET_FIELDS = new Set(['REF', 'PAGEREF', 'SEQ', 'NOTEREF', 'STYLEREF']);

/** The field's name: the first word of its instruction, upper case. */
function fieldName(instruction: string): string {
  return (/^\s*([A-Za-z]+)/.exec(instruction)?.[1] ?? '').toUpperCase();
}

/** Decide what a field's result becomes, when its instruction is complete. */
export function startResult(frame: FieldFrame, context: ReadContext): void {
  frame.phase = 'result';
  const name = fieldName(frame.instruction);
  if (name === 'TOC') {
    context.toc = true;
    frame.skip = true;
  } else if (name === 'HYPERLINK') {
    const target = /HYPERLINK\s+"([^"]*)"/i.exec(frame.instruction)?.[1];
    const anchor = /\\l\s+"([^"]*)"/.exec(frame.instruction)?.[1];
    if (target) frame.link = target;
    else if (anchor) frame.link = `#${anchor}`;
  } else if (name === 'REF' && context.options.crossReferences === true) {
    // A reference press build wrote to a numbered target: the reference as the source writes it.
    const label = crossrefLabelOf(/^\s*REF\s+(\S+)/i.exec(frame.instruction)?.[1] ?? '');
    if (label !== undefined && /^(?:fig|tbl|eq|sec)-/.test(label)) {
      frame.skip = true;
      frame.replacement = `@${label}`;
    }
  } else if (name !== '' && !QUIET_FIELDS.has(name)) {
    warn(context, 'import-unsupported', { kind: 'field', detail: name });
  }
}

/** Handle one `w:fldChar` of type begin, separate or end. */
export function fieldChar(type: string | undefined, context: ReadContext): void {
  if (type === 'begin') context.fields.push({ instruction: '', phase: 'instruction', skip: false });
  else if (type === 'separate') {
    const frame = context.fields.at(-1);
    if (frame && frame.phase === 'instruction') startResult(frame, context);
  } else if (type === 'end') {
    const frame = context.fields.pop();
    // A field with no separate (no shown result) still counts: a TOC not yet updated.
    if (frame && frame.phase === 'instruction') startResult(frame, context);
  }
}

/** Whether content read now is shown: not inside an instruction, not in a generated result. */
export function fieldShows(context: ReadContext): boolean {
  return context.fields.every((frame) => frame.phase === 'result' && !frame.skip);
}

/** The link of the innermost HYPERLINK field being shown, if any. */
export function fieldLink(context: ReadContext): string | undefined {
  for (let index = context.fields.length - 1; index >= 0; index--) {
    const link = context.fields[index]?.link;
    if (link !== undefined) return link;
  }
  return undefined;
}
