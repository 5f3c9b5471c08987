import { parseDocument, isMap, isScalar, isSeq } from 'yaml';
import { z } from 'zod';
import type { Yaml } from 'mdast';
import type { ReportMeta } from '../types.ts';
import type { PendingMessage, Place } from '../util/messages.ts';
import type { FieldExpectation } from '../util/catalogue/source-rules.ts';
import { closestWord } from '../util/did-you-mean.ts';
import { guessLanguage, isChineseTag } from '../util/language.ts';
import { TEMPLATE_NAMES } from '../template/names.ts';
import { CHINESE_KEY_ALIASES, GONGWEN_KEYS, normaliseFormat, type GongwenFormat, type GongwenMeta } from '../gongwen/meta.ts';
import { arabicDate } from '../util/catalogue/gongwen-rules.ts';
import { readRuleSettings } from './rule-settings.ts';
import { plainValue, rangeStart, shown, yamlPlaces } from './yaml-place.ts';
import { expandAliases } from './yaml-aliases.ts';
import { CONTROL_CHARACTERS, codePointName, withoutControlCharacters } from '../util/control-characters.ts';

/** A front-matter value with the control characters of its texts removed, each one reported. */
function withoutControls<T>(value: T, report: (codepoint: string) => void): T {
  if (typeof value === 'string') {
    for (const match of value.matchAll(CONTROL_CHARACTERS)) report(codePointName(match[0]));
    return withoutControlCharacters(value) as T;
  }
  return (Array.isArray(value) ? value.map((item: unknown) => withoutControls(item, report)) : value) as T;
}

const text = z.string().trim().min(1);
const REAL_DATE = 'real-date';
const dateText = z
  .union([z.string(), z.number().int()])
  .transform(String)
  // A 公文 writes its date 2024年1月20日 (GB/T 9704: Arabic numerals, the year in full): read as ISO.
  .transform((value) => value.trim().replace(/^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?$/, (_whole, year: string, month?: string, day?: string) => [year, month, day].filter((part) => part !== undefined).map((part) => part.padStart(2, '0')).join('-')))
  .pipe(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).refine(isRealDate, REAL_DATE));
const textOrList = z.union([text.transform((value) => [value]), z.array(z.union([z.string(), z.number()]).transform(String).pipe(text)).min(1)]);

function isRealDate(text: string): boolean {
  const [year = 0, month = 1, day = 1] = text.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1000 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Schema of every front-matter key report-press knows but `rules`, with what its message says it must be. */
const fields = {
  title: { schema: text, expected: 'text' },
  subtitle: { schema: text, expected: 'text' },
  author: { schema: text, expected: 'text' },
  speaker: { schema: text, expected: 'text' },
  date: { schema: dateText, expected: 'date-format' },
  lang: { schema: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/), expected: 'language-tag' },
  template: { schema: z.enum(TEMPLATE_NAMES), expected: 'template' },
  toc: { schema: z.boolean(), expected: 'boolean' },
  crossref: { schema: z.strictObject({ chapters: z.boolean().optional() }), expected: 'crossref' },
  excerpt: { schema: z.boolean(), expected: 'boolean' },
  subject: { schema: text, expected: 'text' },
  description: { schema: text, expected: 'text' },
  keywords: { schema: z.union([text.transform((value) => [value]), z.array(z.union([z.string(), z.number()]).transform(String).pipe(text))]), expected: 'keywords' },
  bibliography: { schema: z.union([text.transform((value) => [value]), z.array(text).min(1)]), expected: 'keywords' },
  csl: { schema: text, expected: 'text' },
  'copy-number': { schema: z.union([z.string(), z.number().int()]).transform(String).pipe(z.string().trim().regex(/^\d{1,6}$/)), expected: 'copy-number' },
  classification: { schema: z.string().trim().regex(/^(绝密|机密|秘密)(★\S+)?$/), expected: 'classification' },
  urgency: { schema: z.enum(['特急', '加急']), expected: 'urgency' },
  'issuer-mark': { schema: text, expected: 'text' },
  'doc-number': { schema: text, expected: 'text' },
  signer: { schema: textOrList, expected: 'keywords' },
  recipients: { schema: text, expected: 'text' },
  attachments: { schema: textOrList, expected: 'keywords' },
  signature: { schema: textOrList, expected: 'keywords' },
  seal: { schema: text, expected: 'text' },
  note: { schema: text, expected: 'text' },
  cc: { schema: textOrList, expected: 'keywords' },
  printer: { schema: text, expected: 'text' },
  'print-date': { schema: dateText, expected: 'date-format' },
  attendees: { schema: textOrList, expected: 'keywords' },
  'on-leave': { schema: textOrList, expected: 'keywords' },
  observers: { schema: textOrList, expected: 'keywords' },
  format: { schema: z.string().trim().transform((value, context) => normaliseFormat(value) ?? (context.addIssue({ code: 'custom', message: 'format' }), z.NEVER)), expected: 'gongwen-format' },
} as const satisfies Record<string, { schema: z.ZodType; expected: FieldExpectation }>;

