import { lockedError, rule } from './define.ts';

/** What is wrong with a 发文字号 (GB/T 9704 7.2.5). */
export type DocNumberProblem = 'brackets' | 'two-digit-year' | 'di' | 'leading-zero';

/** How a 附件说明 and the `# 附件n` sections disagree. */
export type AttachmentsMismatch =
  | { kind: 'no-entry'; number: number; count: number }
  | { kind: 'no-section'; number: number; name: string }
  | { kind: 'duplicate' | 'order'; number: number; expected: number };

const CHINESE_DIGITS: Readonly<Record<string, number>> = { 〇: 0, 零: 0, '○': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const NUMERAL = '[0-9〇零○一二三四五六七八九十]';
const NUMERAL_DATE = new RegExp(`^(${NUMERAL}+)年(?:(${NUMERAL}+)月(?:(${NUMERAL}+)日)?)?$`);

/** A month or day in Chinese numerals (`一`, `十`, `十二`, `二十`, `三十一`) or Arabic digits. */
function smallNumber(written: string): number | undefined {
  if (/^[0-9]+$/.test(written)) return Number(written);
  const match = /^([一二三])?(十)?([一二三四五六七八九])?$/.exec(written);
  if (!match || written === '') return undefined;
  const [, tens, ten, units] = match;
  if (tens !== undefined && ten === undefined) return units === undefined ? CHINESE_DIGITS[tens] : undefined;
  return (ten === undefined ? 0 : tens === undefined ? 10 : (CHINESE_DIGITS[tens] ?? 0) * 10) + (units === undefined ? 0 : (CHINESE_DIGITS[units] ?? 0));
}

/**
 * A date written in Chinese numerals (`二〇二四年一月二十日`, `2024年一月二十日`): its form in
 * Arabic numerals as GB/T 9704 7.3.5.4 writes it (`2024年1月20日`), `''` when it cannot be
 * read as one; undefined for anything else (a date in Arabic numerals only, any other text).
 */
export function arabicDate(written: string): string | undefined {
  const match = NUMERAL_DATE.exec(written.trim());
  if (!match || !/[〇零○一二三四五六七八九十]/.test(written)) return undefined;
  const [, yearText = '', monthText, dayText] = match;
  const year = /^[0-9〇零○一二三四五六七八九]{4}$/.test(yearText) ? Number([...yearText].map((digit) => CHINESE_DIGITS[digit] ?? digit).join('')) : undefined;
  const month = monthText === undefined ? undefined : smallNumber(monthText);
  const day = dayText === undefined ? undefined : smallNumber(dayText);
  if (year === undefined || (monthText !== undefined && (month === undefined || month < 1 || month > 12)) || (dayText !== undefined && (day === undefined || day < 1 || day > 31))) return '';
  return `${year}年${month === undefined ? '' : `${month}月`}${day === undefined ? '' : `${day}日`}`;
}

const DOC_NUMBER_TEXT: Record<DocNumberProblem, { en: (written: string, fixed: string) => string; zh: (written: string, fixed: string) => string }> = {
  brackets: {
    en: (written, fixed) => `the year is put in the hexagonal brackets 〔〕, not “${written}”: write ${fixed}`,
    zh: (written, fixed) => `年份应用六角括号“〔〕”括入，不用“${written}”：应为“${fixed}”`,
  },
  'two-digit-year': {
    en: (written) => `the year is written in full, four digits, not “${written}”`,
    zh: (written) => `年份应标全称（四位数字），不能简写为“${written}”`,
  },
  di: {
    en: (written, fixed) => `the sequence number takes no 第: write ${fixed}, not ${written}`,
    zh: (written, fixed) => `发文顺序号不加“第”字：应为“${fixed}”，不是“${written}”`,
  },
  'leading-zero': {
    en: (written, fixed) => `the sequence number has no leading zero: write ${fixed}, not ${written}`,
    zh: (written, fixed) => `发文顺序号不编虚位（1 不编为 01）：应为“${fixed}”，不是“${written}”`,
  },
};

/**
 * Rules of GB/T 9704-2012 《党政机关公文格式》 for a 公文 (template `gongwen`): what its front
 * matter and its `# 附件n` sections must say. Each is given at the front-matter value or the
 * heading concerned.
 */
export const GONGWEN_RULES = {
  'gongwen-signer-missing': rule({
    severity: 'warning',
    text: {
      en: ({ title, kind }: { title: string; kind: '请示' | '报告' }) =>
        `The title “${title}” makes this a ${kind}, a 上行文, which names its 签发人: give \`signer\` (签发人) in the front matter (GB/T 9704 7.2.6)`,
      zh: ({ title, kind }) => `标题“${title}”表明本文为${kind}，属上行文，应标注签发人：请在前置元数据中写“签发人”（signer）（GB/T 9704 7.2.6）`,
    },
  }),
  'gongwen-doc-number': rule({
    severity: 'warning',
    fixable: true,
    text: {
      en: ({ value, problem, written, fixed }: { value: string; problem: DocNumberProblem; written: string; fixed: string }) =>
        `发文字号 “${value}”: ${DOC_NUMBER_TEXT[problem].en(written, fixed)} (GB/T 9704 7.2.5)`,
      zh: ({ value, problem, written, fixed }) => `发文字号“${value}”的${DOC_NUMBER_TEXT[problem].zh(written, fixed)}（GB/T 9704 7.2.5）`,
    },
  }),
  'gongwen-date-numerals': lockedError({
    en: ({ key, got, arabic }: { key: string; got: string; arabic: string }) =>
      `Front-matter key \`${key}\` writes the date “${got}” in Chinese numerals: GB/T 9704 writes dates in Arabic numerals, e.g. ${arabic === '' ? '2024年1月20日' : arabic} (7.3.5.4)`,
    zh: ({ key, got, arabic }) => `前置元数据的键“${key}”用汉字数字写日期“${got}”：GB/T 9704 规定日期用阿拉伯数字，如“${arabic === '' ? '2024年1月20日' : arabic}”（7.3.5.4）`,
  }),
  'gongwen-attachments-mismatch': rule({
    severity: 'warning',
    text: {
      en: (mismatch: AttachmentsMismatch) => {
        switch (mismatch.kind) {
          case 'no-entry':
            return `The section 附件${mismatch.number} has no entry in the 附件说明 (\`attachments\` lists ${mismatch.count})`;
          case 'no-section':
            return `The 附件说明 lists attachment ${mismatch.number} (“${mismatch.name}”), but no section \`# 附件${mismatch.number}\` follows`;
          case 'duplicate':
            return `The section 附件${mismatch.number} repeats a number: attachments are numbered 1, 2, 3…, this one 附件${mismatch.expected}`;
          case 'order':
            return `The section 附件${mismatch.number} is out of order: attachments are numbered 1, 2, 3…, this one 附件${mismatch.expected}`;
        }
      },
      zh: (mismatch) => {
        switch (mismatch.kind) {
          case 'no-entry':
            return `附件${mismatch.number}在附件说明中没有对应的条目（附件说明列出 ${mismatch.count} 项）`;
          case 'no-section':
            return `附件说明列出了附件${mismatch.number}（“${mismatch.name}”），但文中没有“# 附件${mismatch.number}”一节`;
          case 'duplicate':
            return `附件${mismatch.number}的编号重复：附件应依次编为1、2、3……，此处应为附件${mismatch.expected}`;
          case 'order':
            return `附件${mismatch.number}的编号顺序不对：附件应依次编为1、2、3……，此处应为附件${mismatch.expected}`;
        }
      },
    },
  }),
  'gongwen-recipients-colon': rule({
    severity: 'warning',
    fixable: true,
    text: {
      en: ({ value, end }: { value: string; end: string | undefined }) =>
        `主送机关 “${value}” ${end === undefined ? 'ends without a colon' : `ends in “${end}”`}: it ends in a full-width colon “：” (GB/T 9704 7.3.2)`,
      zh: ({ value, end }) => `主送机关“${value}”${end === undefined ? '末尾应加全角冒号“：”' : `末尾的“${end}”应为全角冒号“：”`}（GB/T 9704 7.3.2）`,
    },
  }),
  'gongwen-attachment-punctuation': rule({
    severity: 'warning',
    text: {
      en: ({ number, name, mark }: { number: number; name: string; mark: string }) =>
        `The name of attachment ${number}, “${name}”, ends in “${mark}”: no punctuation follows an attachment's name (GB/T 9704 7.3.4)`,
      zh: ({ number, name, mark }) => `附件${number}的名称“${name}”末尾有“${mark}”：附件名称后不加标点符号（GB/T 9704 7.3.4）`,
    },
  }),
  'gongwen-record-placement': rule({
    severity: 'warning',
    text: {
      en: ({ problem }: { problem: 'not-found' | 'not-last' | 'odd-page' }) =>
        `The 版记 could not be placed at the foot of the last, even page of the print PDF (${{ 'not-found': 'its place was not found in the print', 'not-last': 'it is not on the last page', 'odd-page': 'the last page is odd' }[problem]}; GB/T 9704 10.1): please report it`,
      zh: ({ problem }) => `未能把版记排在打印版 PDF 最后一页（偶数页）的底部（${{ 'not-found': '打印结果中找不到版记位置', 'not-last': '版记不在最后一页', 'odd-page': '最后一页为奇数页' }[problem]}；GB/T 9704 10.1）：请报告此问题`,
    },
  }),
} as const;
