import { lockedError, rule, type MessageLanguage } from './define.ts';

/** What a message says about one suggestion: its kind, who made it and when, and its text. */
export interface SuggestionSummary {
  kind: 'insert' | 'delete' | 'substitute' | 'comment' | 'move';
  author?: string;
  date?: string;
  /** The suggestion's text, shortened (a substitution: old → new). */
  excerpt: string;
}

const KIND_WORDS = {
  insert: { en: 'insertion', zh: '插入' },
  delete: { en: 'deletion', zh: '删除' },
  substitute: { en: 'replacement', zh: '替换' },
  comment: { en: 'comment', zh: '批注' },
  move: { en: 'move', zh: '移动' },
} as const;

function describe(summary: SuggestionSummary, language: MessageLanguage): string {
  const who = [summary.author, summary.date].filter((part) => part !== undefined && part !== '').join(' ');
  if (language === 'zh') return `${who === '' ? '' : `${who} 的`}${KIND_WORDS[summary.kind].zh}“${summary.excerpt}”`;
  return `${KIND_WORDS[summary.kind].en} “${summary.excerpt}”${who === '' ? '' : ` by ${who}`}`;
}

/** Rules about CriticMarkup suggestions in the source (`{++…++}`, `{--…--}`, `{~~…~>…~~}`, comments). */
export const REVIEW_RULES = {
  'review-suggestion': rule({
    severity: 'warning',
    text: {
      en: (summary: SuggestionSummary) => `Pending ${describe(summary, 'en')}; accept or reject it with press check --accept or --reject`,
      zh: (summary) => `待处理的${describe(summary, 'zh')}；可用 press check --accept 或 --reject 接受或拒绝`,
    },
  }),
  'review-pending': lockedError({
    en: (summary: SuggestionSummary) =>
      `Pending ${describe(summary, 'en')}: the PDF would print it as if it were decided; build with --accept, --reject or --marked, or decide it with press check --accept/--reject`,
    zh: (summary) => `待处理的${describe(summary, 'zh')}：PDF 会把它当作已定稿印出；请以 --accept、--reject 或 --marked 构建，或先用 press check --accept/--reject 处理`,
  }),
  'critic-unclosed': lockedError({
    en: ({ marker, closing }: { marker: string; closing: string }) => `CriticMarkup “${marker}” is not closed: no “${closing}” after it in the same paragraph, heading or cell`,
    zh: ({ marker, closing }) => `修订标记“${marker}”没有闭合：同一段落、标题或单元格中其后没有“${closing}”`,
  }),
} as const;
