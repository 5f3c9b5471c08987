import type { VFile } from 'vfile';
import type { MessageLanguage } from './catalogue/define.ts';

/**
 * The language a source is written in when the front matter does not say: Chinese when Han
 * characters are at least as many as Latin words (a Chinese report quoting English stays
 * Chinese; an English report naming 北京 once stays English).
 */
export function guessLanguage(source: string): string {
  const text = source.replace(/<[^>]*>/g, ' ').replace(/\]\([^)]*\)/g, ']');
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latinWords = text.match(/[A-Za-z]+/g)?.length ?? 0;
  return han > 0 && han >= latinWords ? 'zh-CN' : 'en';
}

/** Whether a language tag names Chinese (`zh`, `zh-CN`, `zh-Hant-TW`…). */
export function isChineseTag(tag: string): boolean {
  return /^zh(?:-|$)/i.test(tag);
}

declare module 'vfile' {
  interface DataMap {
    /** The language guessed from the whole source, for messages given before the front matter is read. */
    guessedLanguage: string;
  }
}

/**
 * The language of a file's messages: Chinese when the report's language (`meta.lang`) is
 * Chinese, else English. Before the front matter is read (an encoding or YAML error), the
 * language is guessed from the source text as the front matter would.
 */
export function messageLanguage(file: VFile): MessageLanguage {
  const tag = file.data.meta?.lang ?? (file.data.guessedLanguage ??= guessLanguage(String(file.value ?? '')));
  return isChineseTag(tag) ? 'zh' : 'en';
}
