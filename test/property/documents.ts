/**
 * Generated report sources for the property tests, each with the text its outputs must show.
 *
 * Every generator returns Markdown together with what it *means*: the text fragments of every
 * block in reading order, the footnotes in the order they are first referred to, and the alt
 * text of every image. The expectation comes from the generator alone, never from the
 * project's parser, so a construct the parser or a renderer loses shows up as missing text.
 *
 * Markdown that would be ambiguous is never produced: plain text has no character that
 * Markdown gives a meaning (`* _ ~ \` [ ] < > # | \ &`), except through the escape and
 * character-reference tokens, which say what they stand for; every line starts with a word;
 * blocks are separated by blank lines; delimiter runs are always next to a word.
 */
import fc from 'fast-check';
import GithubSlugger from 'github-slugger';
import type { BlockText } from '../helpers/block-text.ts';

/** Where an output puts something of its own (a note number, an image, raw HTML): fragments end here. */
const BREAK = Symbol('break');
type Frag = string | typeof BREAK;

/** What the generated documents may hold: the PDF set leaves out what no print font has. */
export interface GeneratorOptions {
  /** Emoji, Han characters outside the template fonts and characters XML cannot carry (not printable). */
  unprintable: boolean;
  /** Inline HTML whose printed text is out of line order (ruby annotations, sub- and superscripts). */
  offLine: boolean;
  /** Longest table cell text, in characters (narrow printed columns wrap and interleave lines). */
  maxCellLength: number;
  /** Most table columns. */
  maxColumns: number;
}

/** Options for HTML and Word: everything. */
export const ALL_CONSTRUCTS: GeneratorOptions = { unprintable: true, offLine: true, maxCellLength: 40, maxColumns: 5 };

/** Options for the PDF: what the print fonts set and pdftotext reads back in order. */
export const PRINTABLE_CONSTRUCTS: GeneratorOptions = { unprintable: false, offLine: false, maxCellLength: 6, maxColumns: 3 };

/** A generated source and the text its outputs must keep. */
export interface GeneratedDocument {
  markdown: string;
  /** Text blocks in reading order (front-matter title first, author last). */
  body: BlockText[];
  /**
   * Subtitle and speaker lines, in order. Checked on their own: the Word file puts them after the
   * front-matter title or first, the page after the title, which may be the first heading.
   */
  titleLines: BlockText[];
  /** Footnote texts in the order of their first reference. */
  footnotes: BlockText[];
  /** Non-empty alt texts of images, in order (shown as alt text or in place of a missing image). */
  alts: string[];
  /** Alt texts shown in place of an image that cannot be embedded: must be visible text. */
  missingAlts: string[];
}

/** The name every generated source's images are read from, next to it (a real PNG). */
export const IMAGE_FILE = 'tiny.png';

// ---------------------------------------------------------------------------------------------
// Characters

const LATIN = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const LATIN_MORE = ['é', 'ü', 'ñ', 'ß', 'ø', 'Ω', 'Ж', 'ç', 'e\u0301', 'a\u0308', 'o\u0302', 'n\u0303'];
const DIGITS = [...'0123456789'];
const HAN = [...'政府工作报告经济发展改革开放创新城市农村教育医疗人民生活质量提高稳定增长推进建设完善体系保障服务加强治理能力现代化年月日我们坚持一是二三'];
const HAN_UNPRINTABLE = ['𠀀', '𪚥', '鿰'];
const CJK_PUNCTUATION = ['，', '。', '、', '；', '：', '！', '？', '“', '”', '《', '》', '（', '）', '【', '】', '……', '——', '·', '「', '」'];
const FULL_WIDTH = ['Ａ', 'Ｂ', 'ｃ', '１', '２', '３', '％', '＋', '＠', '～'];
const EMOJI = ['😀', '👍🏽', '👨‍👩‍👧', '🇨🇳', '❤️', '🎉'];
/** Characters pasted in by accident that XML cannot carry (a bell, a byte-swapped BOM). */
const NON_XML = ['\u0007', '\uFFFE'];
/** Half-width marks the project makes full width inside Chinese text (`remarkCjkPunctuation`). */
const HALF_WIDTH_MARKS = [',', ';', ':', '!', '?', '(', ')'];
const LATIN_PUNCTUATION = [',', '.', ';', ':', '!', '?', "'", '%', '/', '=', '+', '-', '$'];

/** Characters of code (spans and blocks): Markdown's own characters mean nothing there. */
const CODE = [...'abcxyzXYZ0123456789*_<>&[]#!\\=+-(){}"\'/.;:', '中', '文', '，'];

