/**
 * CriticMarkup as a micromark syntax extension (see `syntax.ts` for the syntax itself).
 *
 * Markers are tokenized where they stand in inline content, and paired afterwards, as GFM
 * strikethrough is: `{++` `{--` `{~~` `{==` open, `++}` `--}` `~~}` `==}` close, `~>` splits a
 * substitution. The text between keeps its Markdown (`{++**加粗**++}`), code spans and code
 * blocks hold no markers (their own tokenizers consume them first), and a backslash before a
 * marker's first character keeps it literal (the character escape consumes that character).
 * A comment `{>>…<<}` is one token, its content raw text with backslash escapes; written right
 * after a change or a highlight it becomes that change's attribution.
 *
 * Pairing: an opener pairs with the nearest closer of its kind at the same nesting depth (not
 * across a link's or an emphasis's boundary). An opener left unpaired becomes a
 * `criticUnclosed` token, which the tree turns into text marked for an error; a closer left
 * unpaired is plain text.
 */
import type { Code, Construct, Event, Extension, State, Token, TokenizeContext, Tokenizer } from 'micromark-util-types';

/** The kinds of paired CriticMarkup span. */
export type CriticKind = 'insert' | 'delete' | 'substitute' | 'highlight' | 'comment';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    criticMarkerTemporary: 'criticMarkerTemporary';
    criticMarker: 'criticMarker';
    criticInsert: 'criticInsert';
    criticDelete: 'criticDelete';
    criticSubstitute: 'criticSubstitute';
    criticHighlight: 'criticHighlight';
    criticContent: 'criticContent';
    criticInserted: 'criticInserted';
    criticComment: 'criticComment';
    criticCommentMarker: 'criticCommentMarker';
    criticCommentValue: 'criticCommentValue';
    criticCommentLineEnding: 'criticCommentLineEnding';
    criticUnclosed: 'criticUnclosed';
  }
  interface Token {
    /** A CriticMarkup marker's role and kind, until markers are paired. */
    _critic?: { role: 'open' | 'middle' | 'close'; kind: CriticKind } | undefined;
    /** A comment that is the attribution of the change or highlight right before it. */
    _criticAttached?: boolean | undefined;
  }
}

const LEFT_BRACE = 123;
const RIGHT_BRACE = 125;
const PLUS = 43;
const DASH = 45;
const TILDE = 126;
const EQUALS = 61;
const GREATER = 62;
const LESS = 60;
const BACKSLASH = 92;

const KIND_OF_MARKER: ReadonlyMap<number, CriticKind> = new Map([
  [PLUS, 'insert'],
  [DASH, 'delete'],
  [TILDE, 'substitute'],
  [EQUALS, 'highlight'],
  [GREATER, 'comment'],
]);

const GROUP_OF_KIND = {
  insert: 'criticInsert',
  delete: 'criticDelete',
  substitute: 'criticSubstitute',
  highlight: 'criticHighlight',
} as const;

/** The micromark extension for CriticMarkup. */
export function criticSyntax(): Extension {
  const comment: Construct = { name: 'criticComment', tokenize: tokenizeComment };
  const opener: Construct = { name: 'criticOpen', tokenize: tokenizeOpen, resolveAll: resolveAllCritic };
  const closer: Construct = { name: 'criticClose', tokenize: tokenizeClose, resolveAll: resolveAllCritic };
  return {
    // Constructs of an extension are tried before those already known (GFM strikethrough's `~`).
    text: {
      [LEFT_BRACE]: [comment, opener],
      [PLUS]: closer,
      [DASH]: closer,
      [TILDE]: closer,
      [EQUALS]: closer,
    },
  };
}

