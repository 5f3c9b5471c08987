import { TEMPLATE_NAMES } from '../../template/names.ts';
import { didYouMean, lockedError, type MessageLanguage } from './define.ts';

/** What a front-matter value must be, named in an ill-typed value's message. */
export type FieldExpectation = 'text' | 'date-format' | 'real-date' | 'language-tag' | 'template' | 'boolean' | 'keywords' | 'rules' | 'crossref' | 'copy-number' | 'classification' | 'urgency' | 'gongwen-format';

function expectation(expected: FieldExpectation, language: MessageLanguage): string {
  const templates = TEMPLATE_NAMES;
  const zh = language === 'zh';
  switch (expected) {
    case 'text':
      return zh ? '应为非空文本' : 'must be non-empty text';
    case 'date-format':
      return zh ? '应为日期，写作 YYYY、YYYY-MM、YYYY-MM-DD 或 2024年1月20日（阿拉伯数字，年份写全）' : 'must be a date written as YYYY, YYYY-MM, YYYY-MM-DD or 2024年1月20日 (Arabic numerals, the year in full)';
    case 'copy-number':
      return zh ? '应为份号：阿拉伯数字，最多 6 位（如 000001）' : 'must be a copy number: Arabic digits, six at most (such as 000001)';
    case 'classification':
      return zh ? '应为密级：绝密、机密或秘密，可加★和保密期限（如 秘密★1年）' : 'must be a classification: 绝密, 机密 or 秘密, optionally with ★ and the period (such as 秘密★1年)';
    case 'urgency':
      return zh ? '应为紧急程度：特急或加急' : 'must be an urgency: 特急 or 加急';
    case 'gongwen-format':
      return zh ? '应为公文格式之一：文件、信函、命令（令）、纪要' : 'must be one of the 公文 formats: 文件, 信函, 命令 (令), 纪要';
    case 'real-date':
      return zh ? '应为真实存在的日期（1000—9999 年）' : 'must be a real calendar date (year 1000–9999)';
    case 'language-tag':
      return zh ? '应为语言标记，如 zh-CN 或 en' : 'must be a language tag such as zh-CN or en';
    case 'template':
      return zh ? `应为以下模板之一：${templates.join('、')}` : `must be one of the templates: ${templates.join(', ')}`;
    case 'boolean':
      return zh ? '应为 true 或 false' : 'must be true or false';
    case 'keywords':
      return zh ? '应为文本或文本列表' : 'must be text or a list of texts';
    case 'crossref':
      return zh ? '应为映射，如 `chapters: true`（图表按章编号，如图2-1）' : 'must be a mapping such as `chapters: true` (figures numbered by chapter, as Figure 2-1)';
    case 'rules':
      return zh ? '应为“规则: 级别”的映射（级别为 error、warning、note 或 off）' : 'must be a mapping of rule ids to severities (error, warning, note or off)';
  }
}

const SEVERITY_WORDS = { en: 'error, warning, note (or info) or off', zh: 'error、warning、note（或 info）或 off' } as const;