const entityTokens: [string, string][] = [
  ['&amp;', '&'],
  ['&lt;', '<'],
  ['&gt;', '>'],
  ['&copy;', '©'],
  ['&#x4E2D;', '中'],
  ['&#12290;', '。'],
  ['&quot;', '"'],
  ['&nbsp;', '\u00a0'],
];
const escapeTokens: [string, string][] = [
  ['\\*', '*'],
  ['\\_', '_'],
  ['\\[', '['],
  ['\\]', ']'],
  ['\\#', '#'],
  ['\\<', '<'],
  ['\\`', '`'],
  ['\\\\', '\\'],
  ['\\|', '|'],
  ['\\~', '~'],
];

// ---------------------------------------------------------------------------------------------
// Inline content

/**
 * Kind of a text token's edges: words may touch each other; other tokens need a space. `mark`:
 * Chinese ending in a full-width mark, which may close emphasis right before Chinese text
 * (`**一是……。**牢固`, the CJK-friendly rule the README documents).
 */
type Edge = 'latin' | 'han' | 'mark' | 'other';

interface Token {
  md: string;
  text: string;
  start: Edge;
  end: Edge;
}

/** Inline Markdown with its text, footnote labels referred to, and images. */
interface Inline {
  md: string;
  frags: Frag[];
  notes: string[];
  alts: string[];
  missingAlts: string[];
  start: Edge;
  end: Edge;
  /** Must stand apart from its neighbours by white space (`_emphasis_`, bare URLs). */
  spaced?: boolean;
}

const join = (...chars: string[]) => chars.join('');

/**
 * A Latin word, maybe with a mark after it. A dollar sign is written escaped (`\\$`), as an author
 * writes one that is no formula's (`a$_ … b$` is math); text used as Markdown and as its own
 * expected text (alt texts, titles: `dollar` false) has none.
 */
function latinWord(dollar = true): fc.Arbitrary<Token> {
  const marks = dollar ? LATIN_PUNCTUATION : LATIN_PUNCTUATION.filter((mark) => mark !== '$');
  return fc
    .tuple(fc.constantFrom(...LATIN), fc.array(fc.constantFrom(...LATIN, ...LATIN, ...LATIN_MORE, ...DIGITS), { maxLength: 7 }), fc.option(fc.constantFrom(...marks), { freq: 3 }))
    .map(([first, rest, mark]) => {
      const text = join(first, ...rest, mark ?? '');
      return { md: mark === '$' ? join(first, ...rest, '\\$') : text, text, start: 'latin', end: mark ? 'other' : 'latin' };
    });
}

/** A mark of the CJK Symbols and Punctuation or Halfwidth and Fullwidth Forms blocks (not the quotes, dashes and ellipsis shared with Western text). */
function isFullWidthMark(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef);
}

function hanRun(options: GeneratorOptions): fc.Arbitrary<Token> {
  const extras = [...CJK_PUNCTUATION, ...FULL_WIDTH, ...HALF_WIDTH_MARKS, ...DIGITS, ...(options.unprintable ? [...EMOJI, ...EMOJI, ...HAN_UNPRINTABLE, ...NON_XML] : [])];
  const character = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...HAN) }, { weight: 2, arbitrary: fc.constantFrom(...extras) });
  return fc.tuple(fc.constantFrom(...HAN), fc.array(character, { maxLength: 9 })).map(([first, rest]) => {
    const md = join(first, ...rest);
    const last = rest.at(-1);
    const end: Edge = last === undefined || HAN.includes(last) ? 'han' : isFullWidthMark(last) ? 'mark' : 'other';
    return { md, text: md, start: 'han', end };
  });
}

function referenceToken(): fc.Arbitrary<Token> {
  return fc.constantFrom(...entityTokens, ...escapeTokens).map(([md, text]) => ({ md, text, start: 'other', end: 'other' }));
}

/** A run of plain text: words (Latin, Chinese with its punctuation) and now and then an escape or reference. */
function textRun(options: GeneratorOptions, maxWords = 6): fc.Arbitrary<Inline> {
  const word = fc.oneof(latinWord(), hanRun(options));
  const token = fc.oneof({ weight: 8, arbitrary: word }, { weight: 1, arbitrary: referenceToken() });
  return fc.tuple(word, fc.array(fc.tuple(token, fc.boolean()), { maxLength: maxWords - 1 })).map(([first, rest]) => {
    let md = first.md;
    let text = first.text;
    let end = first.end;
    for (const [next, tight] of rest) {
      // Words may touch (Chinese has no spaces); an escape or reference always stands apart.
      const space = !(tight && end !== 'other' && next.start !== 'other') || (end === 'latin' && next.start === 'latin') || (end === 'mark' && next.start === 'latin');
      md += space ? ` ${next.md}` : next.md;
      text += space ? ` ${next.text}` : next.text;
      end = next.end;
    }
    return { md, frags: [text], notes: [], alts: [], missingAlts: [], start: first.start, end };
  });
}

