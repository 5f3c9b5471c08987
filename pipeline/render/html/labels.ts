import type { Attribution } from '../../critic/syntax.ts';

/** What a suggestion's label names. */
export type SuggestionLabelKind = 'insert' | 'delete' | 'substitute' | 'comment' | 'moveFrom' | 'moveTo';

/** Words the HTML page needs, in the report's language. */
export interface PageLabels {
  skipLink: string;
  contents: string;
  footnotes: string;
  backToReference: (referenceIndex: number, rereferenceIndex: number) => string;
  table: (index: number) => string;
  excerpt: string;
  imageUnavailable: string;
  /** Label before the publication date, separator included. */
  published: string;
  /** A suggestion's label, brackets included: what changed, who changed it and when (a comment: its text too). */
  suggestion: (kind: SuggestionLabelKind, attribution: Attribution) => string;
}

const ZH_KINDS: Record<SuggestionLabelKind, string> = { insert: '插入', delete: '删除', substitute: '替换', comment: '批注', moveFrom: '移出', moveTo: '移入' };
const EN_KINDS: Record<SuggestionLabelKind, string> = { insert: 'Inserted', delete: 'Deleted', substitute: 'Replaced', comment: 'Comment', moveFrom: 'Moved away', moveTo: 'Moved here' };

function who(attribution: Attribution): string {
  return [attribution.author, attribution.date].filter((part) => part !== undefined && part !== '').join(' ');
}

function noteOf(kind: SuggestionLabelKind, attribution: Attribution): string {
  // A move's note is its id, which says nothing to a reader.
  return kind === 'moveFrom' || kind === 'moveTo' ? '' : (attribution.text ?? '');
}

const zh: PageLabels = {
  skipLink: '跳到正文',
  contents: '目录',
  footnotes: '注释',
  backToReference: (index, again) => `返回正文第${index + 1}处注释引用${again > 1 ? `（第${again}次）` : ''}`,
  table: (index) => `表格${index}（可横向滚动）`,
  excerpt: '节选',
  imageUnavailable: '图片',
  published: '发布日期：',
  suggestion: (kind, attribution) => {
    const note = noteOf(kind, attribution);
    const by = who(attribution);
    return `【${ZH_KINDS[kind]}${by === '' ? '' : `：${by}`}${note === '' ? '' : `：${note}`}】`;
  },
};

const en: PageLabels = {
  skipLink: 'Skip to content',
  contents: 'Contents',
  footnotes: 'Footnotes',
  backToReference: (index, again) => `Back to reference ${index + 1}${again > 1 ? ` (${again})` : ''}`,
  table: (index) => `Table ${index} (scrolls sideways)`,
  excerpt: 'Excerpt',
  imageUnavailable: 'Image',
  published: 'Published: ',
  suggestion: (kind, attribution) => {
    const note = noteOf(kind, attribution);
    const by = who(attribution);
    return `[${EN_KINDS[kind]}${by === '' ? '' : ` by ${by}`}${note === '' ? '' : `: ${note}`}]`;
  },
};

/** Labels for a BCP 47 language tag: Chinese for `zh…`, English otherwise. */
export function labelsFor(lang: string): PageLabels {
  return lang.toLowerCase().startsWith('zh') ? zh : en;
}
