/**
 * The inline content of a paragraph, element by element: handler maps keyed by OOXML element for
 * the paragraph's children (runs, hyperlinks, tracked changes, comment ranges, bookmarks, fields)
 * and for a run's children (text, breaks, tabs, notes, drawings). Each gives atoms
 * (`context.ts`), grouped into phrasing by `inline.ts`.
 */
import type { Element } from '@xmldom/xmldom';
import type { Attribution } from '../../critic/syntax.ts';
import type { Atom, Change, LinkTarget, ReadContext, RunLook } from './context.ts';
import { warn } from './context.ts';
import { drawingAtoms, vmlAtoms } from './drawing.ts';
import { fieldChar, fieldLink, fieldShows, startResult, takeReplacement } from './fields.ts';
import { CHARACTER_STYLE_MARKS, fontOf, type Marks, marksOfRunProperties, mergeMarks, sizeOf } from './formatting.ts';
import { attribute, childElement, childElements, childValue, nameOf, plainText } from './xml.ts';
import { ommlToTex } from './omml-tex.ts';
import { citationBookmarkIndex } from '../../render/docx/citation-sources.ts';

/** Where inline content is read: the change and link it is inside. */
export interface InlineState {
  change?: Change;
  link?: LinkTarget;
  /** Runs' formatting, collected for heading and title recognition. */
  looks: RunLook[];
}

/** A Word date (`2024-12-01T09:30:00Z`) as CriticMarkup writes it: the day alone at midnight, else to the second. */
export function changeDate(date: string | undefined): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?)?/.exec(date ?? '');
  if (!match) return undefined;
  const [, day, time, zone] = match;
  if (time === undefined || /^00:00(:00)?$/.test(time)) return day;
  return `${day}T${time}${zone ?? ''}`;
}

/** Author and date of a tracked change or comment element. */
export function attributionOf(element: Element): Attribution {
  const attribution: Attribution = {};
  const author = attribute(element, 'w:author')?.trim();
  if (author) attribution.author = author;
  const date = changeDate(attribute(element, 'w:date'));
  if (date) attribution.date = date;
  return attribution;
}

function moveName(element: Element): string {
  return attribute(element, 'w:name') ?? attribute(element, 'w:id') ?? '';
}

type ParagraphHandler = (element: Element, context: ReadContext, state: InlineState) => Atom[];

const inside: ParagraphHandler = (element, context, state) => inlineAtoms(element, context, state);
const nothing: ParagraphHandler = () => [];

function changeHandler(kind: 'insert' | 'delete', move: boolean): ParagraphHandler {
  return (element, context, state) => {
    const change: Change = { kind, attribution: attributionOf(element) };
    if (move) change.move = context.currentMove ?? moveName(element);
    return inlineAtoms(element, context, { ...state, change });
  };
}

