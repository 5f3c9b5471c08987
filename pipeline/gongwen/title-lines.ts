/**
 * Line breaking for 公文 titles (GB/T 9704-2012, 7.3.1): a title over several lines breaks between
 * words, never inside one, and its lines form a trapezoid (梯形) or a diamond (菱形).
 *
 * The words come from ICU's Chinese dictionary (`Intl.Segmenter`), then rules put back together
 * what must not be parted: numbers with their units and whole dates, organ names, brackets with
 * their content, punctuation with its neighbour, and the 关于 … 的 frame of a title.
 */

const SEGMENTER = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** A run of text that the passes below may join to its neighbours. */
interface Token {
  text: string;
  /** A number, with or without its units: organ names never reach over one. */
  number: boolean;
}

/** Joins `tokens[i]` and `tokens[i + 1]` wherever `glue[i]` is true. */
function joinTokens(tokens: readonly Token[], glue: readonly boolean[]): Token[] {
  const joined: Token[] = [];
  tokens.forEach((token, index) => {
    const last = joined.at(-1);
    if (index > 0 && glue[index - 1] === true && last !== undefined) {
      last.text += token.text;
      last.number ||= token.number;
    } else {
      joined.push({ ...token });
    }
  });
  return joined;
}

function noGlue(tokens: readonly Token[]): boolean[] {
  return new Array<boolean>(Math.max(tokens.length - 1, 0)).fill(false);
}

const HAN = /^\p{Script=Han}+$/u;
const isHan = (text: string): boolean => HAN.test(text);
const firstChar = (text: string): string => Array.from(text)[0] ?? '';
const lastChar = (text: string): string => Array.from(text).at(-1) ?? '';

// ---------------------------------------------------------------------------------------------
// Numbers, units and dates

const CHINESE_NUMERALS = '〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟';
const isNumeralChar = (char: string): boolean => /^[0-9０-９]$/.test(char) || (char !== '' && CHINESE_NUMERALS.includes(char));
const isNumeralToken = (text: string): boolean => text !== '' && Array.from(text).every((char) => isNumeralChar(char) || '.,．，'.includes(char));

/**
 * Units, measure words and date words that stay with the number before them. A token that starts
 * with one of these joins the number whole (`2024|年底`, `3|个人`): parting it would be worse.
 */
const UNITS = [
  '平方公里', '平方千米', '平方米', '立方米', '平方', '立方', '公里', '公顷', '公斤', '千米', '千克', '小时', '分钟', '标段', '季度',
  '年', '月', '日', '号', '时', '分', '秒', '周', '天', '届', '次', '项', '条', '款', '章', '节', '件', '批', '期', '轮',
  '类', '种', '名', '人', '位', '户', '家', '所', '座', '台', '套', '辆', '艘', '架', '部', '份', '篇', '册', '本', '页',
  '张', '元', '角', '万', '亿', '千', '百', '十', '余', '多', '倍', '成', '亩', '米', '吨', '升', '度', '岁', '例', '层',
  '栋', '间', '只', '个', '起', '场', '枚', '株', '头', '%', '％', '‰',
];
/** Units after which another unit may follow: `3.5亿元`, `3个月`, `100平方公里`. */
const COMPOUND_UNITS = ['万', '亿', '千', '百', '十', '余', '多', '个', '平方', '立方'];
const CONNECTORS = new Set(['—', '–', '-', '－', '～', '~', '至']);

const startsWithUnit = (text: string): boolean => UNITS.some((unit) => text.startsWith(unit));
const endsWithUnit = (text: string): boolean => UNITS.some((unit) => text.endsWith(unit));
const opensNumber = (text: string): boolean => text === '第' || /^第?[0-9０-９〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟]/u.test(text);

/** Whether the number piece whose last token is `text` goes on with `next` (and `after` it). */
function continuesNumber(text: string, next: string, after: string | undefined): boolean {
  const last = lastChar(text);
  if (text === '第') return isNumeralChar(firstChar(next));
  if (CONNECTORS.has(text)) return isNumeralChar(firstChar(next));
  if (isNumeralChar(last) && isNumeralChar(firstChar(next))) return true;
  if ((isNumeralChar(last) || COMPOUND_UNITS.some((unit) => text.endsWith(unit))) && startsWithUnit(next)) return true;
  // A whole date: 2024年1月20日, 1月20日.
  if (last === '年' && isNumeralToken(next) && after?.startsWith('月') === true) return true;
  if (last === '月' && isNumeralToken(next) && after !== undefined && /^[日号]/u.test(after)) return true;
  // A range: 2021—2025年.
  return (isNumeralChar(last) || endsWithUnit(text)) && CONNECTORS.has(next) && after !== undefined && isNumeralChar(firstChar(after));
}