function plainText(options: GeneratorOptions, maxWords = 4): fc.Arbitrary<string> {
  return fc.array(fc.oneof(latinWord(false), hanRun(options)), { minLength: 1, maxLength: maxWords }).map((words) => words.map((word) => word.md).join(' '));
}

function codeText(allowPipe: boolean): fc.Arbitrary<string> {
  const characters = allowPipe ? [...CODE, '|'] : CODE;
  return fc
    .tuple(fc.constantFrom(...LATIN), fc.array(fc.constantFrom(...characters, ' '), { maxLength: 10 }), fc.constantFrom(...LATIN))
    .map(([first, middle, last]) => join(first, ...middle, last));
}

const URLS = [
  'https://example.org/report?year=2024&page=2',
  'https://例子.中国/路径',
  'http://example.com/a_(b)',
  'mailto:office@example.org',
  'other.md',
  '#nowhere',
  '<https://example.org/with space>',
  'javascript:alert(1)',
];

interface SpanContext {
  options: GeneratorOptions;
  /** In a footnote definition: no footnote references. */
  note: boolean;
  /** In link text: no links, no footnote references. */
  link: boolean;
  /** Nesting left for emphasis inside emphasis. */
  depth: number;
  /**
   * Delimiter characters of the emphasis around: an emphasis inside another one uses a different
   * character (`**a **b,**c**` next to Chinese pairs differently under the CJK-friendly rules).
   */
  around: string;
}

/** An inline element between two text runs. */
function span(context: SpanContext): fc.Arbitrary<Inline> {
  const { options } = context;
  const innerOf = (delimiter: string) => (context.depth > 0 ? inlineSequence({ ...context, depth: context.depth - 1, around: context.around + delimiter }, 2) : textRun(options, 3));
  // Delimiters touch words only: `_` never inside a word; after a mark the closing delimiter
  // needs a space, but for a full-width one right before Chinese (`**一是……。**牢固`).
  const wrap = (open: string, close = open) =>
    innerOf(open.charAt(0)).map((content): Inline => ({
      ...content,
      md: `${open}${content.md}${close}`,
      start: 'other',
      end: content.end === 'mark' ? 'mark' : 'other',
      spaced: open.startsWith('_') || !(content.end === 'latin' || content.end === 'han' || content.end === 'mark'),
    }));
  const emphasis = fc.oneof(...['*', '**', '~~', '_', '__'].filter((delimiter) => !context.around.includes(delimiter.charAt(0))).map((delimiter) => wrap(delimiter)));
  const code = codeText(false).map((value): Inline => ({ md: value.includes('`') ? `\`\` ${value} \`\`` : `\`${value}\``, frags: [value], notes: [], alts: [], missingAlts: [], start: 'other', end: 'other' }));
  const linkText = context.depth > 0 ? inlineSequence({ ...context, link: true, depth: context.depth - 1 }, 2) : textRun(options, 3);
  const link = fc.tuple(linkText, fc.constantFrom(...URLS), fc.option(plainText(options, 2))).map(
    ([content, url, title]): Inline => ({ ...content, md: `[${content.md}](${url}${title ? ` "${title}"` : ''})`, start: 'other', end: 'other' }),
  );
  const referenceLink = fc.tuple(linkText, fc.constantFrom('r1', 'R2')).map(([content, label]): Inline => ({ ...content, md: `[${content.md}][${label}]`, start: 'other', end: 'other' }));
  const autolink = fc.constantFrom('https://example.org/auto', 'someone@example.org', 'https://example.org/a?b=c').map((url): Inline => ({ md: `<${url}>`, frags: [url], notes: [], alts: [], missingAlts: [], start: 'other', end: 'other' }));
  const bareLink = fc.constantFrom('https://example.org/bare', 'www.example.org').map((url): Inline => ({ md: url, frags: [url], notes: [], alts: [], missingAlts: [], start: 'other', end: 'other', spaced: true }));
  const image = fc.tuple(fc.option(plainText(options, 2), { freq: 4 }), fc.constantFrom(IMAGE_FILE, IMAGE_FILE, 'missing.png'), fc.option(plainText(options, 2))).map(([alt, file, title]): Inline => {
    const missing = file !== IMAGE_FILE;
    const fallback = alt ?? '';
    return {
      md: `![${alt ?? ''}](${file}${title ? ` "${title}"` : ''})`,
      // A missing image shows its alt text (or its file name) in brackets; that is text of its own.
      frags: missing ? [BREAK, fallback === '' ? BREAK : `[${fallback}]`, BREAK] : [BREAK],
      notes: [],
      alts: alt ? [alt] : [],
      missingAlts: missing && alt ? [alt] : [],
      start: 'other',
      end: 'other',
    };
  });
  const footnote = fc.constantFrom('1', 'n2', '注3').map((label): Inline => ({ md: `[^${label}]`, frags: [BREAK], notes: [label], alts: [], missingAlts: [], start: 'other', end: 'other' }));
  const html = inlineHtml(options);
  const choices: fc.Arbitrary<Inline>[] = [emphasis, emphasis, code, image, html, html];
  if (!context.link) choices.push(link, referenceLink, autolink, bareLink);
  if (!context.note && !context.link) choices.push(footnote);
  return fc.oneof(...choices.map((arbitrary) => ({ weight: 1, arbitrary })));
}