const PARAGRAPH_HANDLERS: Readonly<Record<string, ParagraphHandler>> = {
  'w:r': (element, context, state) => runAtoms(element, context, state),
  'w:hyperlink': (element, context, state) => {
    const id = attribute(element, 'r:id');
    const anchor = attribute(element, 'w:anchor');
    const relationship = id === undefined ? undefined : context.rels.get(id);
    let link: LinkTarget | undefined;
    if (relationship !== undefined) link = { url: relationship.target + (anchor ? `#${anchor}` : '') };
    else if (anchor) {
      // A citation press build wrote: its bookmark `cite_<n>` around the hyperlink (or, moved by a word processor, inside it).
      const citation = [...context.openCitations.values()].at(-1) ?? childElements(element, 'w:bookmarkStart').map((start) => citationBookmarkIndex(attribute(start, 'w:name'))).find((index) => index !== undefined);
      link = citation === undefined ? { bookmark: anchor } : { bookmark: anchor, citation };
    }
    return inlineAtoms(element, context, link === undefined ? state : { ...state, link });
  },
  'w:ins': changeHandler('insert', false),
  'w:del': changeHandler('delete', false),
  'w:moveTo': changeHandler('insert', true),
  'w:moveFrom': changeHandler('delete', true),
  'w:moveFromRangeStart': (element, context) => {
    context.currentMove = moveName(element);
    return [];
  },
  'w:moveToRangeStart': (element, context) => {
    context.currentMove = moveName(element);
    return [];
  },
  // A range's end ends its name: a later move outside any range must not take it.
  'w:moveFromRangeEnd': (_element, context) => {
    delete context.currentMove;
    return [];
  },
  'w:moveToRangeEnd': (_element, context) => {
    delete context.currentMove;
    return [];
  },
  'w:smartTag': inside,
  'w:customXml': inside,
  'w:dir': inside,
  'w:bdo': inside,
  'w:sdt': (element, context, state) => {
    const content = childElement(element, 'w:sdtContent');
    return content === undefined ? [] : inlineAtoms(content, context, state);
  },
  'w:fldSimple': (element, context, state) => {
    const frame = { instruction: attribute(element, 'w:instr') ?? '', phase: 'instruction' as const, skip: false };
    context.fields.push(frame);
    startResult(frame, context);
    const replacement = takeReplacement(context);
    const atoms = replacement === undefined ? inlineAtoms(element, context, state) : [nodeAtom({ type: 'text', value: replacement }, {}, state)];
    context.fields.pop();
    return atoms;
  },
  'w:bookmarkStart': (element, context) => {
    const name = attribute(element, 'w:name');
    if (name !== undefined && context.paragraphElement !== undefined && !context.bookmarks.has(name)) context.bookmarks.set(name, context.paragraphElement);
    const citation = context.citationSources.citations.size > 0 ? citationBookmarkIndex(name) : undefined;
    if (citation !== undefined) context.openCitations.set(attribute(element, 'w:id') ?? '', citation);
    return [];
  },
  'w:bookmarkEnd': (element, context) => {
    context.openCitations.delete(attribute(element, 'w:id') ?? '');
    return [];
  },
  'w:commentRangeStart': (element) => [{ kind: 'commentStart', id: attribute(element, 'w:id') ?? '' }],
  'w:commentRangeEnd': (element) => [{ kind: 'commentEnd', id: attribute(element, 'w:id') ?? '' }],
  'm:oMath': (element, context, state) => mathAtoms(element, context, state),
  'm:oMathPara': (element, context, state) => mathAtoms(element, context, state),
  'mc:AlternateContent': (element, context, state) => {
    const choice = childElement(element, 'mc:Choice') ?? childElement(element, 'mc:Fallback');
    return choice === undefined ? [] : inlineAtoms(choice, context, state);
  },
  'w:pPr': nothing,
  'w:proofErr': nothing,
  'w:permStart': nothing,
  'w:permEnd': nothing,
};

/** An equation (`m:oMath`), or each of a display group's (`m:oMathPara`): inline math in TeX (`omml-tex.ts`). */
function mathAtoms(element: Element, _context: ReadContext, state: InlineState): Atom[] {
  const display = nameOf(element) === 'm:oMathPara';
  return (display ? childElements(element, 'm:oMath') : [element]).flatMap((formula) => {
    const value = ommlToTex(formula);
    return value === '' ? [] : [nodeAtom({ type: 'inlineMath', value, ...(display ? { data: { display: true } } : {}) }, {}, state)];
  });
}

/** The atoms of an element's inline children (a paragraph, a hyperlink, a change…). */
export function inlineAtoms(parent: Element, context: ReadContext, state: InlineState): Atom[] {
  const atoms: Atom[] = [];
  for (const child of childElements(parent)) {
    const handler = PARAGRAPH_HANDLERS[nameOf(child)];
    if (handler !== undefined) {
      for (const atom of handler(child, context, state)) atoms.push(atom);
    } else {
      // Unknown inline markup (a newer Word's element): keep its text.
      const text = plainText(child);
      if (text !== '' && fieldShows(context)) atoms.push(nodeAtom({ type: 'text', value: text }, {}, state));
    }
  }
  return atoms;
}

function nodeAtom(node: Extract<Atom, { kind: 'node' }>['node'], marks: Marks, state: InlineState): Atom {
  const atom: Extract<Atom, { kind: 'node' }> = { kind: 'node', node, marks };
  if (state.change) atom.change = state.change;
  if (state.link) atom.link = state.link;
  return atom;
}

/** The marks of a run: its character style's, then its direct formatting. */
function runMarks(rPr: Element | undefined, context: ReadContext): Marks {
  const styleId = childValue(rPr, 'w:rStyle');
  let marks: Marks = {};
  if (styleId !== undefined) {
    const style = context.styles.byId.get(styleId);
    marks = { ...(style?.marks ?? {}) };
    const named = CHARACTER_STYLE_MARKS[styleId as keyof typeof CHARACTER_STYLE_MARKS] ?? CHARACTER_STYLE_MARKS[(style?.name ?? '').replace(/\s+/g, '') as keyof typeof CHARACTER_STYLE_MARKS];
    if (named !== undefined) marks[named] = true;
  }
  return mergeMarks(marks, marksOfRunProperties(rPr));
}

type RunHandler = (element: Element, context: ReadContext, state: InlineState, marks: Marks) => Atom[];

