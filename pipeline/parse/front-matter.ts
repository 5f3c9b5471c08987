import { LineCounter, parseDocument, isMap, isScalar, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import type { Yaml } from 'mdast';
import type { VFile } from 'vfile';
import type { ReportMeta } from '../types.ts';
import { error } from '../util/messages.ts';
import { closestWord } from '../util/did-you-mean.ts';
import { TEMPLATE_NAMES } from '../template/names.ts';

const text = z.string().trim().min(1, 'must not be empty');
const dateText = z
  .union([z.string(), z.number().int()])
  .transform(String)
  .pipe(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date written as YYYY, YYYY-MM or YYYY-MM-DD').refine(isRealDate, 'must be a real calendar date (year 1000–9999)'));

function isRealDate(text: string): boolean {
  const [year = 0, month = 1, day = 1] = text.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1000 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Schema of every front-matter key report-press knows. */
const fieldSchemas = {
  title: text,
  subtitle: text,
  author: text,
  speaker: text,
  date: dateText,
  lang: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as zh-CN or en'),
  template: z.enum(TEMPLATE_NAMES, { error: `must be one of the templates: ${TEMPLATE_NAMES.join(', ')}` }),
  toc: z.boolean(),
  excerpt: z.boolean(),
  subject: text,
  description: text,
  keywords: z.union([text.transform((value) => [value]), z.array(z.union([z.string(), z.number()]).transform(String).pipe(text))]),
} as const;

type FieldName = keyof typeof fieldSchemas;

/** The front-matter keys report-press accepts. */
export const FRONT_MATTER_KEYS = Object.keys(fieldSchemas) as FieldName[];

function isFieldName(key: string): key is FieldName {
  return Object.hasOwn(fieldSchemas, key);
}

/**
 * The language a source is written in when the front matter does not say: Chinese when Han
 * characters are at least as many as Latin words (a Chinese report quoting English stays
 * Chinese; an English report naming 北京 once stays English).
 */
function guessLanguage(source: string): string {
  const text = source.replace(/<[^>]*>/g, ' ').replace(/\]\([^)]*\)/g, ']');
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latinWords = text.match(/[A-Za-z]+/g)?.length ?? 0;
  return han > 0 && han >= latinWords ? 'zh-CN' : 'en';
}

/**
 * Read and validate the YAML front matter. Every problem becomes an error at its own line of
 * the source; defaults (language from the text, template from the language) are filled in.
 */
export function readFrontMatter(yamlNode: Yaml | undefined, file: VFile): ReportMeta {
  const raw: Record<string, unknown> = {};
  if (yamlNode) Object.assign(raw, parseFields(yamlNode, file));

  const body = yamlNode?.position ? String(file.value).slice(yamlNode.position.end.offset ?? 0) : String(file.value);
  const lang = typeof raw.lang === 'string' ? raw.lang : guessLanguage(body);
  const template = typeof raw.template === 'string' ? raw.template : lang.startsWith('zh') ? 'gov-report' : 'default';
  const meta: ReportMeta = {
    lang,
    template,
    toc: raw.toc === true,
    excerpt: raw.excerpt === true,
    keywords: Array.isArray(raw.keywords) ? (raw.keywords as string[]) : [],
  };
  for (const key of ['title', 'subtitle', 'author', 'speaker', 'date', 'subject', 'description'] as const) {
    const value = raw[key];
    if (typeof value === 'string') meta[key] = value;
  }
  return meta;
}

function parseFields(yamlNode: Yaml, file: VFile): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const firstLine = (yamlNode.position?.start.line ?? 1) + 1;
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlNode.value, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    const position = lineCounter.linePos(offset ?? 0);
    return { line: firstLine + position.line - 1, column: position.col };
  };

  if (document.errors.length > 0) {
    for (const problem of document.errors) {
      error(file, `Invalid YAML in front matter: ${problem.message.split('\n')[0]}`, at(problem.pos[0]), 'front-matter-yaml');
    }
    return fields;
  }
  const contents = document.contents;
  if (contents === null) return fields;
  if (!isMap(contents)) {
    error(file, 'Front matter must be a mapping of `key: value` lines', at(rangeStart(contents)), 'front-matter-yaml');
    return fields;
  }
  for (const pair of contents.items) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const place = at(rangeStart(keyNode));
    if (!isFieldName(key)) {
      const suggestion = closestWord(key, FRONT_MATTER_KEYS);
      const hint = suggestion ? ` (did you mean \`${suggestion}\`?)` : ` (known keys: ${FRONT_MATTER_KEYS.join(', ')})`;
      error(file, `Unknown front-matter key \`${key}\`${hint}`, place, 'front-matter-unknown-key');
      continue;
    }
    const valueNode = pair.value;
    const value: unknown = valueNode && typeof (valueNode as YamlNode).toJSON === 'function' ? (valueNode as YamlNode).toJSON() : valueNode;
    const result = fieldSchemas[key].safeParse(value);
    if (result.success) {
      fields[key] = result.data;
    } else {
      const reason = result.error.issues[0]?.message ?? 'has the wrong type';
      const shown = JSON.stringify(value) ?? String(value);
      error(file, `Front-matter key \`${key}\` ${describe(reason)} (got ${shown})`, at(rangeStart(valueNode) ?? rangeStart(keyNode)), 'front-matter-type');
    }
  }
  return fields;
}

function describe(reason: string): string {
  return /^(must|is)\b/.test(reason) ? reason : `is invalid: ${reason}`;
}

function rangeStart(node: unknown): number | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: [number, number, number] | null }).range;
    return range?.[0];
  }
  return undefined;
}
