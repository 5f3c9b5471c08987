/**
 * CriticMarkup, the one syntax for pending suggestions in a report-press source, shared by every
 * command that reads or writes them (`import`, `review`, `compare`, `check --accept/--reject`,
 * and the build that renders them).
 *
 *   {++inserted++}   {--deleted--}   {~~old~>new~~}   {==anchored text==}{>>comment<<}
 *
 * Attribution: a comment written right after a change, with no space between, says who made it
 * and when, and may carry a note of its own:
 *
 *   {++，加快建设++}{>>市发展改革委 2024-12-01<<}
 *   {--旧的表述--}{>>市财政局 2024-12-02T09:30: 与预算报告不一致<<}
 *   {==全年目标==}{>>市统计局: 请核对口径<<}
 *
 * The comment's content is `AUTHOR[ DATE][: TEXT]`, where DATE is `YYYY-MM-DD`, optionally with
 * `Thh:mm[:ss][Z]`, and the separator before TEXT is a half- or full-width colon. A comment with
 * neither a date nor a colon is text without an author. A comment after a highlight is a comment
 * anchored to the highlighted text; a comment anywhere else is a comment at that point.
 *
 * A span lies within the inline content of one block (a paragraph, a heading, a table cell).
 *
 * A moved passage is a deletion where it was and an insertion where it went, both attributed
 * with the note `move:<id>` (the same id at both ends): `{--段落--}{>>张三 2024-12-01: move:m1<<}`
 * … `{++段落++}{>>张三 2024-12-01: move:m1<<}`. Word shows the pair as a move
 * (`w:moveFrom`/`w:moveTo`), other outputs as a deletion and an insertion labelled as moved.
 */
import type { Parent, PhrasingContent } from 'mdast';

/** Who made a suggestion and when, and the note they gave with it. */
export interface Attribution {
  /** The department or person (`市发展改革委`). */
  author?: string;
  /** `YYYY-MM-DD`, or an ISO date and time (`2024-12-02T09:30:00Z`). */
  date?: string;
  /** A note with the change, or a comment's text. */
  text?: string;
}

/** `{++…++}`: text a reviewer inserted. */
export interface SuggestionInsert extends Parent {
  type: 'suggestionInsert';
  children: PhrasingContent[];
  attribution: Attribution;
}

/** `{--…--}`: text a reviewer deleted. */
export interface SuggestionDelete extends Parent {
  type: 'suggestionDelete';
  children: PhrasingContent[];
  attribution: Attribution;
}

/** `{~~old~>new~~}`: text a reviewer replaced; `children` is the old text, `inserted` the new. */
export interface SuggestionSubstitute extends Parent {
  type: 'suggestionSubstitute';
  children: PhrasingContent[];
  inserted: PhrasingContent[];
  attribution: Attribution;
}

/** `{==…==}{>>…<<}` or a lone `{>>…<<}`: a comment, anchored to `children` (empty at a point). */
export interface SuggestionComment extends Parent {
  type: 'suggestionComment';
  children: PhrasingContent[];
  attribution: Attribution;
}

/** Any CriticMarkup node. */
export type Suggestion = SuggestionInsert | SuggestionDelete | SuggestionSubstitute | SuggestionComment;

/** The kinds of change, as the commands name them. */
export type ChangeKind = 'insert' | 'delete' | 'substitute';

const DATE = String.raw`\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?)?`;
const WITH_DATE = new RegExp(String.raw`^(.*?)\s+(${DATE})\s*(?:[:：]\s*([\s\S]*))?$`);
const WITH_COLON = /^([^:：\n]*?)\s*[:：]\s*([\s\S]*)$/;

const MOVE = /^move:(\S+)$/;

/** The id of the move an attributed change belongs to (`move:<id>` as its note), if any. */
export function moveId(attribution: Attribution): string | undefined {
  return attribution.text === undefined ? undefined : MOVE.exec(attribution.text)?.[1];
}

/** Read a comment's content (`市发展改革委 2024-12-01: 建议…`) into its author, date and text. */
export function parseAttribution(content: string): Attribution {
  const trimmed = content.trim();
  const dated = WITH_DATE.exec(trimmed);
  if (dated) return compact({ author: dated[1]?.trim(), date: dated[2], text: dated[3]?.trim() });
  const onlyDate = new RegExp(`^(${DATE})\\s*(?:[:：]\\s*([\\s\\S]*))?$`).exec(trimmed);
  if (onlyDate) return compact({ date: onlyDate[1], text: onlyDate[2]?.trim() });
  const named = WITH_COLON.exec(trimmed);
  if (named && named[1] !== '') return compact({ author: named[1], text: named[2]?.trim() });
  return compact({ text: trimmed });
}

/** Write an attribution as a comment's content, the inverse of `parseAttribution`. */
export function formatAttribution(attribution: Attribution): string {
  const head = [attribution.author, attribution.date].filter((part) => part !== undefined && part !== '').join(' ');
  const text = attribution.text ?? '';
  if (head === '') return text;
  return text === '' ? head : `${head}: ${text}`;
}

/** The comment that follows a change (`{>>…<<}`), or nothing for an empty attribution. */
export function attributionComment(attribution: Attribution): string {
  const content = formatAttribution(attribution);
  return content === '' ? '' : `{>>${escapeSpan(content, '<<}')}<<}`;
}

/** `{++text++}` with its attribution. */
export function insertMarkup(text: string, attribution: Attribution = {}): string {
  return `{++${escapeSpan(text, '++}')}++}${attributionComment(attribution)}`;
}

/** `{--text--}` with its attribution. */
export function deleteMarkup(text: string, attribution: Attribution = {}): string {
  return `{--${escapeSpan(text, '--}')}--}${attributionComment(attribution)}`;
}

/** `{~~old~>new~~}` with its attribution. */
export function substituteMarkup(oldText: string, newText: string, attribution: Attribution = {}): string {
  return `{~~${escapeSpan(oldText, '~>')}~>${escapeSpan(newText, '~~}')}~~}${attributionComment(attribution)}`;
}

/** `{==anchor==}{>>comment<<}`, or a lone `{>>comment<<}` for an empty anchor. */
export function commentMarkup(anchor: string, attribution: Attribution): string {
  const comment = `{>>${escapeSpan(formatAttribution(attribution), '<<}')}<<}`;
  return anchor === '' ? comment : `{==${escapeSpan(anchor, '==}')}==}${comment}`;
}

/**
 * A span's text must not hold its own closing marker; a backslash before the marker's first
 * character keeps it literal (Markdown's backslash escape of punctuation).
 */
function escapeSpan(text: string, closing: string): string {
  return text.split(closing).join(`\\${closing}`);
}

function compact(attribution: { author?: string | undefined; date?: string | undefined; text?: string | undefined }): Attribution {
  const result: Attribution = {};
  if (attribution.author) result.author = attribution.author;
  if (attribution.date) result.date = attribution.date;
  if (attribution.text) result.text = attribution.text;
  return result;
}
