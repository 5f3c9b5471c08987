import { lockedError, rule } from './define.ts';

type FileKind = { file: string; detail: string | undefined; kind: 'format' | 'size' | 'syntax' };

/** Rules about citations (`[@key]`), the bibliography files and the citation style. */
export const CITATION_RULES = {
  'citation-unknown': lockedError({
    en: ({ key, suggestion }: { key: string; suggestion: string | undefined }) =>
      `Citation @${key}: no entry of the bibliography has this key${suggestion === undefined ? '' : ` (did you mean @${suggestion}?)`}`,
    zh: ({ key, suggestion }) => `引用 @${key} 找不到文献：参考文献库中没有这个键${suggestion === undefined ? '' : `（是否想写 @${suggestion}？）`}`,
  }),
  'citation-no-bibliography': rule({
    severity: 'warning',
    text: {
      en: ({ key, count }: { key: string; count: number }) =>
        `@${key} looks like a citation, but front matter names no \`bibliography:\`: ${count === 1 ? 'it is' : `it and ${count - 1} more are`} printed as written`,
      zh: ({ key, count }) => `@${key} 像是文献引用，但前置元数据中没有 bibliography：${count === 1 ? '按原文输出' : `它和另外 ${count - 1} 处按原文输出`}`,
    },
  }),
  'bibliography-missing': lockedError({
    en: ({ file, kind }: { file: string; kind: 'absent' | 'outside' }) =>
      kind === 'absent' ? `Bibliography file ${file} does not exist` : `Bibliography file ${file} is outside the document's folder: only files beside the source are read`,
    zh: ({ file, kind }) => (kind === 'absent' ? `参考文献文件 ${file} 不存在` : `参考文献文件 ${file} 不在文档所在文件夹内：只读取与源文件同一文件夹中的文件`),
  }),
  'bibliography-invalid': lockedError({
    en: ({ file, detail, kind }: FileKind) =>
      kind === 'format'
        ? `Bibliography file ${file}: unknown format (use .json for CSL-JSON, .yaml for CSL-YAML, .bib for BibTeX, .ris for RIS)`
        : kind === 'size'
          ? `Bibliography file ${file} is ${detail ?? ''}, over the 16 MB limit`
          : `Bibliography file ${file} cannot be read: ${detail ?? ''}`,
    zh: ({ file, detail, kind }) =>
      kind === 'format'
        ? `参考文献文件 ${file} 的格式未知（CSL-JSON 用 .json，CSL-YAML 用 .yaml，BibTeX 用 .bib，RIS 用 .ris）`
        : kind === 'size'
          ? `参考文献文件 ${file} 大小为 ${detail ?? ''}，超过 16 MB 上限`
          : `参考文献文件 ${file} 无法解析：${detail ?? ''}`,
  }),
  'bibliography-duplicate-key': lockedError({
    en: ({ key, first }: { key: string; first: string }) => `Key ${key} is already given to an entry at ${first}: citations of it would be ambiguous`,
    zh: ({ key, first }) => `键 ${key} 已用于 ${first} 的文献：引用它会指向不明`,
  }),
  'csl-unknown': lockedError({
    en: ({ name, suggestion, known }: { name: string; suggestion: string | undefined; known: readonly string[] }) =>
      `Unknown citation style \`${name}\`${suggestion === undefined ? ` (shipped styles: ${known.join(', ')}, or a .csl file beside the source)` : ` (did you mean \`${suggestion}\`?)`}`,
    zh: ({ name, suggestion, known }) => `未知的引文样式“${name}”${suggestion === undefined ? `（内置样式：${known.join('、')}，或源文件旁的 .csl 文件）` : `（是否想写“${suggestion}”？）`}`,
  }),
  'csl-invalid': lockedError({
    en: ({ file, detail, kind }: { file: string; detail: string | undefined; kind: 'missing' | 'outside' | 'syntax' | 'engine' }) =>
      kind === 'missing'
        ? `Citation style ${file} does not exist${detail === undefined ? '' : ` (${detail})`}`
        : kind === 'outside'
          ? `Citation style ${file} is outside the document's folder: only files beside the source are read`
          : `Citation style ${file} is not a usable CSL style: ${detail ?? ''}`,
    zh: ({ file, detail, kind }) =>
      kind === 'missing'
        ? `引文样式 ${file} 不存在${detail === undefined ? '' : `（${detail}）`}`
        : kind === 'outside'
          ? `引文样式 ${file} 不在文档所在文件夹内：只读取与源文件同一文件夹中的文件`
          : `引文样式 ${file} 不是可用的 CSL 样式：${detail ?? ''}`,
  }),
} as const;