/** Inline HTML: formatting the outputs keep, elements the sanitiser removes, comments. */
function inlineHtml(options: GeneratorOptions): fc.Arbitrary<Inline> {
  const text = plainText(options, 2);
  const plain = (md: string, frags: Frag[]): Inline => ({ md, frags: [BREAK, ...frags, BREAK], notes: [], alts: [], missingAlts: [], start: 'other', end: 'other' });
  const tags = ['b', 'strong', 'i', 'em', 'u', 'kbd', 'mark', 'small', 'del', 'ins', 'code', 'q', 'bdi', 'cite', 'var', ...(options.offLine ? ['sub', 'sup'] : [])];
  const kept = fc.tuple(fc.constantFrom(...tags), text).map(([tag, value]) => plain(`<${tag}>${value}</${tag}>`, [value]));
  const attributed = fc.tuple(text, fc.constantFrom('<span class="x">', '<a href="https://example.org">', '<abbr title="t">', '<time datetime="2024-01-01">')).map(([value, open]) => {
    const tag = /^<(\w+)/.exec(open)?.[1] ?? 'span';
    return plain(`${open}${value}</${tag}>`, [value]);
  });
  const dropped = fc.tuple(text, fc.constantFrom('script', 'style')).map(([value, tag]) => plain(`<${tag}>${value}</${tag}>`, []));
  const comment = text.map((value) => plain(`<!-- ${value} -->`, []));
  const breaks = fc.constantFrom('<br>', '<br/>', '<wbr>').map((md) => plain(md, []));
  const rawImage = text.map((value) => plain(`<img src="x.png" alt="${value}">`, [`[${value}]`]));
  const choices = [kept, attributed, dropped, comment, breaks, rawImage];
  if (options.offLine) choices.push(fc.tuple(text, text).map(([base, annotation]) => plain(`<ruby>${base}<rt>${annotation}</rt></ruby>`, [base, BREAK, annotation])));
  return fc.oneof(...choices);
}

/** Text runs with inline elements between them: always starts and ends with a word. */
function inlineSequence(context: SpanContext, maxSpans = 3): fc.Arbitrary<Inline> {
  return fc.tuple(textRun(context.options), fc.array(fc.tuple(span(context), textRun(context.options), fc.boolean(), fc.boolean()), { maxLength: maxSpans })).map(([first, rest]) => {
    let result = first;
    for (const [element, after, tightBefore, tightAfter] of rest) {
      result = concat(result, element, tightBefore);
      result = concat(result, after, tightAfter);
    }
    return result;
  });
}

/** Put `right` after `left`, touching when that cannot change what either means. */
function concat(left: Inline, right: Inline, tight: boolean): Inline {
  const apart =
    !tight ||
    left.spaced === true ||
    right.spaced === true ||
    (left.end === 'latin' && right.start === 'latin') ||
    (left.end === 'mark' && right.start !== 'han') ||
    (/[!\\]$/.test(left.md) && right.md.startsWith('['));
  return merge(left, right, apart ? ' ' : '', apart ? [' '] : []);
}

/** `left`, then `between`, then `right`. */
function merge(left: Inline, right: Inline, between: string, betweenFrags: Frag[]): Inline {
  return {
    md: `${left.md}${between}${right.md}`,
    frags: [...left.frags, ...betweenFrags, ...right.frags],
    notes: [...left.notes, ...right.notes],
    alts: [...left.alts, ...right.alts],
    missingAlts: [...left.missingAlts, ...right.missingAlts],
    start: left.start,
    end: right.end,
    ...(right.spaced ? { spaced: true } : {}),
  };
}

/** Inline content over several lines: soft breaks and hard breaks (two spaces, or a backslash). */
function multiline(context: SpanContext): fc.Arbitrary<Inline> {
  const line = inlineSequence(context);
  return fc.tuple(line, fc.array(fc.tuple(fc.constantFrom('\n', '  \n', '\\\n'), line), { maxLength: 2 })).map(([first, rest]) => {
    let result = first;
    // A line break shows as white space or nothing: never text.
    for (const [breakMd, next] of rest) result = merge(result, next, breakMd, [' ']);
    return result;
  });
}

// ---------------------------------------------------------------------------------------------
// Blocks

