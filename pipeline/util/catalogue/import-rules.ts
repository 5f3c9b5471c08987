import { lockedError, rule } from './define.ts';

/** Rules of `press import`: a Word file that cannot be read, and what the Markdown cannot hold. */
export const IMPORT_RULES = {
  'import-not-docx': lockedError({
    en: ({ kind }: { kind: 'not-zip' | 'corrupt' | 'no-document' }) =>
      kind === 'not-zip' ? 'Not a Word .docx file (it is no zip package)' : kind === 'corrupt' ? 'The .docx package is damaged and cannot be unzipped' : 'The zip package holds no Word document (word/document.xml)',
    zh: ({ kind }) => (kind === 'not-zip' ? '不是 Word .docx 文件（不是 zip 包）' : kind === 'corrupt' ? '.docx 文件已损坏，无法解压' : '该 zip 包中没有 Word 文档（word/document.xml）'),
  }),
  'import-legacy-doc': lockedError({
    en: () => 'A Word 97-2003 .doc file: open it in Word or WPS and save it as .docx',
    zh: () => '这是 Word 97-2003 的 .doc 文件：请在 Word 或 WPS 中打开并另存为 .docx',
  }),
  'import-encrypted': lockedError({
    en: () => 'The .docx is encrypted (password-protected): open it in Word or WPS, remove the password and save it again',
    zh: () => '该 .docx 已加密（设有密码）：请在 Word 或 WPS 中打开，取消密码后重新保存',
  }),
  'import-too-large': lockedError({
    en: ({ megabytes, limitMegabytes, ratio }: { megabytes: number; limitMegabytes: number; ratio?: number }) =>
      ratio !== undefined
        ? `A part of the package would inflate ${ratio} times its size (${megabytes} MB): refused as a zip bomb`
        : `The package would inflate to more than ${limitMegabytes} MB (${megabytes} MB so far): refused`,
    zh: ({ megabytes, limitMegabytes, ratio }) =>
      ratio !== undefined ? `包中某一部分解压后会膨胀 ${ratio} 倍（${megabytes} MB），疑为 zip 炸弹，拒绝读取` : `解压后将超过 ${limitMegabytes} MB（已达 ${megabytes} MB），拒绝读取`,
  }),
  'import-xml-entities': lockedError({
    en: ({ part }: { part: string }) => `${part} declares a DOCTYPE or entities, which a Word file never needs: refused (nothing is expanded or fetched)`,
    zh: ({ part }) => `${part} 含有 DOCTYPE 或实体声明，正常的 Word 文件不会有：拒绝读取（不展开、不获取任何内容）`,
  }),
  'import-xml-invalid': lockedError({
    en: ({ part, reason }: { part: string; reason: string }) => `${part} is not well-formed XML: ${reason}`,
    zh: ({ part, reason }) => `${part} 不是格式正确的 XML：${reason}`,
  }),
  'import-merged-cell': rule({
    severity: 'warning',
    text: {
      en: ({ table }: { table: number }) => `Table ${table} has merged cells, which Markdown cannot hold: their text is kept in the first cell, the others are empty`,
      zh: ({ table }) => `第 ${table} 个表格有合并单元格，Markdown 无法表示：文字保留在第一个单元格中，其余单元格为空`,
    },
  }),
  'import-nested-table': rule({
    severity: 'warning',
    text: {
      en: () => 'A table inside a table cell, which Markdown cannot hold: its text is kept in the cell',
      zh: () => '表格单元格中嵌套了表格，Markdown 无法表示：其文字保留在该单元格中',
    },
  }),
  'import-unsupported': rule({
    severity: 'warning',
    text: {
      en: ({ kind, detail }: { kind: 'text-box' | 'chart' | 'drawing' | 'smartart' | 'ole' | 'math' | 'field'; detail?: string }) =>
        ({
          'text-box': 'A text box: its text is kept as a paragraph',
          chart: 'A chart, which Markdown cannot hold: left out (its text, if any, is kept)',
          drawing: 'A drawing or shape, which Markdown cannot hold: left out (its text, if any, is kept)',
          smartart: 'A SmartArt diagram, which Markdown cannot hold: its text is kept',
          ole: 'An embedded object (OLE), which Markdown cannot hold: left out',
          math: 'An equation: kept as plain text',
          field: `A ${detail ?? ''} field: its last shown result is kept as text`,
        })[kind],
      zh: ({ kind, detail }) =>
        ({
          'text-box': '文本框：其文字作为段落保留',
          chart: '图表：Markdown 无法表示，已略去（如有文字则保留）',
          drawing: '绘图或形状：Markdown 无法表示，已略去（如有文字则保留）',
          smartart: 'SmartArt 图形：Markdown 无法表示，保留其文字',
          ole: '嵌入对象（OLE）：Markdown 无法表示，已略去',
          math: '公式：按纯文本保留',
          field: `${detail ?? ''} 域：保留其最后显示的结果文字`,
        })[kind],
    },
  }),
  'import-external': rule({
    severity: 'warning',
    text: {
      en: ({ kind, target }: { kind: 'image' | 'template' | 'other'; target: string }) =>
        `${kind === 'image' ? 'A linked (external) image' : kind === 'template' ? 'A linked template' : 'An external relationship'} ${target}: not fetched${kind === 'image' ? ', its alt text is kept' : ''}`,
      zh: ({ kind, target }) => `${kind === 'image' ? '链接的外部图片' : kind === 'template' ? '链接的模板' : '外部关系'} ${target}：不会获取${kind === 'image' ? '，保留其替代文字' : ''}`,
    },
  }),
  'import-image-missing': rule({
    severity: 'warning',
    text: {
      en: ({ target }: { target: string }) => `An image whose file ${target} is not in the package: its alt text is kept`,
      zh: ({ target }) => `图片文件 ${target} 不在包中：保留其替代文字`,
    },
  }),
  'import-paragraph-mark': rule({
    severity: 'warning',
    text: {
      en: ({ change, author }: { change: 'split' | 'merge'; author: string }) =>
        change === 'split'
          ? `${author || 'Someone'} split this paragraph with track changes on; CriticMarkup cannot hold a paragraph break, so the paragraphs are written split`
          : `${author || 'Someone'} joined this paragraph with the next with track changes on; CriticMarkup cannot hold a paragraph break, so the paragraphs are written apart`,
      zh: ({ change, author }) =>
        change === 'split' ? `${author || '有人'}在修订模式下拆分了此段；CriticMarkup 无法表示段落分隔，按拆分后的段落写出` : `${author || '有人'}在修订模式下将此段与下一段合并；CriticMarkup 无法表示段落分隔，按合并前的段落写出`,
    },
  }),
  'import-citation-edited': rule({
    severity: 'warning',
    text: {
      en: ({ kind, shown, text, written }: { kind: 'edited' | 'loose' | 'bibliography'; shown: string; text: string; written: string }) =>
        kind === 'edited'
          ? `The citation press build wrote as “${text}” reads “${shown}” in this file: the build formats citations, so it is given back as written, ${written}, and the edit is not kept`
          : kind === 'loose'
            ? `A link to a bibliography entry (“${shown}”) that press build did not write as a citation: given back as ${written}; check its locator and prefix`
            : `A paragraph in the Bibliography style that press build did not write (“${shown}”): the build makes the bibliography from the bibliography file, so it is left out; add the work to ${written} instead`,
      zh: ({ kind, shown, text, written }) =>
        kind === 'edited'
          ? `本文件中 press build 生成的文献引用“${text}”被改成了“${shown}”：引用由构建时自动生成，按源文件写法 ${written} 还原，此处改动不保留`
          : kind === 'loose'
            ? `指向参考文献条目的链接（“${shown}”）不是 press build 生成的文献引用：按 ${written} 还原，请核对页码和前缀`
            : `Bibliography 样式的段落（“${shown}”）不是 press build 生成的：参考文献表由文献库自动生成，此段已略去；请把该文献加入 ${written}`,
    },
  }),
} as const;