/** `{++`, `{--`, `{~~`, `{==` (and `{>>` of a comment that never closes). */
function tokenizeOpen(this: TokenizeContext, effects: Parameters<Tokenizer>[0], ok: State, nok: State): State {
  let marker = 0;
  const second: State = (code) => {
    if (code !== marker) return nok(code);
    effects.consume(code);
    const token = effects.exit('criticMarkerTemporary');
    token._critic = { role: 'open', kind: KIND_OF_MARKER.get(marker) ?? 'insert' };
    return ok;
  };
  const first: State = (code) => {
    if (code === null || !KIND_OF_MARKER.has(code)) return nok(code);
    marker = code;
    effects.consume(code);
    return second;
  };
  return (code) => {
    effects.enter('criticMarkerTemporary');
    effects.consume(code);
    return first;
  };
}

/** `++}`, `--}`, `~~}`, `==}`, and the `~>` inside a substitution. */
function tokenizeClose(this: TokenizeContext, effects: Parameters<Tokenizer>[0], ok: State, nok: State): State {
  let marker = 0;
  const done = (role: 'middle' | 'close'): State => {
    const token = effects.exit('criticMarkerTemporary');
    token._critic = { role, kind: KIND_OF_MARKER.get(marker) ?? 'insert' };
    return ok;
  };
  const third: State = (code) => {
    if (code !== RIGHT_BRACE) return nok(code);
    effects.consume(code);
    return done('close');
  };
  const second: State = (code) => {
    if (marker === TILDE && code === GREATER) {
      effects.consume(code);
      return done('middle');
    }
    if (code !== marker) return nok(code);
    effects.consume(code);
    return third;
  };
  return (code) => {
    marker = code ?? 0;
    effects.enter('criticMarkerTemporary');
    effects.consume(code);
    return second;
  };
}

/** `{>>…<<}`: one token; its content is raw text, a backslash keeping the next character literal. */
function tokenizeComment(this: TokenizeContext, effects: Parameters<Tokenizer>[0], ok: State, nok: State): State {
  const close: Construct = { tokenize: tokenizeCommentClose, partial: true };
  const nestedOpen: Construct = { tokenize: tokenizeCommentOpen, partial: true };
  let inValue = false;
  const closing = (left: number): State => (code) => {
    effects.consume(code);
    if (left > 1) return closing(left - 1);
    effects.exit('criticCommentMarker');
    effects.exit('criticComment');
    return ok;
  };
  const closeNow: State = (code) => {
    if (inValue) effects.exit('criticCommentValue');
    inValue = false;
    effects.enter('criticCommentMarker');
    return closing(3)(code);
  };
  const escaped: State = (code) => {
    if (code === null) return nok(code);
    if (code < -2) return value(code);
    effects.consume(code);
    return value;
  };
  const character: State = (code) => {
    if (code === null) return nok(code);
    if (code < -2) {
      // A line ending is a token of its own: the subtokenizer splits a paragraph's lines there.
      if (inValue) effects.exit('criticCommentValue');
      inValue = false;
      effects.enter('criticCommentLineEnding');
      effects.consume(code);
      effects.exit('criticCommentLineEnding');
      return value;
    }
    if (!inValue) {
      effects.enter('criticCommentValue');
      inValue = true;
    }
    effects.consume(code);
    return code === BACKSLASH ? escaped : value;
  };
  const value: State = (code: Code) => {
    if (code === null) return nok(code);
    if (code === LESS) return effects.check(close, closeNow, character)(code);
    // Another comment's opener: this one is not closed (and each unclosed `{>>` is scanned only
    // up to the next, not to the end of the paragraph again).
    if (code === LEFT_BRACE) return effects.check(nestedOpen, nok, character)(code);
    return character(code);
  };
  const secondGreater: State = (code) => {
    if (code !== GREATER) return nok(code);
    effects.consume(code);
    effects.exit('criticCommentMarker');
    return value;
  };
  const firstGreater: State = (code) => {
    if (code !== GREATER) return nok(code);
    effects.consume(code);
    return secondGreater;
  };
  return (code) => {
    effects.enter('criticComment');
    effects.enter('criticCommentMarker');
    effects.consume(code);
    return firstGreater;
  };
}