/** A block: its lines, and the text it shows. */
interface Block {
  kind: string;
  lines: string[];
  texts: BlockText[];
  notes: string[];
  alts: string[];
  missingAlts: string[];
  headings: string[];
}

function blockText(type: string, frags: Frag[]): BlockText {
  const fragments: string[] = [];
  let current = '';
  for (const frag of frags) {
    if (frag === BREAK) {
      if (current.replace(/\s+/g, '')) fragments.push(current.replace(/\s+/g, ''));
      current = '';
    } else {
      current += frag;
    }
  }
  if (current.replace(/\s+/g, '')) fragments.push(current.replace(/\s+/g, ''));
  return { type, line: 0, fragments };
}

function leaf(kind: string, lines: string[], inline: Inline | undefined, extra: Partial<Block> = {}): Block {
  return {
    kind,
    lines,
    texts: inline ? [blockText(kind, inline.frags)] : [],
    notes: inline?.notes ?? [],
    alts: inline?.alts ?? [],
    missingAlts: inline?.missingAlts ?? [],
    headings: [],
    ...extra,
  };
}

function paragraph(context: SpanContext): fc.Arbitrary<Block> {
  return multiline(context).map((inline) => leaf('paragraph', inline.md.split('\n'), inline));
}

function heading(context: SpanContext): fc.Arbitrary<Block> {
  const atx = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.option(inlineSequence(context, 2), { freq: 12 }), fc.boolean()).map(([level, inline, closed]) => {
    const marks = '#'.repeat(level);
    const line = inline ? `${marks} ${inline.md}${closed ? ` ${marks}` : ''}` : marks;
    return leaf('heading', [line], inline ?? undefined, { headings: inline ? [inline.frags.filter((frag): frag is string => frag !== BREAK).join('')] : [] });
  });
  const setext = fc.tuple(fc.constantFrom('===', '---'), multiline({ ...context })).map(([underline, inline]) =>
    leaf('heading', [...inline.md.split('\n'), underline], inline, { headings: [inline.frags.filter((frag): frag is string => frag !== BREAK).join('')] }),
  );
  return fc.oneof({ weight: 4, arbitrary: atx }, { weight: 1, arbitrary: setext });
}

function codeLine(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: codeText(true) },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: codeText(true).map((value) => `    ${value}`) },
    { weight: 1, arbitrary: codeText(true).map((value) => `\t${value}`) },
    { weight: 1, arbitrary: fc.constantFrom('中文代码，注释', '😀 emoji', '**not bold**', '<b>not html</b>', '[not](a link)') },
  );
}

function codeBlock(): fc.Arbitrary<Block> {
  return fc.tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'js', 'python', 'text'), fc.array(codeLine(), { maxLength: 4 })).map(([fence, info, lines]) => {
    const frags: Frag[] = lines.flatMap((line) => [line, BREAK]);
    return { ...leaf('code', [`${fence}${info}`, ...lines, fence], undefined), texts: [blockText('code', frags)] };
  });
}

function indentedCode(): fc.Arbitrary<Block> {
  return fc.array(codeText(true), { minLength: 1, maxLength: 3 }).map((lines) => ({ ...leaf('indented-code', lines.map((line) => `    ${line}`), undefined), texts: [blockText('code', lines.flatMap((line) => [line, BREAK]))] }));
}

function thematicBreak(): fc.Arbitrary<Block> {
  return fc.constantFrom('***', '___', '* * *').map((line) => leaf('thematicBreak', [line], undefined));
}

/** Raw HTML blocks: kept, unwrapped or removed by the sanitiser, each with the text that stays. */
function htmlBlock(options: GeneratorOptions): fc.Arbitrary<Block> {
  const text = plainText(options, 3);
  const block = (lines: string[], frags: Frag[]) => ({ ...leaf('html', lines, undefined), texts: frags.length > 0 ? [blockText('html', frags)] : [] });
  return fc.oneof(
    text.map((value) => block([`<div>${value}</div>`], [value])),
    text.map((value) => block(['<div class="note">', value, '</div>'], [value])),
    text.map((value) => block([`<p align="center">${value}</p>`], [value])),
    fc.tuple(text, text).map(([summary, value]) => block([`<details><summary>${summary}</summary>${value}</details>`], [summary, BREAK, value])),
    fc.tuple(text, text).map(([a, b]) => block([`<table><tr><td>${a}</td><td>${b}</td></tr></table>`], [a, BREAK, b])),
    fc.tuple(text, text).map(([a, b]) => block([`<ul><li>${a}</li><li>${b}</li></ul>`], [a, BREAK, b])),
    fc.tuple(text, text).map(([a, b]) => block([`<dl><dt>${a}</dt><dd>${b}</dd></dl>`], [a, BREAK, b])),
    text.map((value) => block([`<blockquote>${value}</blockquote>`], [value])),
    text.map((value) => block([`<pre>${value}</pre>`], [value])),
    text.map((value) => block([`<center>${value}</center>`], [value])),
    text.map((value) => block([`<script>alert("${value}")</script>`], [])),
    text.map((value) => block([`<style>p::after { content: "${value}" }</style>`], [])),
    text.map((value) => block([`<!-- ${value} -->`], [])),
    fc.constant(block(['<iframe src="https://example.org"></iframe>'], [])),
    fc.constant(block(['<hr>'], [])),
  );
}