const text: RunHandler = (element, _context, state, marks) => {
  const value = element.textContent ?? '';
  return value === '' ? [] : [nodeAtom({ type: 'text', value }, marks, state)];
};
const character =
  (value: string): RunHandler =>
  (_element, _context, state, marks) => [nodeAtom({ type: 'text', value }, marks, state)];

const RUN_HANDLERS: Readonly<Record<string, RunHandler>> = {
  'w:t': text,
  'w:delText': text,
  'w:tab': character('\t'),
  'w:ptab': character('\t'),
  'w:noBreakHyphen': character('\u2011'),
  'w:br': (element, _context, state) => (['page', 'column'].includes(attribute(element, 'w:type') ?? '') ? [] : [nodeAtom({ type: 'break' }, {}, state)]),
  'w:cr': (_element, _context, state) => [nodeAtom({ type: 'break' }, {}, state)],
  'w:sym': (element, _context, state, marks) => {
    const code = Number.parseInt(attribute(element, 'w:char') ?? '', 16);
    if (!Number.isFinite(code)) return [];
    return [nodeAtom({ type: 'text', value: String.fromCodePoint(code >= 0xf000 ? code - 0xf000 : code) }, marks, state)];
  },
  'w:footnoteReference': (element, context, state) => {
    const node = context.noteReference('footnote', attribute(element, 'w:id') ?? '');
    return node === undefined ? [] : [nodeAtom(node, {}, state)];
  },
  'w:endnoteReference': (element, context, state) => {
    const node = context.noteReference('endnote', attribute(element, 'w:id') ?? '');
    return node === undefined ? [] : [nodeAtom(node, {}, state)];
  },
  'w:drawing': (element, context, state) => drawingAtoms(element, context).map((atom) => (atom.kind === 'node' ? { ...atom, ...(state.change ? { change: state.change } : {}), ...(state.link ? { link: state.link } : {}) } : atom)),
  'w:pict': (element, context, state) => vmlAtoms(element, context).map((atom) => (atom.kind === 'node' && state.change ? { ...atom, change: state.change } : atom)),
  'w:object': (element, context) => vmlAtoms(element, context),
  'w:commentReference': (element) => [{ kind: 'commentRef', id: attribute(element, 'w:id') ?? '' }],
  'mc:AlternateContent': (element, context, state, marks) => {
    const choice = childElement(element, 'mc:Choice') ?? childElement(element, 'mc:Fallback');
    return choice === undefined ? [] : runChildren(choice, context, state, marks);
  },
};

function runChildren(run: Element, context: ReadContext, state: InlineState, marks: Marks): Atom[] {
  const atoms: Atom[] = [];
  for (const child of childElements(run)) {
    const name = nameOf(child);
    if (name === 'w:fldChar') {
      fieldChar(attribute(child, 'w:fldCharType'), context);
      const replacement = takeReplacement(context);
      if (replacement !== undefined) atoms.push(nodeAtom({ type: 'text', value: replacement }, marks, state));
      continue;
    }
    if (name === 'w:instrText') {
      const frame = context.fields.at(-1);
      if (frame && frame.phase === 'instruction') frame.instruction += child.textContent ?? '';
      continue;
    }
    if (!fieldShows(context)) continue;
    const handler = RUN_HANDLERS[name];
    if (handler === undefined) continue;
    const link = fieldLink(context);
    const inner = link === undefined || state.link !== undefined ? state : { ...state, link: link.startsWith('#') ? { bookmark: link.slice(1) } : { url: link } };
    atoms.push(...handler(child, context, inner, marks));
  }
  return atoms;
}

/** The atoms of a run (`w:r`), recording its look for heading recognition. */
export function runAtoms(run: Element, context: ReadContext, state: InlineState): Atom[] {
  const rPr = childElement(run, 'w:rPr');
  const marks = runMarks(rPr, context);
  const atoms = runChildren(run, context, state, marks);
  const shown = atoms.map((atom) => (atom.kind === 'node' && atom.node.type === 'text' ? atom.node.value : '')).join('');
  if (shown.trim() !== '') {
    const style = context.styles.byId.get(childValue(rPr, 'w:rStyle') ?? '');
    const look: RunLook = { text: shown, bold: marks.strong === true };
    const font = fontOf(rPr) ?? fontOf(style?.runProperties);
    if (font !== undefined) look.font = font;
    const size = sizeOf(rPr) ?? sizeOf(style?.runProperties);
    if (size !== undefined) look.size = size;
    state.looks.push(look);
  }
  return atoms;
}