/** A state that consumes `wanted` and goes on with `next()`, or fails on anything else. */
function expectCode(effects: Parameters<Tokenizer>[0], nok: State): (wanted: number, next: () => State) => State {
  return (wanted, next) => (code) => {
    if (code !== wanted) return nok(code);
    effects.consume(code);
    return next();
  };
}

function tokenizeCommentOpen(this: TokenizeContext, effects: Parameters<Tokenizer>[0], ok: State, nok: State): State {
  const expect = expectCode(effects, nok);
  return (code) => {
    effects.enter('criticCommentMarker');
    return expect(
      LEFT_BRACE,
      () =>
        expect(GREATER, () =>
          expect(GREATER, () => {
            effects.exit('criticCommentMarker');
            return ok;
          }),
        ),
    )(code);
  };
}

function tokenizeCommentClose(this: TokenizeContext, effects: Parameters<Tokenizer>[0], ok: State, nok: State): State {
  const expect = expectCode(effects, nok);
  const end = expect(RIGHT_BRACE, () => {
    effects.exit('criticCommentMarker');
    return ok;
  });
  return (code) => {
    effects.enter('criticCommentMarker');
    return expect(LESS, () => expect(LESS, () => end))(code);
  };
}

interface Pair {
  kind: Exclude<CriticKind, 'comment'>;
  open: number;
  middle?: number;
  close: number;
  /** First and last event index of the attached comment. */
  comment?: [number, number];
}

/** Pair the markers of one inline content and rebuild its events with the groups. */
function resolveAllCritic(events: Event[], context: TokenizeContext): Event[] {
  if (!events.some(([, token]) => token.type === 'criticMarkerTemporary')) return events;
  const pairs = pairMarkers(events);
  const byOpen = new Map(pairs.map((pair) => [pair.open, pair]));
  const insideSpan = context.parser.constructs.insideSpan.null ?? [];
  const resolveInside = (inner: Event[]): Event[] => {
    let result = inner;
    for (const construct of insideSpan) if (construct.resolveAll) result = construct.resolveAll(result, context);
    return result;
  };

  const rebuild = (from: number, to: number): Event[] => {
    const out: Event[] = [];
    let index = from;
    while (index < to) {
      const pair = byOpen.get(index);
      const event = events[index];
      if (!event) break;
      if (!pair) {
        if (event[1].type === 'criticMarkerTemporary') {
          // An unpaired opener is reported; an unpaired closer or `~>` is text.
          event[1].type = event[1]._critic?.role === 'open' ? 'criticUnclosed' : 'data';
          event[1]._critic = undefined;
        }
        out.push(event);
        index++;
        continue;
      }
      const openToken = event[1];
      const closeToken = events[pair.close]?.[1];
      if (!closeToken) break;
      const commentToken = pair.comment ? events[pair.comment[0]]?.[1] : undefined;
      const group: Token = { type: GROUP_OF_KIND[pair.kind], start: { ...openToken.start }, end: { ...(commentToken ?? closeToken).end } };
      const marker = (token: Token): Event[] => {
        token.type = 'criticMarker';
        token._critic = undefined;
        return [
          ['enter', token, context],
          ['exit', token, context],
        ];
      };
      const span = (type: 'criticContent' | 'criticInserted', start: number, end: number): Event[] => {
        const startToken = events[start]?.[1];
        const endToken = events[end]?.[1];
        if (!startToken || !endToken) return [];
        const token: Token = { type, start: { ...startToken.end }, end: { ...endToken.start } };
        return [['enter', token, context], ...resolveInside(rebuild(start + 2, end)), ['exit', token, context]];
      };
      out.push(['enter', group, context], ...marker(openToken));
      if (pair.middle !== undefined) {
        const middleToken = events[pair.middle]?.[1];
        out.push(...span('criticContent', pair.open, pair.middle));
        if (middleToken) out.push(...marker(middleToken));
        out.push(...span('criticInserted', pair.middle, pair.close));
      } else {
        out.push(...span('criticContent', pair.open, pair.close));
      }
      out.push(...marker(closeToken));
      if (pair.comment && commentToken) {
        commentToken._criticAttached = true;
        out.push(...events.slice(pair.comment[0], pair.comment[1] + 1));
      }
      out.push(['exit', group, context]);
      index = pair.comment ? pair.comment[1] + 1 : pair.close + 2;
    }
    return out;
  };
  // In place: the caller keeps a reference to this array (micromark's subtokenizer does).
  const rebuilt = rebuild(0, events.length);
  events.length = 0;
  for (const event of rebuilt) events.push(event);
  return events;
}

