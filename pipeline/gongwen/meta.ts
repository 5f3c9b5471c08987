/**
 * The 公文 (GB/T 9704-2012) settings a report's front matter may carry: their English keys, the
 * Chinese names accepted as aliases, and what the template `gongwen` reads of them.
 */

/** The formats of GB/T 9704-2012: 文件格式, 信函格式, 命令（令）格式, 纪要格式. */
export const GONGWEN_FORMATS = ['文件', '信函', '命令', '纪要'] as const;

/** A 公文 format. */
export type GongwenFormat = (typeof GONGWEN_FORMATS)[number];

/** Each format's name in class names and styles: `gw-format-letter`. */
export const FORMAT_SLUGS: Readonly<Record<GongwenFormat, string>> = { 文件: 'file', 信函: 'letter', 命令: 'order', 纪要: 'minutes' };

/** The 公文 elements read from the front matter (texts as written, after validation). */
export interface GongwenMeta {
  /** 份号: the copy's number, six Arabic digits. */
  copyNumber?: string;
  /** 密级和保密期限, e.g. `秘密★1年`. */
  classification?: string;
  /** 紧急程度: `特急` or `加急`. */
  urgency?: string;
  /** 发文机关标志 (default: the author + 文件, or + 纪要 for a 纪要). */
  issuerMark?: string;
  /** 发文字号, e.g. `秦政〔2024〕1号`. */
  docNumber?: string;
  /** 签发人 (a 上行文 carries them): one or several names. */
  signers: string[];
  /** 主送机关, as written (ending in a full-width colon). */
  recipients?: string;
  /** 附件 names, in order (the 附件说明). */
  attachments: string[];
  /** 发文机关署名: one organ, or several for 联合行文 (default: the author). */
  signatures: string[];
  /** 印章: an image file beside the source. */
  seal?: string;
  /** 附注, without its brackets. */
  note?: string;
  /** 抄送机关. */
  cc: string[];
  /** 印发机关. */
  printer?: string;
  /** 印发日期, ISO (`2024-01-20`). */
  printDate?: string;
  /** The format (default 文件). */
  format: GongwenFormat;
  /** 纪要: 出席, 请假 and 列席 (units and names, one entry each). */
  attendees: string[];
  onLeave: string[];
  observers: string[];
  /**
   * Where the front matter gives each value, by English key (`doc-number`, `title`…), and each
   * item of a list by key and index (`attachments.0`): for the messages about them.
   */
  places?: Record<string, { line: number; column: number }>;
}

/** The front-matter keys of the 公文 elements, each with its Chinese name (accepted as an alias). */
export const GONGWEN_KEYS = {
  'copy-number': '份号',
  classification: '密级',
  urgency: '紧急程度',
  'issuer-mark': '发文机关标志',
  'doc-number': '发文字号',
  signer: '签发人',
  recipients: '主送机关',
  attachments: '附件',
  signature: '发文机关署名',
  seal: '印章',
  note: '附注',
  cc: '抄送机关',
  printer: '印发机关',
  'print-date': '印发日期',
  format: '格式',
  attendees: '出席',
  'on-leave': '请假',
  observers: '列席',
} as const;

/** Chinese names of front-matter keys, for the 公文 keys and the common ones they share. */
export const CHINESE_KEY_ALIASES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(GONGWEN_KEYS).map(([key, name]) => [name, key])),
  标题: 'title',
  发文机关: 'author',
  作者: 'author',
  日期: 'date',
  成文日期: 'date',
  抄送: 'cc',
  模板: 'template',
  语言: 'lang',
};

/** `命令` is also written `令`. */
export function normaliseFormat(value: string): GongwenFormat | undefined {
  const format = value === '令' ? '命令' : value.replace(/格式$/, '');
  return (GONGWEN_FORMATS as readonly string[]).includes(format) ? (format as GongwenFormat) : undefined;
}

/** The 发文机关标志's text: as given, else the author + 文件 (信函: the author alone; 命令: + 令; 纪要: + 纪要, unless the name already ends so). */
export function issuerMarkText(author: string | undefined, gongwen: GongwenMeta): string {
  if (gongwen.issuerMark) return gongwen.issuerMark;
  const name = author ?? gongwen.signatures[0] ?? '';
  const suffix = { 文件: '文件', 信函: '', 命令: '令', 纪要: '纪要' }[gongwen.format];
  return name.endsWith(suffix) ? name : `${name}${suffix}`;
}
