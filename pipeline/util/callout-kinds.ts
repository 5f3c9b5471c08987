/** The kinds of callout GitHub's alerts have (`> [!NOTE]` …), in the order GitHub lists them. */
export const CALLOUT_KINDS = ['note', 'tip', 'important', 'warning', 'caution'] as const;

/** One kind of callout. */
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

const TITLES: Record<'en' | 'zh', Record<CalloutKind, string>> = {
  en: { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' },
  zh: { note: '注意', tip: '提示', important: '重要', warning: '警告', caution: '小心' },
};

/** Whether a word (lower case) names a callout kind. */
export function isCalloutKind(word: string): word is CalloutKind {
  return (CALLOUT_KINDS as readonly string[]).includes(word);
}

/** The kind a marker's word names: GitHub's (any case), or its Chinese title (`[!注意]`). */
export function calloutKindOf(word: string): CalloutKind | undefined {
  const lower = word.toLowerCase();
  if (isCalloutKind(lower)) return lower;
  return CALLOUT_KINDS.find((kind) => TITLES.zh[kind] === word);
}

/** A callout's default title in the report's language (Chinese for `zh…`, English otherwise). */
export function calloutTitle(kind: CalloutKind, lang: string): string {
  return TITLES[lang.toLowerCase().startsWith('zh') ? 'zh' : 'en'][kind];
}
