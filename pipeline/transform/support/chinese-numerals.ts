/**
 * Chinese counting numerals (一、二……十一、二十、一百零一) as used to number the parts of a
 * report, read and written in their one usual (canonical) form.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const DIGIT_VALUES: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT_VALUES: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Characters Chinese counting numerals are written with. */
export const CHINESE_NUMERAL_CHARACTERS = '零〇一二两三四五六七八九十百千万';

/** Largest number read or written (under 一亿). */
const LIMIT = 100_000_000;

/** Below 10 000, without the leading 一 of 一十 when `bareTen` (十一, but 一百一十). */
function belowTenThousand(value: number, bareTen: boolean): string {
  let text = '';
  let zero = false;
  for (const [unit, name] of [[1000, '千'], [100, '百'], [10, '十'], [1, '']] as const) {
    const digit = Math.floor(value / unit) % 10;
    if (digit === 0) {
      if (text !== '') zero = true;
      continue;
    }
    if (zero) text += '零';
    zero = false;
    text += unit === 10 && digit === 1 && text === '' && bareTen ? name : `${DIGITS[digit]}${name}`;
  }
  return text;
}

/** Write a positive integer below 一亿 as a Chinese counting numeral: 3 → 三, 11 → 十一, 101 → 一百零一, 10 010 → 一万零一十. */
export function formatChineseNumber(value: number): string {
  if (!Number.isInteger(value) || value <= 0 || value >= LIMIT) throw new RangeError(`no Chinese numeral for ${value}`);
  const high = Math.floor(value / 10_000);
  const low = value % 10_000;
  if (high === 0) return belowTenThousand(low, true);
  const lowText = low === 0 ? '' : `${low < 1000 ? '零' : ''}${belowTenThousand(low, false)}`;
  return `${belowTenThousand(high, true)}万${lowText}`;
}

/**
 * Read a Chinese counting numeral written in its usual form (`十一`, `二十`, `一百零一`; `〇` may
 * stand for `零`). Anything else — digits in a row (`二〇二四`), `一十一`, `两` — is not a
 * counting number here: undefined.
 */
export function parseChineseNumber(text: string): number | undefined {
  if (text === '' || [...text].some((character) => !CHINESE_NUMERAL_CHARACTERS.includes(character))) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const character of text) {
    const digitValue = DIGIT_VALUES[character];
    const unitValue = UNIT_VALUES[character];
    if (digitValue !== undefined) {
      digit = digitValue;
    } else if (unitValue !== undefined) {
      section += (digit ?? 1) * unitValue;
      digit = undefined;
    } else {
      total += (section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = undefined;
    }
  }
  const value = total + section + (digit ?? 0);
  if (value <= 0 || value >= LIMIT) return undefined;
  return formatChineseNumber(value) === text.replaceAll('〇', '零') ? value : undefined;
}
