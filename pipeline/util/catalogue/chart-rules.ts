import { didYouMean, lockedError, rule } from './define.ts';

/** Why a chart's data file cannot be used. */
export type ChartFileProblem = 'absent' | 'outside' | 'network' | 'not-file' | 'too-large' | 'format' | 'invalid';

const FILE_PROBLEMS: Record<ChartFileProblem, { en: string; zh: string }> = {
  absent: { en: 'does not exist', zh: '不存在' },
  outside: { en: "is outside the document's folder (charts read files beside their source only)", zh: '在文档所在文件夹之外（图表只读取源文件旁的文件）' },
  network: { en: 'is on the network: report-press never fetches chart data; save the file beside the source', zh: '是网络地址：report-press 不下载图表数据，请把文件存到源文件旁' },
  'not-file': { en: 'is not a regular file', zh: '不是普通文件' },
  'too-large': { en: 'is too large for a chart (over 10 MB)', zh: '太大，不适合作图（超过 10 MB）' },
  format: { en: 'is neither CSV, TSV nor JSON (name it .csv, .tsv or .json, or give `format: {type: …}`)', zh: '不是 CSV、TSV 或 JSON（请用 .csv、.tsv、.json 扩展名，或写明 `format: {type: …}`）' },
  invalid: { en: 'cannot be read', zh: '无法读取' },
};

/** Rules about ```` ```chart ```` blocks: their specification, their data and the fields they plot. */
export const CHART_RULES = {
  'chart-syntax': lockedError({
    en: ({ format, message }: { format: 'YAML' | 'JSON'; message: string }) => `Chart specification is not valid ${format}: ${message}`,
    zh: ({ format, message }) => `图表规格不是有效的 ${format}：${message}`,
  }),
  'chart-spec': lockedError({
    en: ({ message }: { message: string }) => `Chart specification is not valid Vega-Lite: ${message}`,
    zh: ({ message }) => `图表规格不是有效的 Vega-Lite：${message}`,
  }),
  'chart-warning': rule({
    severity: 'warning',
    text: {
      en: ({ message }: { message: string }) => `Vega-Lite: ${message}`,
      zh: ({ message }) => `Vega-Lite 提示：${message}`,
    },
  }),
  'chart-data-file': lockedError({
    en: ({ url, problem, detail }: { url: string; problem: ChartFileProblem; detail: string | undefined }) => `Chart data file ${url} ${FILE_PROBLEMS[problem].en}${detail ? `: ${detail}` : ''}`,
    zh: ({ url, problem, detail }) => `图表数据文件 ${url} ${FILE_PROBLEMS[problem].zh}${detail ? `：${detail}` : ''}`,
  }),
  'chart-data-too-long': lockedError({
    en: ({ rows, limit }: { rows: number; limit: number }) =>
      `Chart data has ${rows.toLocaleString('en')} rows, over the limit of ${limit.toLocaleString('en')}: a chart of so many points is better drawn from a summary (aggregate the data first)`,
    zh: ({ rows, limit }) => `图表数据有 ${rows.toLocaleString('en')} 行，超过 ${limit.toLocaleString('en')} 行的上限：这么多点的图表宜先汇总数据再作图`,
  }),
  'chart-table-unknown': lockedError({
    en: ({ label, suggestion }: { label: string; suggestion: string | undefined }) => `Chart data names the table {#${label}}, which no table of this document has${suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`}`,
    zh: ({ label, suggestion }) => `图表数据引用的表格 {#${label}} 在本文档中不存在${didYouMean(suggestion, 'zh')}`,
  }),
  'chart-field-unknown': lockedError({
    en: ({ field, channel, fields, suggestion }: { field: string; channel: string; fields: string[]; suggestion: string | undefined }) =>
      `Chart encoding ${channel} uses the field “${field}”, which the data lacks (its fields: ${fields.join(', ')})${didYouMean(suggestion, 'en')}`,
    zh: ({ field, channel, fields, suggestion }) => `图表编码 ${channel} 使用的字段“${field}”在数据中不存在（数据字段：${fields.join('、')}）${didYouMean(suggestion, 'zh')}`,
  }),
} as const;