type FieldName = keyof typeof fields;

/** The front-matter keys report-press accepts (the Chinese names of {@link CHINESE_KEY_ALIASES} too). */
export const FRONT_MATTER_KEYS: readonly string[] = [...Object.keys(fields), 'rules'];

function isFieldName(key: string): key is FieldName {
  return Object.hasOwn(fields, key);
}

/** The front matter read: settings with defaults filled in, and its problems, to be given once the language is known. */
export interface FrontMatter {
  meta: ReportMeta;
  problems: PendingMessage[];
}

/**
 * Read and validate the YAML front matter. Every problem is an error at its own line of the
 * source (returned, not yet given: its language is the report's, known only at the end);
 * defaults (language from the text, template from the language) are filled in. `rules` holds
 * severity settings by rule id.
 */
export function readFrontMatter(yamlNode: Yaml | undefined, source: string): FrontMatter {
  const raw: Record<string, unknown> = {};
  const problems: PendingMessage[] = [];
  const places: NonNullable<GongwenMeta['places']> = {};
  if (yamlNode) Object.assign(raw, parseFields(yamlNode, problems, places));

  const body = yamlNode?.position ? source.slice(yamlNode.position.end.offset ?? 0) : source;
  const lang = typeof raw.lang === 'string' ? raw.lang : guessLanguage(body);
  const gongwenKeys = Object.keys(GONGWEN_KEYS).filter((key) => raw[key] !== undefined);
  // A Chinese source that gives 公文 elements is a 公文: the template that lays them out.
  const template = typeof raw.template === 'string' ? raw.template : isChineseTag(lang) ? (gongwenKeys.length > 0 ? 'gongwen' : 'gov-report') : 'default';
  const meta: ReportMeta = {
    lang,
    template,
    toc: raw.toc === true,
    numberByChapter: typeof raw.crossref === 'object' && raw.crossref !== null && (raw.crossref as { chapters?: boolean }).chapters === true,
    excerpt: raw.excerpt === true,
    keywords: Array.isArray(raw.keywords) ? (raw.keywords as string[]) : [],
  };
  for (const key of ['title', 'subtitle', 'author', 'speaker', 'date', 'subject', 'description'] as const) {
    const value = raw[key];
    if (typeof value === 'string') meta[key] = value;
  }
  if (raw.rules && typeof raw.rules === 'object') meta.rules = raw.rules as NonNullable<ReportMeta['rules']>;
  if (Array.isArray(raw.bibliography)) meta.bibliography = raw.bibliography as NonNullable<ReportMeta['bibliography']>;
  if (raw.csl && typeof raw.csl === 'object') meta.csl = raw.csl as NonNullable<ReportMeta['csl']>;
  if (template === 'gongwen') meta.gongwen = { ...gongwenMeta(raw, meta.author), places };
  return { meta, problems };
}

/** The 公文 elements of validated front-matter values. */
function gongwenMeta(raw: Record<string, unknown>, author: string | undefined): GongwenMeta {
  const list = (key: string) => (Array.isArray(raw[key]) ? (raw[key] as string[]) : []);
  const one = (key: string) => (typeof raw[key] === 'string' ? { [camel(key)]: raw[key] as string } : {});
  const signatures = list('signature');
  const format = (raw['format'] as GongwenFormat | undefined) ?? '文件';
  return {
    ...one('copy-number'),
    ...one('classification'),
    ...one('urgency'),
    ...one('issuer-mark'),
    ...one('doc-number'),
    ...one('recipients'),
    ...one('seal'),
    ...one('note'),
    ...one('printer'),
    ...one('print-date'),
    signers: list('signer'),
    attachments: list('attachments'),
    signatures: signatures.length > 0 ? signatures : defaultSignatures(format, list('signer'), author),
    cc: list('cc'),
    attendees: list('attendees'),
    onLeave: list('on-leave'),
    observers: list('observers'),
    format,
  };
}

/**
 * The 署名 when none is given: the author; a 命令 is signed by its 签发人 (职务 and name, GB/T
 * 9704 10.2), a 纪要 by no one (10.4).
 */
function defaultSignatures(format: GongwenFormat, signers: string[], author: string | undefined): string[] {
  if (format === '纪要') return [];
  if (format === '命令' && signers.length > 0) return signers;
  return author ? [author] : [];
}

function camel(key: string): string {
  return key.replace(/-(\w)/g, (_dash, letter: string) => letter.toUpperCase());
}

/** A place in the source as line and column. */
function point(place: Place): { line: number; column: number } {
  return place && 'line' in place ? { line: place.line, column: place.column } : { line: 1, column: 1 };
}