type Align = 'left' | 'center' | 'right' | null;

function table(context: SpanContext): fc.Arbitrary<Block> {
  const { options } = context;
  const cellContext: SpanContext = { ...context, depth: 0 };
  const cell = fc.oneof(
    { weight: 1, arbitrary: fc.constant<Inline | null>(null) },
    {
      weight: 5,
      // Short cells are one word, cut to length (a word has no markup to cut through).
      arbitrary:
        options.maxCellLength < 20
          ? textRun(options, 1).map((inline): Inline | null => {
              const md = [...inline.md].slice(0, options.maxCellLength).join('');
              return { ...inline, md, frags: [md] };
            })
          : inlineSequence(cellContext, 1),
    },
  );
  return fc.integer({ min: 1, max: options.maxColumns }).chain((columns) =>
    fc
      .tuple(
        fc.array(fc.constantFrom<Align>('left', 'center', 'right', null), { minLength: columns, maxLength: columns }),
        fc.array(cell, { minLength: columns, maxLength: columns }),
        fc.array(fc.array(cell, { minLength: 1, maxLength: columns }), { maxLength: 3 }),
        fc.option(fc.tuple(fc.constantFrom('表1 ', 'Table 2. ', '表 3：'), plainText(options, 2)), { freq: 3 }),
      )
      .map(([align, header, rows, caption]) => {
        const row = (cells: (Inline | null)[]) => `| ${cells.map((value) => value?.md ?? '').join(' | ')} |`;
        const delimiter = `| ${align.map((value) => (value === 'left' ? ':---' : value === 'center' ? ':---:' : value === 'right' ? '---:' : '---')).join(' | ')} |`;
        const cells = [...header, ...rows.flat()].filter((value): value is Inline => value !== null);
        const texts = cells.map((value) => blockText('tableCell', value.frags));
        const lines = [row(header), delimiter, ...rows.map(row)];
        const captionText = caption ? `${caption[0]}${caption[1]}` : undefined;
        return {
          kind: 'table',
          // The caption line is a paragraph of its own above the table; it becomes the table's caption.
          lines: captionText ? [captionText, '', ...lines] : lines,
          texts: [...(captionText ? [blockText('tableCaption', [captionText])] : []), ...texts],
          notes: cells.flatMap((value) => value.notes),
          alts: cells.flatMap((value) => value.alts),
          missingAlts: cells.flatMap((value) => value.missingAlts),
          headings: [],
        };
      }),
  );
}

/** A figure: an image alone in its paragraph, captioned by its title or by the line under it. */
function figure(options: GeneratorOptions): fc.Arbitrary<Block> {
  return fc.tuple(plainText(options, 2), fc.constantFrom(IMAGE_FILE, 'missing.png'), plainText(options, 4), fc.boolean()).map(([alt, file, caption, titled]) => {
    const lines = titled ? [`![${alt}](${file} "${caption}")`] : [`![${alt}](${file})`, caption];
    const missing = file !== IMAGE_FILE;
    return {
      kind: 'figure',
      lines,
      texts: [...(missing ? [blockText('figure', [`[${alt}]`])] : []), blockText('figure', [caption])],
      notes: [],
      alts: [alt],
      missingAlts: missing ? [alt] : [],
      headings: [],
    };
  });
}

function indent(lines: string[], first: string, rest: string): string[] {
  return lines.map((line, index) => (index === 0 ? `${first}${line}` : line === '' ? '' : `${rest}${line}`));
}

function stack(blocks: Block[]): Block {
  const lines: string[] = [];
  blocks.forEach((block, index) => {
    if (index > 0) lines.push('');
    lines.push(...block.lines);
  });
  return {
    kind: 'stack',
    lines,
    texts: blocks.flatMap((block) => block.texts),
    notes: blocks.flatMap((block) => block.notes),
    alts: blocks.flatMap((block) => block.alts),
    missingAlts: blocks.flatMap((block) => block.missingAlts),
    headings: blocks.flatMap((block) => block.headings),
  };
}

/**
 * Blocks inside a container: an indented code block only right after a paragraph (anywhere
 * else its indentation would continue a list item) and right before a paragraph or heading:
 * after indented code micromark reads a list that starts at a number other than 1, at any
 * depth, as a paragraph (a known parser bug, micromark/micromark#228, not the project's).
 */