/** Rules about the source file itself, its front matter and the rule settings: all locked errors. */
export const SOURCE_RULES = {
  'source-encoding': lockedError({
    en: () => 'The file is not valid UTF-8; save it as UTF-8',
    zh: () => '文件不是有效的 UTF-8 编码，请另存为 UTF-8',
  }),
  'front-matter-yaml': lockedError({
    en: (args: { kind: 'syntax'; detail: string; colonValue?: boolean } | { kind: 'not-mapping' }) =>
      args.kind === 'syntax'
        ? `Invalid YAML in front matter: ${args.detail}${args.colonValue === true ? ' (a value with a colon followed by a space or at its end must be quoted: `key: "…:"`, or use the full-width ：)' : ''}`
        : 'Front matter must be a mapping of `key: value` lines',
    zh: (args) =>
      args.kind === 'syntax'
        ? `前置元数据（front matter）的 YAML 有误：${args.detail}${args.colonValue === true ? '（值中含半角冒号加空格或以半角冒号结尾时须加引号，如 `主送机关: "各区人民政府："`，或改用全角冒号“：”）' : ''}`
        : '前置元数据（front matter）应为“键: 值”形式的各行',
  }),
  'front-matter-unknown-key': lockedError({
    en: ({ key, suggestion, known }: { key: string; suggestion: string | undefined; known: readonly string[] }) =>
      `Unknown front-matter key \`${key}\`${suggestion ? didYouMean(suggestion, 'en') : ` (known keys: ${known.join(', ')})`}`,
    zh: ({ key, suggestion, known }) => `前置元数据中有未知的键“${key}”${suggestion ? didYouMean(suggestion, 'zh') : `（可用的键：${known.join('、')}）`}`,
  }),
  'front-matter-type': lockedError({
    en: ({ key, expected, got }: { key: string; expected: FieldExpectation; got: string }) => `Front-matter key \`${key}\` ${expectation(expected, 'en')} (got ${got})`,
    zh: ({ key, expected, got }) => `前置元数据的键“${key}”${expectation(expected, 'zh')}（实际为 ${got}）`,
  }),
  'rule-unknown': lockedError({
    en: ({ id, suggestion }: { id: string; suggestion: string | undefined }) =>
      `Unknown rule \`${id}\`${suggestion ? didYouMean(suggestion, 'en') : ' (the rule ids are listed in the Checks section of the README)'}`,
    zh: ({ id, suggestion }) => `未知的规则“${id}”${suggestion ? didYouMean(suggestion, 'zh') : '（规则列表见 README 的 Checks 一节）'}`,
  }),
  'rule-severity-invalid': lockedError({
    en: ({ id, value }: { id: string; value: string }) => `Severity \`${value}\` of rule \`${id}\` is not one of ${SEVERITY_WORDS.en}`,
    zh: ({ id, value }) => `规则“${id}”的级别“${value}”无效，应为 ${SEVERITY_WORDS.zh}`,
  }),
  'rule-locked': lockedError({
    en: ({ id, value }: { id: string; value: string }) =>
      `Rule \`${id}\` cannot be set to \`${value}\`: it reports a problem that would make the output wrong, so it is always an error`,
    zh: ({ id, value }) => `规则“${id}”不能设为“${value}”：它报告的问题会使输出出错，只能是 error`,
  }),
  'config-invalid': lockedError({
    en: (args: { kind: 'syntax'; detail: string } | { kind: 'not-mapping' } | { kind: 'unknown-key'; key: string; suggestion: string | undefined } | { kind: 'unreadable'; detail: string } | { kind: 'two-files'; names: readonly string[] } | { kind: 'rules-type'; got: string }) => {
      switch (args.kind) {
        case 'syntax':
          return `Invalid YAML in the configuration file: ${args.detail}`;
        case 'not-mapping':
          return 'The configuration file must be a mapping of `key: value` lines';
        case 'unknown-key':
          return `Unknown configuration key \`${args.key}\`${args.suggestion ? didYouMean(args.suggestion, 'en') : ' (the only key is `rules`)'}`;
        case 'unreadable':
          return `The configuration file cannot be read (${args.detail})`;
        case 'two-files':
          return `Two configuration files (${args.names.join(', ')}): keep one`;
        case 'rules-type':
          return `Configuration key \`rules\` ${expectation('rules', 'en')} (got ${args.got})`;
      }
    },
    zh: (args) => {
      switch (args.kind) {
        case 'syntax':
          return `配置文件的 YAML 有误：${args.detail}`;
        case 'not-mapping':
          return '配置文件应为“键: 值”形式的各行';
        case 'unknown-key':
          return `配置文件中有未知的键“${args.key}”${args.suggestion ? didYouMean(args.suggestion, 'zh') : '（唯一可用的键是 rules）'}`;
        case 'unreadable':
          return `无法读取配置文件（${args.detail}）`;
        case 'two-files':
          return `有两个配置文件（${args.names.join('、')}），请只保留一个`;
        case 'rules-type':
          return `配置文件的键“rules”${expectation('rules', 'zh')}（实际为 ${args.got}）`;
      }
    },
  }),
} as const;
