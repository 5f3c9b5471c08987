import { lockedError, rule } from './define.ts';

const MARK_NAMES: Record<string, { en: string; zh: string }> = {
  ',': { en: 'comma', zh: '逗号' },
  ';': { en: 'semicolon', zh: '分号' },
  ':': { en: 'colon', zh: '冒号' },
  '!': { en: 'exclamation mark', zh: '感叹号' },
  '?': { en: 'question mark', zh: '问号' },
  '(': { en: 'opening parenthesis', zh: '左括号' },
  ')': { en: 'closing parenthesis', zh: '右括号' },
};

const isParenthesis = (mark: string) => mark === '(' || mark === ')';

/** Rules about the content of the Markdown source: headings, links, images, notes, typography, raw HTML. */
export const CONTENT_RULES = {
  'title-missing': rule({
    severity: 'warning',
    text: {
      en: ({ name, topHeadings }: { name: string; topHeadings: number }) =>
        topHeadings > 1
          ? `No \`title\` in front matter and ${topHeadings} top-level headings: the file name “${name}” is used as the title`
          : `No \`title\` in front matter and no top heading: the file name “${name}” is used as the title`,
      zh: ({ name, topHeadings }) =>
        topHeadings > 1 ? `前置元数据中没有 title，且有 ${topHeadings} 个一级标题：以文件名“${name}”作标题` : `前置元数据中没有 title，也没有一级标题：以文件名“${name}”作标题`,
    },
  }),
  'heading-skip': rule({
    severity: 'warning',
    text: {
      en: ({ depth, parentDepth, level }: { depth: number; parentDepth: number; level: number }) =>
        `Heading level ${depth} follows level ${parentDepth}: a level is skipped (rendered as level ${level} of the outline)`,
      zh: ({ depth, parentDepth, level }) => `${depth}级标题紧跟在${parentDepth}级标题之后，跳过了一级（按大纲第${level}级输出）`,
    },
  }),
  'crossref-unknown': lockedError({
    en: ({ label, suggestion }: { label: string; suggestion: string | undefined }) =>
      `Reference @${label}: no figure, table, equation or section has the label {#${label}}${suggestion === undefined ? '' : ` (did you mean @${suggestion}?)`}`,
    zh: ({ label, suggestion }) => `引用 @${label} 找不到目标：没有图、表、公式或章节带有标签 {#${label}}${suggestion === undefined ? '' : `（是否想写 @${suggestion}？）`}`,
  }),
  'crossref-duplicate': lockedError({
    en: ({ label, firstLine }: { label: string; firstLine: number }) => `Label {#${label}} is already given on line ${firstLine}: references to it would be ambiguous`,
    zh: ({ label, firstLine }) => `标签 {#${label}} 已在第${firstLine}行使用过：引用它会指向不明`,
  }),
  'callout-unknown': rule({
    severity: 'warning',
    text: {
      en: ({ kind, suggestion }: { kind: string; suggestion: string | undefined }) =>
        `\`[!${kind}]\` is no callout kind (NOTE, TIP, IMPORTANT, WARNING, CAUTION)${suggestion === undefined ? '' : ` (did you mean \`[!${suggestion}]\`?)`}: the quote is printed as a plain quote, marker included`,
      zh: ({ kind, suggestion }) =>
        `“[!${kind}]”不是提示框类型（NOTE、TIP、IMPORTANT、WARNING、CAUTION）${suggestion === undefined ? '' : `（是否想写“[!${suggestion}]”？）`}：按普通引用输出，标记照印`,
    },
  }),
  'heading-empty': rule({
    severity: 'warning',
    text: {
      en: ({ depth }: { depth: number }) => `Heading of level ${depth} has no text: the outline, the contents and the PDF bookmarks get an empty entry`,
      zh: ({ depth }) => `${depth}级标题没有文字：大纲、目录和 PDF 书签中会出现空白条目`,
    },
  }),
  'heading-id-duplicate': rule({
    severity: 'warning',
    text: {
      en: ({ text, id, assigned, firstLine, sameText }: { text: string; id: string; assigned: string; firstLine: number; sameText: boolean }) =>
        `${sameText ? `Heading “${text}” repeats the heading on line ${firstLine}` : `Heading “${text}” would get the same id #${id} as the heading on line ${firstLine}`}: its anchor becomes #${assigned}, and links to #${id} lead to the first`,
      zh: ({ text, id, assigned, firstLine, sameText }) =>
        `${sameText ? `标题“${text}”与第${firstLine}行的标题相同` : `标题“${text}”与第${firstLine}行的标题锚点相同（#${id}）`}：此处锚点改为 #${assigned}，指向 #${id} 的链接都会跳到前一个标题`,
    },
  }),
  'part-number-sequence': rule({
    severity: 'warning',
    text: {
      en: ({ found, expected, previous, previousLine }: { found: string; expected: string; previous: string | undefined; previousLine: number | undefined }) =>
        previous === undefined
          ? `Heading number “${found}” starts the sequence: expected “${expected}”`
          : `Heading number “${found}” is out of sequence: expected “${expected}” after “${previous}” (line ${previousLine ?? '?'})`,
      zh: ({ found, expected, previous, previousLine }) =>
        previous === undefined ? `标题序号“${found}”不是从头开始，应为“${expected}”` : `标题序号“${found}”不连续：前一个是第${previousLine ?? '?'}行的“${previous}”，此处应为“${expected}”`,
    },
  }),
  'digit-width-mixed': rule({
    severity: 'warning',
    fixable: true,
    text: {
      en: ({ token, fixed, mixed }: { token: string; fixed: string; mixed: boolean }) =>
        mixed
          ? `Number “${token}” mixes full-width and half-width digits: write “${fixed}”`
          : `Full-width digits “${token}” in a document that writes its other numbers with half-width digits: write “${fixed}”`,
      zh: ({ token, fixed, mixed }) =>
        mixed ? `数字“${token}”混用了全角和半角数字，应为“${fixed}”` : `全角数字“${token}”与文中其他半角数字不一致，应为“${fixed}”（GB/T 15835 用半角阿拉伯数字）`,
    },
  }),
  'cjk-punctuation': rule({
    severity: 'warning',
    fixable: true,
    text: {
      en: ({ mark, full }: { mark: string; full: string }) =>
        `Half-width ${MARK_NAMES[mark]?.en ?? 'mark'} "${mark}" ${isParenthesis(mark) ? 'around Chinese text' : 'between Chinese characters'} should be full-width "${full}"`,
      zh: ({ mark, full }) => `${isParenthesis(mark) ? '中文中的' : '中文之间的'}半角${MARK_NAMES[mark]?.zh ?? '标点'}“${mark}”应为全角“${full}”`,
    },
  }),
  'footnote-duplicate': rule({
    severity: 'warning',
    text: {
      en: ({ label }: { label: string }) => `Footnote [^${label}] is defined twice; this definition is ignored`,
      zh: ({ label }) => `脚注 [^${label}] 重复定义，此处的定义被忽略`,
    },
  }),
  'footnote-unused': rule({
    severity: 'warning',
    text: {
      en: ({ label }: { label: string }) => `Footnote [^${label}] is never referenced and appears in no output`,
      zh: ({ label }) => `脚注 [^${label}] 没有被引用，不会出现在任何输出中`,
    },
  }),
  'footnote-undefined': rule({
    severity: 'warning',
    text: {
      en: ({ label }: { label: string }) => `Footnote [^${label}] is referenced but never defined`,
      zh: ({ label }) => `脚注 [^${label}] 被引用，但没有定义`,
    },
  }),
  'link-anchor-missing': rule({
    severity: 'warning',
    text: {
      en: ({ target, suggestion }: { target: string; suggestion: string | undefined }) =>
        `Link target #${target} is no heading of this document${suggestion ? ` (did you mean #${suggestion}?)` : ''}`,
      zh: ({ target, suggestion }) => `链接目标 #${target} 不是本文的标题${suggestion ? `（是否想写 #${suggestion}？）` : ''}`,
    },
  }),
  'link-target-missing': rule({
    severity: 'warning',
    text: {
      en: ({ url }: { url: string }) => `Linked file ${url} does not exist`,
      zh: ({ url }) => `链接的文件 ${url} 不存在`,
    },
  }),
  'link-outside': rule({
    severity: 'warning',
    text: {
      en: ({ url, kind }: { url: string; kind: 'absolute' | 'leaves' | 'file-url' }) =>
        `${kind === 'absolute' ? `Link ${url} is an absolute path` : kind === 'file-url' ? `Link ${url} is a file: URL` : `Link ${url} leads out of the document's folder`}: it breaks once the report is published elsewhere; copy the file beside the source and link it relatively`,
      zh: ({ url, kind }) =>
        `${kind === 'absolute' ? `链接 ${url} 是绝对路径` : kind === 'file-url' ? `链接 ${url} 是 file: 地址` : `链接 ${url} 指向文档所在文件夹之外`}：报告发布到别处后会失效；请把文件复制到文档旁边，用相对路径链接`,
    },
  }),
  'raw-html-removed': rule({
    severity: 'warning',
    text: {
      en: ({ tag, attribute }: { tag: string; attribute: string | undefined }) =>
        attribute === undefined ? `Raw HTML element <${tag}> is not allowed and was removed` : `Raw HTML attribute \`${attribute}\` on <${tag}> is not allowed and was removed`,
      zh: ({ tag, attribute }) => (attribute === undefined ? `不允许使用原始 HTML 元素 <${tag}>，已删除` : `<${tag}> 上不允许使用原始 HTML 属性 ${attribute}，已删除`),
    },
  }),
  'control-character': rule({
    severity: 'warning',
    text: {
      en: ({ codepoint }: { codepoint: string }) =>
        `Control character ${codepoint} is invisible and no output can hold it (Word files forbid it, web pages treat it as an error): it was removed`,
      zh: ({ codepoint }) => `控制字符 ${codepoint} 不可见，任何输出都无法容纳（Word 文件不允许，网页视为错误），已将其删除`,
    },
  }),
  'raw-html-id-duplicate': rule({
    severity: 'warning',
    text: {
      en: ({ id }: { id: string }) =>
        `Raw HTML id \`${id}\` is already the id of a heading, a footnote, the page itself or an earlier element: it was removed, so that links and the contents (with its page numbers) lead to the right place`,
      zh: ({ id }) => `原始 HTML 的 id“${id}”已被标题、脚注、页面本身或前面的元素使用，已将其删除，以免链接和目录（及其页码）指向错误的位置`,
    },
  }),
  'raw-html-comment': rule({
    severity: 'warning',
    text: {
      en: () => 'HTML comment is not part of any output',
      zh: () => 'HTML 注释不会出现在任何输出中',
    },
  }),
  'image-alt-missing': rule({
    severity: 'warning',
    text: {
      en: ({ url }: { url: string }) => `Image ${url} has no alt text`,
      zh: ({ url }) => `图片 ${url} 没有替代文字（alt）`,
    },
  }),
  'image-svg-text': rule({
    severity: 'warning',
    text: {
      en: ({ url }: { url: string }) =>
        `SVG image ${url} contains text, which the PDF and the web page draw in a font of the machine, not a template font: convert the text to outlines (paths)`,
      zh: ({ url }) => `SVG 图片 ${url} 含有文字，PDF 和网页会用本机的字体而非模板字体显示：请把文字转为轮廓（路径）`,
    },
  }),
  'image-remote': rule({
    severity: 'warning',
    text: {
      en: ({ url }: { url: string }) => `Image ${url} is on the network and is not fetched; copy it beside the source`,
      zh: ({ url }) => `图片 ${url} 在网络上，不会下载；请把它复制到文档旁边`,
    },
  }),
  'image-outside': lockedError({
    en: (args: { kind: 'scheme'; scheme: string } | { kind: 'absolute' | 'leaves' | 'symlink'; url: string }) => {
      switch (args.kind) {
        case 'scheme':
          return `Image URL scheme \`${args.scheme}:\` is not allowed; use a path relative to the source`;
        case 'absolute':
          return `Image path ${args.url} is absolute; use a path relative to the source`;
        case 'leaves':
          return `Image path ${args.url} leaves the document's folder`;
        case 'symlink':
          return `Image path ${args.url} is a link that leaves the document's folder`;
      }
    },
    zh: (args) => {
      switch (args.kind) {
        case 'scheme':
          return `图片地址不能使用 ${args.scheme}: 协议，请使用相对于文档的路径`;
        case 'absolute':
          return `图片路径 ${args.url} 是绝对路径，请使用相对于文档的路径`;
        case 'leaves':
          return `图片路径 ${args.url} 指向文档所在文件夹之外`;
        case 'symlink':
          return `图片路径 ${args.url} 是指向文档所在文件夹之外的链接`;
      }
    },
  }),
  'image-missing': lockedError({
    en: ({ url, kind }: { url: string; kind: 'empty' | 'absent' | 'not-file' }) =>
      kind === 'empty' ? 'Image has an empty path' : kind === 'absent' ? `Image file ${url} does not exist` : `Image path ${url} is not a file`,
    zh: ({ url, kind }) => (kind === 'empty' ? '图片路径为空' : kind === 'absent' ? `图片文件 ${url} 不存在` : `图片路径 ${url} 不是文件`),
  }),
  'image-too-large': lockedError({
    en: (args: { kind: 'bytes'; url: string; megabytes: string; limit: number } | { kind: 'pixels'; url: string; width: number; height: number; limit: number }) =>
      args.kind === 'bytes'
        ? `Image ${args.url} is ${args.megabytes} MB, over the ${args.limit} MB limit`
        : `Image ${args.url} is ${args.width} × ${args.height} pixels (${Math.round((args.width * args.height) / 1e6)} megapixels), over the ${args.limit}-megapixel limit; a full A4 page at 300 dpi needs about 9 megapixels`,
    zh: (args) =>
      args.kind === 'bytes'
        ? `图片 ${args.url} 大小为 ${args.megabytes} MB，超过了 ${args.limit} MB 的上限`
        : `图片 ${args.url} 为 ${args.width} × ${args.height} 像素（${Math.round((args.width * args.height) / 1e6)} 百万像素），超过了 ${args.limit} 百万像素的上限；300 dpi 的整页 A4 约需 900 万像素`,
  }),
  'image-fetch-failed': lockedError({
    en: ({ url, reason }: { url: string; reason: string }) => `Image ${url} could not be fetched (${reason})`,
    zh: ({ url, reason }) => `无法下载图片 ${url}（${reason}）`,
  }),
  'block-too-long': lockedError({
    en: ({ kind, characters, limit }: { kind: 'paragraph' | 'code'; characters: number; limit: number }) =>
      `This ${kind === 'code' ? 'code block' : 'paragraph'} is ${characters.toLocaleString('en')} characters long, over the limit of ${limit.toLocaleString('en')} (about 300 printed pages without a break): split it into paragraphs, or attach the data as a file`,
    zh: ({ kind, characters, limit }) => `此${kind === 'code' ? '代码块' : '段落'}长 ${characters} 个字符，超过了 ${limit} 个字符的上限（约 300 页不分段）：请分段，或把数据作为附件提供`,
  }),
  'table-too-long': lockedError({
    en: ({ rows, limit }: { rows: number; limit: number }) =>
      `This table has ${rows.toLocaleString('en')} rows, over the limit of ${limit.toLocaleString('en')} (about 170 printed pages): split it, or attach the data as a file`,
    zh: ({ rows, limit }) => `此表格有 ${rows} 行，超过了 ${limit} 行的上限（约 170 页）：请拆分表格，或把数据作为附件提供`,
  }),
  'nesting-flattened': rule({
    severity: 'warning',
    text: {
      en: ({ limit }: { limit: number }) => `Lists and block quotes are nested more than ${limit} levels deep here: the levels below are flattened into level ${limit} (their text is kept, in order)`,
      zh: ({ limit }) => `此处列表和引用嵌套超过 ${limit} 层：更深的层级并入第 ${limit} 层（文字按原顺序保留）`,
    },
  }),
  'html-nesting-flattened': rule({
    severity: 'warning',
    text: {
      en: ({ limit }: { limit: number }) => `Raw HTML is nested more than ${limit} elements deep here: in the web page and the PDF the deeper elements are removed (their text is kept, in order)`,
      zh: ({ limit }) => `此处原始 HTML 元素嵌套超过 ${limit} 层：网页和 PDF 中更深的元素被移除（文字按原顺序保留）`,
    },
  }),
  'nesting-too-deep': lockedError({
    en: ({ depth, limit, kept }: { depth: number; limit: number; kept: number }) =>
      `Lists and block quotes go deeper than ${limit} levels here (about ${depth} at the deepest); report-press reads at most ${limit} levels (and keeps ${kept}): nest them less deeply`,
    zh: ({ depth, limit, kept }) => `此处列表和引用的嵌套超过 ${limit} 层（最深约 ${depth} 层）；report-press 最多读取 ${limit} 层（保留 ${kept} 层）：请减少嵌套层数`,
  }),
  'math-invalid': lockedError({
    en: ({ message }: { message: string }) => `TeX formula cannot be read: ${message}`,
    zh: ({ message }) => `TeX 公式有误：${message}`,
  }),
  'image-invalid': lockedError({
    en: ({ url, damaged }: { url: string; damaged: string | undefined }) =>
      damaged === undefined ? `File ${url} is not an image report-press can read (PNG, JPEG, GIF, SVG, WebP, BMP)` : `Image ${url} is truncated or damaged (its ${damaged} data does not end properly)`,
    zh: ({ url, damaged }) =>
      damaged === undefined ? `文件 ${url} 不是 report-press 能读取的图片（PNG、JPEG、GIF、SVG、WebP、BMP）` : `图片 ${url} 不完整或已损坏（其 ${damaged} 数据没有正常结束）`,
  }),
} as const;