function arrange(blocks: Block[], code: (Block | null)[]): Block[] {
  const result: Block[] = [];
  blocks.forEach((block, index) => {
    result.push(block);
    const extra = code[index];
    const next = blocks[index + 1]?.kind;
    if (extra && block.kind === 'paragraph' && (next === 'paragraph' || next === 'heading')) result.push(extra);
  });
  return result;
}

function blockquote(content: fc.Arbitrary<Block[]>): fc.Arbitrary<Block> {
  return content.map((blocks) => {
    const inner = stack(blocks);
    return { ...inner, kind: 'blockquote', lines: inner.lines.map((line) => (line === '' ? '>' : `> ${line}`)) };
  });
}

function list(content: fc.Arbitrary<Block[]>): fc.Arbitrary<Block> {
  const marker = fc.oneof(
    fc.constantFrom('-', '+').map((bullet) => ({ ordered: false, marker: (_index: number) => `${bullet} ` })),
    fc.tuple(fc.integer({ min: 0, max: 999_999_999 }), fc.constantFrom('.', ')')).map(([start, delimiter]) => ({ ordered: true, marker: (index: number) => `${start + index}${delimiter} ` })),
  );
  return fc
    .tuple(marker, fc.array(fc.tuple(content, fc.constantFrom<boolean | null>(null, null, true, false)), { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([{ ordered, marker: markerFor }, items, tight]) => {
      const lines: string[] = [];
      const blocks: Block[] = [];
      items.forEach(([itemBlocks, checked], index) => {
        const inner = stack(itemBlocks);
        const mark = markerFor(index);
        // A task box only where the item opens with a paragraph (as GFM requires).
        const box = !ordered && checked !== null && itemBlocks[0]?.kind === 'paragraph' ? (checked ? '[x] ' : '[ ] ') : '';
        if (index > 0 && !tight) lines.push('');
        lines.push(...indent(inner.lines, `${mark}${box}`, ' '.repeat(mark.length)));
        blocks.push(inner);
      });
      return { ...stack(blocks), kind: 'list', lines };
    });
}

/**
 * Blocks of one container, containers nested up to `depth` levels. The arbitraries are built
 * once, level by level (a lazily built one per generated value costs more than the rendering).
 */
function blocks(context: SpanContext, depth: number): fc.Arbitrary<Block[]> {
  const { options } = context;
  const leaf = fc.oneof(
    { weight: 4, arbitrary: paragraph(context) },
    { weight: 1, arbitrary: heading(context) },
    { weight: 1, arbitrary: codeBlock() },
    { weight: 1, arbitrary: thematicBreak() },
    { weight: 1, arbitrary: htmlBlock(options) },
    { weight: 1, arbitrary: table(context) },
  );
  const code = fc.array(fc.option(indentedCode(), { freq: 4 }), { maxLength: 3 });
  let level = fc.tuple(fc.array(leaf, { minLength: 1, maxLength: 3 }), code).map(([list, extra]) => arrange(list, extra));
  for (let current = 1; current <= depth; current++) {
    const inner = level;
    const one = fc.oneof({ weight: 6, arbitrary: leaf }, { weight: 1, arbitrary: blockquote(inner) }, { weight: 1, arbitrary: list(inner) });
    level = fc.tuple(fc.array(one, { minLength: 1, maxLength: 3 }), code).map(([list, extra]) => arrange(list, extra));
  }
  return level;
}

// ---------------------------------------------------------------------------------------------
// Whole documents

interface FrontMatter {
  lines: string[];
  /** Title text, if any. */
  opening: BlockText[];
  /** Subtitle and speaker texts. */
  titleLines: BlockText[];
  /** Closing block texts (author). */
  closing: BlockText[];
}

function frontMatter(options: GeneratorOptions): fc.Arbitrary<FrontMatter> {
  // Front-matter values are not Markdown: any character shows as written.
  const value = fc.tuple(plainText(options, 3), fc.constantFrom('', ' *not emphasis*', ' <b>&amp;</b>', ': a colon', ' # hash')).map(([text, tail]) => `${text}${tail}`);
  const quoted = (text: string) => JSON.stringify(text);
  const none = fc.constant<FrontMatter>({ lines: [], opening: [], titleLines: [], closing: [] });
  const empty = fc.constant<FrontMatter>({ lines: ['---', '---'], opening: [], titleLines: [], closing: [] });
  const full = fc
    .record({
      title: fc.option(value, { freq: 4 }),
      subtitle: fc.option(value),
      speaker: fc.option(value),
      author: fc.option(value),
      date: fc.option(fc.constantFrom('2024', '2024-03', '2024-03-01', 2023, '2024-13-45')),
      lang: fc.option(fc.constantFrom('zh-CN', 'en')),
      template: fc.option(fc.constantFrom('gov-report', 'default')),
      toc: fc.option(fc.boolean()),
      excerpt: fc.option(fc.boolean()),
      keywords: fc.option(fc.oneof(value, fc.array(value, { minLength: 1, maxLength: 2 }))),
      // An unknown key is an error at its line; the other keys still count.
      invalid: fc.option(fc.constantFrom('colour: red', 'tocs: maybe')),
    })
    .map((fields): FrontMatter => {
      const lines = ['---'];
      const opening: BlockText[] = [];
      const titleLines: BlockText[] = [];
      const closing: BlockText[] = [];
      for (const key of ['title', 'subtitle', 'speaker', 'author'] as const) {
        const text = fields[key];
        if (text === null) continue;
        lines.push(`${key}: ${quoted(text)}`);
        (key === 'author' ? closing : key === 'title' ? opening : titleLines).push(blockText(key, [text]));
      }
      if (fields.date !== null) lines.push(`date: ${fields.date}`);
      if (fields.lang !== null) lines.push(`lang: ${fields.lang}`);
      if (fields.template !== null) lines.push(`template: ${fields.template}`);
      if (fields.toc !== null) lines.push(`toc: ${fields.toc}`);
      if (fields.excerpt !== null) lines.push(`excerpt: ${fields.excerpt}`);
      if (fields.keywords !== null) lines.push(`keywords: ${Array.isArray(fields.keywords) ? `[${fields.keywords.map(quoted).join(', ')}]` : quoted(fields.keywords)}`);
      if (fields.invalid !== null) lines.push(fields.invalid);
      lines.push('---');
      return { lines, opening, titleLines, closing };
    });
  return fc.oneof({ weight: 2, arbitrary: none }, { weight: 1, arbitrary: empty }, { weight: 4, arbitrary: full });
}

const RESERVED_IDS = ['content', 'toc-label', 'footnote-label', 'footnotes', 'section'];

/** A whole report source: front matter, blocks, links to its headings, definitions, footnotes. */
export function generatedDocument(options: GeneratorOptions = ALL_CONSTRUCTS): fc.Arbitrary<GeneratedDocument> {
  const context: SpanContext = { options, note: false, link: false, depth: 1, around: '' };
  const topLevel = fc.array(fc.oneof({ weight: 5, arbitrary: blocks(context, 3) }, { weight: 1, arbitrary: figure(options).map((block) => [block]) }), { minLength: 1, maxLength: 4 }).map((groups) => groups.flat());
  const noteText = fc.tuple(inlineSequence({ ...context, note: true }, 2), fc.option(textRun(options), { freq: 3 }));
  return fc
    .tuple(frontMatter(options), topLevel, fc.array(noteText, { minLength: 3, maxLength: 3 }), fc.integer({ min: 0, max: 3 }))
    .map(([front, body, noteTexts, headingLinks]) => {
      const content = stack(body);
      const lines = [...front.lines, ...(front.lines.length > 0 ? [''] : []), ...content.lines];
      const texts = [...front.opening, ...content.texts];

      // Internal links to headings, by the id the project gives them (GitHub's slugs).
      const slugger = new GithubSlugger();
      for (const id of RESERVED_IDS) slugger.slug(id);
      const ids = content.headings.map((text) => slugger.slug(text));
      const targets = ids.slice(0, headingLinks);
      if (targets.length > 0) {
        lines.push('', targets.map((id, index) => `See [part ${index + 1}](#${id})`).join(' and '));
        texts.push(blockText('paragraph', [targets.map((_id, index) => `See part ${index + 1}`).join(' and ')]));
      }

      lines.push('', '[r1]: https://example.org/one "One"', '[R2]: <https://example.org/two>');

      // Footnotes: one definition for each label referred to, numbered by first reference.
      const labels = ['1', 'n2', '注3'];
      const order = [...new Set(content.notes)];
      const footnotes: BlockText[] = [];
      for (const label of order) {
        const [first, second] = noteTexts[labels.indexOf(label)] ?? noteTexts[0] ?? [];
        if (!first) continue;
        lines.push('', `[^${label}]: ${first.md}`);
        footnotes.push(blockText('footnote', first.frags));
        if (second) {
          lines.push('', `    ${second.md}`);
          footnotes.push(blockText('footnote', second.frags));
        }
      }
      return {
        markdown: `${lines.join('\n')}\n`,
        body: [...texts, ...front.closing].map((text, index) => ({ ...text, line: index + 1 })),
        titleLines: front.titleLines,
        footnotes: footnotes.map((text, index) => ({ ...text, line: index + 1 })),
        alts: content.alts,
        missingAlts: content.missingAlts,
      };
    });
}
