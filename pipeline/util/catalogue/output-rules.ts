import { lockedError, rule } from './define.ts';

/** Rules found while rendering an output: fonts and contents of the PDF, what Word or the web page cannot show. */
export const OUTPUT_RULES = {
  'missing-glyph': lockedError({
    en: ({ character, codepoint, families }: { character: string; codepoint: string; families: readonly string[] }) =>
      `Character “${character}” (U+${codepoint}) is in none of the print fonts (${families.join(', ')}): the PDF would show it in some other font or as an empty box; replace it, or configure a font that has it`,
    // The code point keeps half-width parentheses: it is Latin text, and test/layout/fonts.test.ts matches it so.
    zh: ({ character, codepoint, families }) =>
      `字符“${character}” (U+${codepoint}) 不在任何打印字体（${families.join('、')}）中：PDF 会用别的字体显示它，或显示为空框；请替换这个字符，或配置含有它的字体`,
  }),
  'pdf-font-failed': lockedError({
    // `problem` comes from the font modules (file, package and family names), in English.
    en: ({ problem }: { problem: string }) => `${problem}; check the template's printFontFiles and that its packages are installed`,
    zh: ({ problem }) => `打印 PDF 的字体出错（${problem}）；请检查模板的 printFontFiles 以及相应的字体包是否已安装`,
  }),
  'pdf-table-too-wide': lockedError({
    en: ({ columns, neededMm, availableMm }: { columns: number; neededMm: number; availableMm: number }) =>
      `Table with ${columns} columns needs at least ${neededMm} mm across but the printed page has ${availableMm} mm: Chromium would shrink every page of the PDF to fit it, and cut off the columns that still do not fit; split the table or give it fewer columns`,
    zh: ({ columns, neededMm, availableMm }) => `此表有 ${columns} 列，至少需要 ${neededMm} 毫米宽，而打印页面只有 ${availableMm} 毫米：Chromium 会把 PDF 的每一页都缩小以容纳它，仍放不下的列会被截掉；请拆分表格或减少列数`,
  }),
  'pdf-formula-too-wide': lockedError({
    en: ({ neededMm, availableMm }: { neededMm: number; availableMm: number }) =>
      `Formula needs ${neededMm} mm across but the printed page has ${availableMm} mm: Chromium would shrink every page of the PDF to fit it; break it into lines (\\begin{aligned} … \\\\ … \\end{aligned}) or shorten it`,
    zh: ({ neededMm, availableMm }) => `此公式需要 ${neededMm} 毫米宽，而打印页面只有 ${availableMm} 毫米：Chromium 会把 PDF 的每一页都缩小以容纳它；请把公式分行（\\begin{aligned} … \\\\ … \\end{aligned}）或缩短`,
  }),
  'pdf-content-too-wide': lockedError({
    en: ({ tag, text, neededMm, availableMm }: { tag: string; text: string; neededMm: number; availableMm: number }) =>
      `Content reaches ${neededMm} mm across but the printed page has ${availableMm} mm (<${tag}> “${text}”): Chromium would shrink every page of the PDF to fit it; this is a fault of the template's print stylesheet, please report it`,
    zh: ({ tag, text, neededMm, availableMm }) =>
      `有内容宽达 ${neededMm} 毫米，而打印页面只有 ${availableMm} 毫米（<${tag}>“${text}”）：Chromium 会把 PDF 的每一页都缩小以容纳它；这是模板打印样式表的缺陷，请报告`,
  }),
  'toc-pages': lockedError({
    en: (args: { kind: 'missing'; headings: readonly string[] } | { kind: 'unsettled'; prints: number }) =>
      args.kind === 'missing'
        ? `Contents: no page found for the headings ${args.headings.join(', ')}`
        : `Contents: the page numbers still moved after ${args.prints} more prints; the contents may show wrong pages`,
    zh: (args) => (args.kind === 'missing' ? `目录：找不到这些标题所在的页：${args.headings.join('、')}` : `目录：又打印了 ${args.prints} 次，页码仍在变化，目录中的页码可能有误`),
  }),
  'embed-fonts': rule({
    severity: 'note',
    text: {
      en: ({ kilobytes, files }: { kilobytes: string; files: number }) => `Embedded fonts add ${kilobytes} KB to the HTML page (${files} subset font files)`,
      zh: ({ kilobytes, files }) => `嵌入的字体使 HTML 页面增加 ${kilobytes} KB（${files} 个子集字体文件）`,
    },
  }),
  'raw-html-image': rule({
    severity: 'warning',
    text: {
      en: ({ src }: { src: string }) => `Raw HTML image ${src || '(no src)'} is not embedded; use Markdown image syntax`,
      zh: ({ src }) => `原始 HTML 图片 ${src || '（无 src）'} 不会嵌入，请改用 Markdown 图片语法`,
    },
  }),
  'docx-raw-html': rule({
    severity: 'warning',
    text: {
      en: (args: { kind: 'comment' } | { kind: 'img' } | { kind: 'hidden'; html: string } | { kind: 'block'; tag: string }) => {
        switch (args.kind) {
          case 'comment':
            return 'HTML comment is not part of the Word output';
          case 'img':
            return 'Raw HTML <img> is not embedded in the Word output (its alt text is shown); use Markdown image syntax';
          case 'hidden':
            return `Raw HTML \`${args.html}\` is not shown in the Word output`;
          case 'block':
            return `Raw HTML <${args.tag}> cannot be represented in the Word output; its text is kept as a plain paragraph`;
        }
      },
      zh: (args) => {
        switch (args.kind) {
          case 'comment':
            return 'HTML 注释不会出现在 Word 文件中';
          case 'img':
            return 'Word 文件不嵌入原始 HTML 的 <img>（显示其替代文字），请改用 Markdown 图片语法';
          case 'hidden':
            return `原始 HTML ${args.html} 不会显示在 Word 文件中`;
          case 'block':
            return `原始 HTML <${args.tag}> 无法在 Word 文件中表示，只保留其文字，作为普通段落`;
        }
      },
    },
  }),
  'docx-reference': lockedError({
    en: (args: { kind: 'unreadable'; path: string; reason: string } | { kind: 'invalid'; path: string; problem: string }) =>
      args.kind === 'unreadable' ? `Reference document ${args.path} cannot be read (${args.reason})` : `Reference document ${args.path} ${args.problem}`,
    zh: (args) => (args.kind === 'unreadable' ? `无法读取参考文档 ${args.path}（${args.reason}）` : `参考文档 ${args.path} 不能使用：${args.problem}`),
  }),
  'output-path': lockedError({
    en: (args: { kind: 'not-folder' | 'folder-in-way' | 'source'; path: string }) =>
      args.kind === 'not-folder'
        ? `The outputs cannot be written: ${args.path} is a file, not a folder; choose another --out`
        : args.kind === 'source'
          ? `Output ${args.path} is the source itself: it would be overwritten; choose another --out`
          : `Output ${args.path} is a folder: the output cannot replace it; rename or remove the folder, or choose another --out`,
    zh: (args) =>
      args.kind === 'not-folder'
        ? `无法写出输出文件：${args.path} 是文件，不是文件夹；请另选 --out`
        : args.kind === 'source'
          ? `输出 ${args.path} 就是源文件本身，会被覆盖；请另选 --out`
          : `输出 ${args.path} 是一个文件夹，输出文件无法替换它；请重命名或删除该文件夹，或另选 --out`,
  }),
  'docx-reference-styles': rule({
    severity: 'warning',
    text: {
      en: ({ path, styles }: { path: string; styles: readonly string[] }) => `Reference document ${path} lacks the styles ${styles.join(', ')}: the template's are used`,
      zh: ({ path, styles }) => `参考文档 ${path} 缺少样式 ${styles.join('、')}，改用模板中的定义`,
    },
  }),
  'docx-reference-renamed': rule({
    severity: 'note',
    text: {
      en: ({ path, renamed }: { path: string; renamed: readonly string[] }) => `Reference document ${path}: styles matched by name (${renamed.join(', ')})`,
      zh: ({ path, renamed }) => `参考文档 ${path}：以下样式按名称对应（${renamed.join('、')}）`,
    },
  }),
  'docx-toc-pages': rule({
    severity: 'note',
    text: {
      en: () =>
        'Word contents: no print PDF was built with the Word file, so its entries carry no page numbers until Word updates the field (build pdf and docx together to fill them in)',
      zh: () => 'Word 目录：没有同时生成打印 PDF，目录条目暂无页码，需在 Word 中更新域（同时生成 pdf 和 docx 即可填入页码）',
    },
  }),
  'docx-footnote-nested': rule({
    severity: 'warning',
    text: {
      en: ({ label }: { label: string }) => `Footnote reference [^${label}] inside a footnote cannot be a Word footnote; its label is kept as text`,
      zh: ({ label }) => `脚注中的脚注引用 [^${label}] 无法成为 Word 脚注，保留为文字`,
    },
  }),
  'docx-footnote-missing': rule({
    severity: 'warning',
    text: {
      en: ({ label }: { label: string }) => `Footnote [^${label}] has no definition`,
      zh: ({ label }) => `脚注 [^${label}] 没有定义`,
    },
  }),
  'docx-link-unsafe': rule({
    severity: 'warning',
    text: {
      en: ({ scheme }: { scheme: string }) => `Link URL scheme \`${scheme}:\` is not allowed; the Word output shows the text without a link`,
      zh: ({ scheme }) => `链接不能使用 ${scheme}: 协议，Word 文件中只显示文字，不带链接`,
    },
  }),
  'docx-table-in-footnote': rule({
    severity: 'warning',
    text: {
      en: () => 'A table inside a footnote cannot be a Word table; its rows are kept as paragraphs',
      zh: () => '脚注中的表格无法成为 Word 表格，各行保留为段落',
    },
  }),
  'docx-image-reference': rule({
    severity: 'warning',
    text: {
      en: ({ alt, label }: { alt: string; label: string }) =>
        `Image reference ![${alt}][${label}] is not embedded in the Word output; write the image inline as ![alt](path)`,
      zh: ({ alt, label }) => `图片引用 ![${alt}][${label}] 不会嵌入 Word 文件，请写成行内图片 ![替代文字](路径)`,
    },
  }),
  'docx-image-format': rule({
    severity: 'warning',
    text: {
      en: ({ url, format }: { url: string; format: string }) =>
        `Image ${url} is ${format}, which the Word output cannot embed; its alt text is shown instead (convert it to PNG or JPEG)`,
      zh: ({ url, format }) => `图片 ${url} 是 ${format} 格式，Word 文件无法嵌入，改为显示其替代文字（请转换为 PNG 或 JPEG）`,
    },
  }),
  'docx-unknown-node': rule({
    severity: 'warning',
    text: {
      en: ({ type, inline }: { type: string; inline: boolean }) =>
        inline ? `Word output has no handler for inline \`${type}\` nodes; its text is kept` : `Word output has no handler for \`${type}\` nodes; its text is kept as a plain paragraph`,
      zh: ({ type, inline }) => (inline ? `Word 输出无法处理行内的 ${type} 节点，只保留其文字` : `Word 输出无法处理 ${type} 节点，其文字保留为普通段落`),
    },
  }),
  'compare-not-marked': rule({
    severity: 'warning',
    text: {
      en: ({ kind, type }: { kind: 'opaque-changed' | 'cell-count'; type: string }) =>
        kind === 'cell-count'
          ? 'A table row that gained or lost cells: its cells are compared in order, the cells beyond the shorter row are not marked'
          : `A difference in a \`${type}\` block, which cannot hold a suggestion: it is not marked in the changes`,
      zh: ({ kind, type }) => (kind === 'cell-count' ? '表格行的单元格数有增减：按顺序比较单元格，多出的单元格不作标记' : `${type} 块有改动，但该类块无法容纳修订标记，改动未在对比稿中标出`),
    },
  }),
  'compare-title': rule({
    severity: 'note',
    text: {
      en: ({ old }: { old: string }) => `The title changed (it was "${old}"); front matter is not marked as a change`,
      zh: ({ old }) => `标题已更改（原为“${old}”）；前置元数据的改动不作修订标记`,
    },
  }),
} as const;