/** Spans nested deeper than this are not paired (their openers are reported unclosed). */
const MAX_SPAN_NESTING = 32;

interface OpenEntry {
  kind: CriticKind;
  open: number;
  depth: number;
  middle?: number;
  /** Taken off the stack (paired, or left unclosed). */
  done: boolean;
}

/**
 * Find the pairs in linear time: a stack of openers by depth (a depth left closes its openers
 * unpaired) and, per kind, the openers of that kind still on it; a closer pairs with the
 * innermost opener of its kind if that one is at the closer's depth.
 */
function pairMarkers(events: Event[]): Pair[] {
  const stack: OpenEntry[] = [];
  const byKind = new Map<CriticKind, OpenEntry[]>();
  const kindStack = (kind: CriticKind): OpenEntry[] => {
    let list = byKind.get(kind);
    if (!list) byKind.set(kind, (list = []));
    return list;
  };
  const pop = (): void => {
    const entry = stack.pop();
    if (!entry) return;
    entry.done = true;
    kindStack(entry.kind).pop();
  };
  const pairs: Pair[] = [];
  let depth = 0;
  for (let index = 0; index < events.length; index++) {
    const [phase, token] = events[index] ?? [];
    if (!token) continue;
    if (token.type === 'criticMarkerTemporary' && phase === 'enter' && token._critic) {
      const { role, kind } = token._critic;
      if (role === 'open') {
        if (stack.length < MAX_SPAN_NESTING) {
          const entry: OpenEntry = { kind, open: index, depth, done: false };
          stack.push(entry);
          kindStack(kind).push(entry);
        }
      } else if (role === 'middle') {
        const top = stack.at(-1);
        if (top && top.kind === 'substitute' && top.depth === depth && top.middle === undefined) top.middle = index;
      } else {
        const opener = kindStack(kind).at(-1);
        if (opener && opener.kind !== 'comment' && opener.depth === depth && (kind !== 'substitute' || opener.middle !== undefined)) {
          while (!opener.done) pop();
          const pair: Pair = { kind: opener.kind, open: opener.open, close: index };
          if (opener.middle !== undefined) pair.middle = opener.middle;
          const comment = attachedComment(events, index + 2, token);
          if (comment) pair.comment = comment;
          pairs.push(pair);
        }
      }
      index++;
      continue;
    }
    if (phase === 'enter') {
      depth++;
    } else {
      depth--;
      while ((stack.at(-1)?.depth ?? -1) > depth) pop();
    }
  }
  return pairs.sort((a, b) => a.open - b.open);
}

/** The comment written right after a closing marker, as its first and last event index. */
function attachedComment(events: Event[], at: number, closer: Token): [number, number] | undefined {
  const event = events[at];
  if (!event || event[0] !== 'enter' || event[1].type !== 'criticComment' || event[1].start.offset !== closer.end.offset) return undefined;
  const token = event[1];
  for (let index = at + 1; index < events.length; index++) {
    const candidate = events[index];
    if (candidate && candidate[0] === 'exit' && candidate[1] === token) return [at, index];
  }
  return undefined;
}
