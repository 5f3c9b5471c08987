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
};

/** Labels for a BCP 47 language tag: Chinese for `zh…`, English otherwise. */
export function labelsFor(lang: string): PageLabels {
  return lang.toLowerCase().startsWith('zh') ? zh : en;
}