/** Validate the front matter's keys; `keyPlaces` receives where each known key's value (and list item) is. */
function parseFields(yamlNode: Yaml, problems: PendingMessage[], keyPlaces: Record<string, { line: number; column: number }>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const places = yamlPlaces((yamlNode.position?.start.line ?? 1) + 1);
  // A line that ends in CR alone (classic Mac) ends a line for Markdown, but the YAML parser reads
  // it as a space: make it LF, one character for one, so that offsets stay as they were.
  const document = parseDocument(yamlNode.value.replace(/\r(?!\n)/g, '\n'), { lineCounter: places.lineCounter, prettyErrors: false, uniqueKeys: true });

  if (document.errors.length > 0) {
    const lines = yamlNode.value.split(/\r\n|\r|\n/);
    for (const problem of document.errors) {
      // The usual cause: a value ending in a half-width colon (`主送机关: 各区人民政府:`), read as a mapping.
      const line = lines[places.lineCounter.linePos(problem.pos[0]).line - 1] ?? '';
      const colonValue = /^\s*[^:#]+:\s+\S.*(:\s|:$)/.test(line);
      problems.push({ rule: 'front-matter-yaml', place: places.at(problem.pos[0]), args: { kind: 'syntax', detail: problem.message.split('\n')[0] ?? '', ...(colonValue ? { colonValue } : {}) } });
    }
    return values;
  }
  const aliases = expandAliases(document);
  if (aliases !== undefined) {
    problems.push({ rule: 'front-matter-yaml', place: places.at(aliases.offset), args: { kind: 'syntax', detail: aliases.detail } });
    return values;
  }
  const contents = document.contents;
  if (contents === null) return values;
  if (!isMap(contents)) {
    problems.push({ rule: 'front-matter-yaml', place: places.at(rangeStart(contents)), args: { kind: 'not-mapping' } });
    return values;
  }
  const seen = new Map<string, string>();
  for (const pair of contents.items) {
    const keyNode = pair.key;
    const written = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const key = CHINESE_KEY_ALIASES[written] ?? written;
    // A key and its Chinese name both given: YAML sees two keys, report-press one.
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ rule: 'front-matter-yaml', place: places.at(rangeStart(keyNode)), args: { kind: 'syntax', detail: `Map keys must be unique: ${written} and ${earlier} name the same key (${key})` } });
      continue;
    }
    seen.set(key, written);
    const valueNode = pair.value;
    const valuePlace = places.at(rangeStart(valueNode) ?? rangeStart(keyNode));
    if (key === 'rules') {
      if (isMap(valueNode)) {
        const read = readRuleSettings(valueNode, places);
        values.rules = read.settings;
        problems.push(...read.problems);
      } else if (plainValue(valueNode) !== null) {
        problems.push({ rule: 'front-matter-type', place: valuePlace, args: { key, expected: 'rules', got: shown(plainValue(valueNode)) } });
      }
      continue;
    }
    if (!isFieldName(key)) {
      problems.push({ rule: 'front-matter-unknown-key', place: places.at(rangeStart(keyNode)), args: { key, suggestion: closestWord(key, /\p{Script=Han}/u.test(key) ? Object.keys(CHINESE_KEY_ALIASES) : FRONT_MATTER_KEYS), known: FRONT_MATTER_KEYS } });
      continue;
    }
    keyPlaces[key] = point(valuePlace);
    if (isSeq(valueNode)) valueNode.items.forEach((item, index) => (keyPlaces[`${key}.${index}`] = point(places.at(rangeStart(item)))));
    const value = plainValue(valueNode);
    const result = fields[key].schema.safeParse(value);
    if (result.success) {
      values[key] = withoutControls(result.data, (codepoint) => problems.push({ rule: 'control-character', place: valuePlace, args: { codepoint } }));
      // Files and styles are read later: each keeps where it is named, for the messages about it.
      if (key === 'bibliography') values[key] = (values[key] as string[]).map((file, index) => ({ path: file, place: places.at((isSeq(valueNode) ? rangeStart(valueNode.items[index]) : undefined) ?? rangeStart(valueNode)) }));
      if (key === 'csl') values[key] = { value: values[key], place: valuePlace };
    } else {
      // A date in Chinese numerals (二〇二四年一月二十日) is a 公文 habit GB/T 9704 forbids: say so.
      const arabic = (key === 'date' || key === 'print-date') && typeof value === 'string' ? arabicDate(value) : undefined;
      if (arabic !== undefined) {
        problems.push({ rule: 'gongwen-date-numerals', place: valuePlace, args: { key: written, got: String(value), arabic } });
        continue;
      }
      const expected = result.error.issues.some((issue) => issue.message === REAL_DATE) ? 'real-date' : fields[key].expected;
      // Named as written: a 公文 key may be written in Chinese.
      problems.push({ rule: 'front-matter-type', place: valuePlace, args: { key: written, expected, got: shown(value) } });
    }
  }
  return values;
}