function mergeNumbers(tokens: readonly Token[]): Token[] {
  const glue = noGlue(tokens);
  let inNumber = false;
  for (let index = 0; index < glue.length; index++) {
    const text = tokens[index]!.text;
    inNumber = index > 0 && glue[index - 1] === true ? inNumber : opensNumber(text);
    if (inNumber) glue[index] = continuesNumber(text, tokens[index + 1]!.text, tokens[index + 2]?.text);
  }
  const merged = joinTokens(tokens, glue);
  for (const token of merged) {
    token.number ||= /[0-9０-９]/u.test(token.text) || (/^第/u.test(token.text) && opensNumber(token.text.slice(1))) || isNumeralToken(token.text);
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------
// Fragments: ICU cuts words its dictionary lacks into single characters (印|发, 批|复, 优|化)

/**
 * Multi-token words ICU splits that no rule below puts back together: set phrases of official
 * documents (a title must not break inside 督查问责 or 营商环境; ICU gives 督|查问|责).
 */
const LEXICON = [
  '高新技术产业开发区', '经济技术开发区', '百分之',
  '督查问责', '督查', '问责', '营商环境', '乡村振兴', '股份有限公司', '有限责任公司', '中央财政',
  '疫情防控', '生态环境', '高质量发展', '转移支付', '防汛抗旱', '精准扶贫', '脱贫攻坚', '放管服', '一网通办',
];
/** Function words: never glued into a fragment, and organ names stop at them. */
const FUNCTION_CHARS = new Set(Array.from('的和与及或并在对为向给从由把被等之将是于以而且了着也都就再又还'));
const LEVEL_CHARS = '市省县区州旗盟镇乡村';
/** Single characters that end a word: administrative levels, organ words, bound suffixes. */
const SUFFIX_CHARS = new Set(Array.from(`${LEVEL_CHARS}局部厅委院署办室处所会化性级型式率者界港园站馆厂场`));
/** Single characters that begin a word. */
const PREFIX_CHARS = new Set(Array.from('总副非超准高新全各本该'));

function mergeLexicon(tokens: readonly Token[]): Token[] {
  const glue = noGlue(tokens);
  for (let start = 0; start < tokens.length; start++) {
    let text = '';
    for (let end = start; end < tokens.length && text.length < 12; end++) {
      text += tokens[end]!.text;
      if (end > start && LEXICON.includes(text)) {
        for (let index = start; index < end; index++) glue[index] = true;
        break;
      }
    }
  }
  return joinTokens(tokens, glue);
}

const isWordChar = (text: string): boolean => text.length === 1 && isHan(text) && !FUNCTION_CHARS.has(text);
const isWordToken = (token: Token | undefined): boolean =>
  token !== undefined && isHan(lastChar(token.text)) && !FUNCTION_CHARS.has(token.text) && token.text !== '关于';

function mergeAffixes(tokens: readonly Token[]): Token[] {
  const glue = noGlue(tokens);
  tokens.forEach((token, index) => {
    if (index > 0 && SUFFIX_CHARS.has(token.text) && isWordToken(tokens[index - 1])) glue[index - 1] = true;
    const next = tokens[index + 1];
    if (next !== undefined && PREFIX_CHARS.has(token.text) && isHan(firstChar(next.text)) && !FUNCTION_CHARS.has(next.text) && next.text !== '关于') {
      glue[index] = true;
    }
  });
  return joinTokens(tokens, glue);
}

/** Runs of lone characters ICU could not place: joined in pairs, an odd one out joins the last pair. */
function mergeLoneCharacters(tokens: readonly Token[]): Token[] {
  const glue = noGlue(tokens);
  let index = 0;
  while (index < tokens.length) {
    let end = index;
    while (end < tokens.length && !tokens[end]!.number && isWordChar(tokens[end]!.text) && !SUFFIX_CHARS.has(tokens[end]!.text)) end++;
    const length = end - index;
    if (length >= 2) {
      for (let pair = index; pair + 1 < end; pair += 2) glue[pair] = true;
      if (length % 2 === 1) glue[end - 2] = true;
    }
    index = Math.max(end, index + 1);
  }
  return joinTokens(tokens, glue);
}

// ---------------------------------------------------------------------------------------------
// Organ names

/**
 * Words that end an organ's name, at the end of a token or across tokens (委员|会); a single character
 * never ends one of the common words in {@link NOT_ORGANS} (全部, 格局, 部署). A place name is never
 * listed: it is whatever stands before a level word (市, 省, 自治区 …).
 */
const ORGAN_SUFFIXES = [
  '人民代表大会', '常务委员会', '人民政府', '代表大会', '领导小组', '研究所', '派出所', '办事处', '委员会', '常委会', '管委会',
  '办公厅', '办公室', '指挥部', '联合会', '政府', '人大', '政协', '党委', '党组', '纪委', '监委', '总队', '支队', '大队',
  '中心', '协会', '学会', '商会', '工会', '院', '厅', '委', '局', '部', '署',
].sort((a, b) => b.length - a.length);
const NOT_ORGANS = new Set([
  '全部', '内部', '外部', '干部', '局部', '东部', '西部', '南部', '北部', '中部', '顶部', '底部', '头部', '各部', '部署', '签署',
  '格局', '大局', '布局', '结局', '开局', '全局', '当局', '僵局', '政局', '时局', '新格局', '大厅', '客厅', '餐厅', '庭院', '原委',
]);
/** Administrative levels that need a place name before them. */
const LEVEL_WORDS = new Set([
  ...Array.from(LEVEL_CHARS), '街道', '新区', '开发区', '高新区', '经济技术开发区', '高新技术产业开发区', '自治区', '自治州', '自治县',
  '自治旗', '特别行政区',
]);
/** Common words that end in a level character but name no place: inside an organ's name they are department words. */
const NOT_PLACES = new Set([
  '城乡', '城市', '都市', '超市', '全市', '全省', '全县', '全区', '本市', '本省', '本县', '本区', '各市', '各省', '各县', '各区', '省市',
  '市县', '县市', '县区', '市区', '城区', '郊区', '社区', '地区', '园区', '景区', '小区', '片区', '山区', '库区', '灾区', '辖区',
  '乡镇', '城镇', '村镇', '农村', '乡村', '新农村',
]);
const PARTY_PREFIXES = new Set(['中共', '中国共产党', '共青团']);
/** Words that never belong to an organ's name: the title's frame and the verbs of its 事由. */
const STOP_WORDS = new Set([
  '关于', '印发', '转发', '批转', '批复', '商请', '函复', '报请', '提请', '表彰', '表扬', '通报', '同意', '批准', '下达', '召开',
  '举办', '做好', '开展', '加强', '支持', '请求', '申请', '报送', '公布', '设立', '成立', '调整', '撤销', '任免', '授予', '命名',
  '认定', '确定', '推进', '实施', '建立', '组建', '启用', '废止', '修订', '进一步', '切实', '全面', '深入', '有关', '暂停', '恢复',
  '给予', '委托', '授权', '划转', '明确', '规范', '完善', '加快', '推动', '促进', '落实', '贯彻', '致', '请', '任', '免', '任命',
  '免去', '同志',
]);
/** The longest run of department words (住房和城乡建设, 国家防汛抗旱总指挥) before the suffix, in characters. */
const DEPARTMENT_MAX = 16;

/** A token an organ's name never reaches over: a number, punctuation, a space, a verb, a function word other than 和 (住房和城乡建设局). */
const isBarrier = (token: Token): boolean =>
  token.number || !isHan(token.text) || STOP_WORDS.has(token.text) || (FUNCTION_CHARS.has(token.text) && token.text !== '和');
const endsWithLevel = (text: string): boolean => text.length >= 2 && LEVEL_CHARS.includes(lastChar(text)) && !NOT_PLACES.has(text);

/** The organ suffix that ends at token `end`, and the token it begins in; undefined when none does. */
function organSuffixAt(tokens: readonly Token[], end: number): { start: number; before: string } | undefined {
  const token = tokens[end]!;
  if (!isHan(token.text) || NOT_ORGANS.has(token.text)) return undefined;
  let tail = '';
  for (let index = end; index >= 0 && index > end - 6; index--) {
    tail = tokens[index]!.text + tail;
    const suffix = ORGAN_SUFFIXES.find((word) => tail.endsWith(word) && tail.length - word.length < tokens[index]!.text.length);
    if (suffix !== undefined) return { start: index, before: tail.slice(0, tail.length - suffix.length) };
  }
  return undefined;
}

/** How many tokens ending at `index` spell a level word (自治|区 is two), 0 if none. */
function levelTokens(tokens: readonly Token[], index: number): number {
  let text = '';
  for (let count = 1; count <= 3 && index - count + 1 >= 0; count++) {
    text = tokens[index - count + 1]!.text + text;
    if (LEVEL_WORDS.has(text)) return count;
  }
  return 0;
}

/** The first token of the organ name ending at `end`, whose suffix begins in token `start`. */
function organStart(tokens: readonly Token[], start: number, before: string): number {
  let first = start;
  let state: 'department' | 'place' | 'placed' = LEVEL_WORDS.has(before) ? 'place' : endsWithLevel(before) ? 'placed' : 'department';
  let autonomous = before.startsWith('自治');
  let characters = tokens[start]!.text.length;
  let fragmentAllowed = false;
  let index = start - 1;
  while (index >= 0) {
    const token = tokens[index]!;
    if (isBarrier(token)) break;
    if (token.text === '和' && index > 0 && organSuffixAt(tokens, index - 1) !== undefined) break;
    if (state === 'department') {
      const level = levelTokens(tokens, index);
      if (level > 0) {
        autonomous = tokens.slice(index - level + 1, index + 1).map((t) => t.text).join('').startsWith('自治');
        index -= level;
        first = index + 1;
        state = 'place';
        continue;
      }
      if (endsWithLevel(token.text)) {
        first = index--;
        state = 'placed';
        fragmentAllowed = true;
        continue;
      }
      characters += token.text.length;
      if (characters > DEPARTMENT_MAX) break;
      first = index--;
      continue;
    }
    if (state === 'place') {
      first = index--;
      // A place ICU cut short (抚|宁) or an ethnic name before 自治区 (广西|壮族) takes one more token.
      const previous = tokens[index];
      if ((token.text.length === 1 || autonomous) && previous !== undefined && !isBarrier(previous)) first = index--;
      state = 'placed';
      continue;
    }
    // A higher level (河北省|秦皇岛市), the party (中共), or a fragment ICU split off (海|港区).
    if (PARTY_PREFIXES.has(token.text)) {
      first = index;
      break;
    }
    if (levelTokens(tokens, index) > 0) {
      const level = levelTokens(tokens, index);
      index -= level;
      first = index + 1;
      state = 'place';
      continue;
    }
    if (endsWithLevel(token.text)) {
      first = index--;
      fragmentAllowed = true;
      continue;
    }
    if (fragmentAllowed && token.text.length === 1) first = index;
    break;
  }
  return first;
}

function mergeOrgans(tokens: readonly Token[]): Token[] {
  const glue = noGlue(tokens);
  tokens.forEach((_, end) => {
    const suffix = organSuffixAt(tokens, end);
    if (suffix === undefined) return;
    for (let index = organStart(tokens, suffix.start, suffix.before); index < end; index++) glue[index] = true;
  });
  return joinTokens(tokens, glue);
}

// ---------------------------------------------------------------------------------------------
// The title's frame, punctuation and half-width runs

const OPENING = '（《“‘〔【「『〈([{';
const CLOSING = '）》”’〕】」』〉)]}，。、；：！？…,.;:!?%％‰';
const PAIRS: Record<string, string> = { '（': '）', '《': '》', '“': '”', '‘': '’', '〔': '〕', '【': '】', '「': '」', '『': '』', '〈': '〉', '(': ')', '[': ']' };
/** A bracketed span at most this wide stays whole: 〔2024〕, （试行）, “十四五”. */
const SHORT_BRACKETS = 6;

/** 关于 starts a group (never ends a line), 的 joins the word before it (never starts a line). */
function mergeFrame(tokens: readonly Token[]): Token[] {
  const glue = noGlue(tokens);
  tokens.forEach((token, index) => {
    if (token.text.trimEnd() === '关于' && index < glue.length) glue[index] = true;
    if (/^的(?!\p{Script=Han})/u.test(token.text) && index > 0) glue[index - 1] = true;
  });
  return joinTokens(tokens, glue);
}

const isHalfWidthText = (char: string): boolean => /^[!-~]$/u.test(char) || /^[０-９]$/u.test(char);

function mergePunctuation(tokens: readonly Token[]): Token[] {
  const glue = noGlue(tokens);
  tokens.forEach((token, index) => {
    const next = tokens[index + 1];
    if (next === undefined) return;
    const nextFirst = firstChar(next.text);
    if (next.text.trim() === '' || CLOSING.includes(nextFirst)) glue[index] = true;
    if (OPENING.includes(lastChar(token.text))) glue[index] = true;
    if (index === 0 && token.text.trim() === '') glue[index] = true;
    if (isHalfWidthText(lastChar(token.text)) && isHalfWidthText(nextFirst)) glue[index] = true;
  });
  tokens.forEach((token, open) => {
    const close = PAIRS[token.text];
    if (close === undefined) return;
    let depth = 0;
    for (let index = open; index < tokens.length; index++) {
      if (tokens[index]!.text === token.text) depth++;
      if (tokens[index]!.text === close && --depth === 0) {
        const span = tokens.slice(open, index + 1).map((t) => t.text).join('');
        if (textWidth(span) <= SHORT_BRACKETS) for (let inside = open; inside < index; inside++) glue[inside] = true;
        return;
      }
    }
  });
  return joinTokens(tokens, glue);
}

/**
 * A 公文 title cut into pieces no line break may enter: ICU's Chinese words, put back together where
 * they must stay whole (`2024年`, `2024年1月20日`, `3.5亿元`, `秦皇岛市人民政府`, `〔2024〕`), with
 * punctuation on the side it belongs to, `关于` joined to the word after it and `的` to the word
 * before it. A space stays at the end of the piece before it. The pieces concatenate to `text`.
 */
export function titleWords(text: string): string[] {
  const segments: Token[] = Array.from(SEGMENTER.segment(text), ({ segment }) => ({ text: segment, number: false }));
  const passes = [mergeLexicon, mergeNumbers, mergeAffixes, mergeLoneCharacters, mergeOrgans, mergePunctuation, mergeFrame];
  return passes.reduce((tokens, pass) => pass(tokens), segments).map((token) => token.text);
}

/**
 * The offsets in `text` (UTF-16 code units, as `String.prototype.slice` counts) between the pieces
 * of {@link titleWords}: where the web edition may break the title (`<wbr>` under `word-break: keep-all`).
 */
export function titleBreakOpportunities(text: string): number[] {
  const offsets: number[] = [];
  let offset = 0;
  for (const piece of titleWords(text).slice(0, -1)) {
    offset += piece.length;
    offsets.push(offset);
  }
  return offsets;
}

// ---------------------------------------------------------------------------------------------
// Lines

/** The width of `text` in character units: ASCII counts half, everything else one. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! <= 0x7e ? 0.5 : 1;
  return width;
}

/** A line may be this much wider than the narrowest longest line possible when that buys a better shape. */
const SHAPE_TOLERANCE = 1;

interface Piece {
  text: string;
  width: number;
  /** Width of the whitespace at its end, which does not count at the end of a line. */
  trailing: number;
  /** A line must begin with this piece (it follows or is part of a piece wider than a line). */
  forced: boolean;
}

function pieceOf(text: string, forced: boolean): Piece {
  return { text, width: textWidth(text), trailing: textWidth(text) - textWidth(text.trimEnd()), forced };
}

/** Pieces, with any piece wider than `maxUnits` cut into characters that must start a fresh line. */
function layoutPieces(words: readonly string[], maxUnits: number): Piece[] {
  const pieces: Piece[] = [];
  let afterWide = false;
  for (const word of words) {
    if (textWidth(word.trimEnd()) <= maxUnits) {
      pieces.push(pieceOf(word, afterWide));
      afterWide = false;
      continue;
    }
    Array.from(word).forEach((char, index) => pieces.push(pieceOf(char, index === 0 && pieces.length > 0)));
    afterWide = true;
  }
  return pieces;
}

/** Penalty for a sequence of line widths: 0 for a trapezoid or diamond, 1 for a rectangle, more for each valley. */
function shapePenalty(widths: readonly number[]): number {
  const steps = widths.slice(1).map((width, index) => Math.sign(width - widths[index]!)).filter((step) => step !== 0);
  if (widths.length > 1 && steps.length === 0) return 1;
  let valleys = 0;
  steps.forEach((step, index) => {
    if (step > 0 && steps.slice(0, index).includes(-1)) valleys++;
  });
  return valleys === 0 ? 0 : 1 + valleys;
}

interface Candidate {
  starts: number[];
  widths: number[];
}

/** Orders candidates: shape, then the longest line, then good break points, then the spread, then top shorter. */
function compareCandidates(a: Candidate, b: Candidate, pieces: readonly Piece[]): number {
  const quality = (candidate: Candidate): number =>
    candidate.starts.slice(1).filter((start) => pieces[start]!.text.startsWith('关于') || pieces[start - 1]!.trailing > 0).length;
  const longest = (candidate: Candidate): number => Math.max(...candidate.widths);
  const spread = (candidate: Candidate): number => longest(candidate) - Math.min(...candidate.widths);
  const keys: Array<(candidate: Candidate) => number> = [
    (candidate) => shapePenalty(candidate.widths),
    longest,
    (candidate) => -quality(candidate),
    spread,
  ];
  for (const key of keys) {
    const difference = key(a) - key(b);
    if (difference !== 0) return difference;
  }
  for (let index = 0; index < a.widths.length; index++) {
    const difference = a.widths[index]! - b.widths[index]!;
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * A 公文 title broken into lines at most `maxUnits` wide (a full-width character is 1 unit, an ASCII
 * character ½), only between the pieces of {@link titleWords}. It uses the fewest lines possible;
 * among those breakings it keeps the ones whose longest line is within one unit of the shortest
 * longest line possible, and picks a trapezoid or diamond over a rectangle or a zigzag, then the
 * shorter longest line, then breaks after the organ's name (before 关于) or at a space, then the
 * smaller difference between lines, then the shorter top line. A piece wider than a line gets lines
 * of its own and is cut between characters. Spaces at line ends and around the title are dropped.
 */
export function breakTitle(text: string, maxUnits: number): string[] {
  if (!(maxUnits > 0)) throw new RangeError(`maxUnits must be positive, got ${maxUnits}`);
  const title = text.trim();
  if (title === '') return [];
  if (textWidth(title) <= maxUnits) return [title];
  const pieces = layoutPieces(titleWords(title), maxUnits);
  const count = pieces.length;
  const before = [0];
  for (const piece of pieces) before.push(before.at(-1)! + piece.width);
  const lineWidth = (from: number, to: number): number => before[to]! - before[from]! - pieces[to - 1]!.trailing;
  const fits = (from: number, to: number, limit: number): boolean => {
    for (let index = from + 1; index < to; index++) if (pieces[index]!.forced) return false;
    return to === from + 1 || lineWidth(from, to) <= limit;
  };

  // longest[lines][to]: the narrowest longest line over breakings of pieces[0, to) into that many lines.
  const longest: number[][] = [[0, ...new Array<number>(count).fill(Infinity)]];
  let lines = 0;
  while (longest[lines]![count] === Infinity) {
    const row = new Array<number>(count + 1).fill(Infinity);
    for (let to = 1; to <= count; to++) {
      for (let from = 0; from < to; from++) {
        if (longest[lines]![from] === Infinity || !fits(from, to, maxUnits)) continue;
        row[to] = Math.min(row[to]!, Math.max(longest[lines]![from]!, lineWidth(from, to)));
      }
    }
    longest.push(row);
    lines++;
  }
  const limit = Math.max(Math.min(maxUnits, longest[lines]![count]! + SHAPE_TOLERANCE), longest[lines]![count]!);

  // minLines[from]: the fewest lines for pieces[from, count) with no line over `limit`.
  const minLines = new Array<number>(count + 1).fill(Infinity);
  minLines[count] = 0;
  for (let from = count - 1; from >= 0; from--) {
    for (let to = from + 1; to <= count; to++) if (fits(from, to, limit)) minLines[from] = Math.min(minLines[from]!, minLines[to]! + 1);
  }
  let best: Candidate | undefined;
  const starts: number[] = [];
  const search = (from: number, left: number): void => {
    if (left === 0) {
      if (from !== count) return;
      const candidate = { starts: [...starts], widths: starts.map((start, index) => lineWidth(start, starts[index + 1] ?? count)) };
      if (best === undefined || compareCandidates(candidate, best, pieces) < 0) best = candidate;
      return;
    }
    if (minLines[from]! > left) return;
    starts.push(from);
    for (let to = from + 1; to <= count - (left - 1); to++) {
      if (!fits(from, to, limit)) break;
      search(to, left - 1);
    }
    starts.pop();
  };
  search(0, lines);
  const chosen = best!;
  return chosen.starts.map((start, index) =>
    pieces
      .slice(start, chosen.starts[index + 1] ?? count)
      .map((piece) => piece.text)
      .join('')
      .trim(),
  );
}
