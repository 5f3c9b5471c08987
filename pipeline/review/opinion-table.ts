/**
 * The 意见汇总表 as files: a CSV (UTF-8 with a byte-order mark, so that Excel and WPS read the
 * Chinese right) and a Word file whose table is a real Word table in the template's styles,
 * made by the one pipeline from a Markdown table (no second Word writer).
 */
import { stringify } from 'csv-stringify/sync';
import { VFile } from 'vfile';
import { parseReport } from '../parse/parse.ts';
import { loadTemplate } from '../template/load-template.ts';
import { renderDocx } from '../render/docx/render-docx.ts';
import { hasErrors } from '../util/messages.ts';
import { sourceDate } from '../util/source-date.ts';
import type { Opinion } from './opinion.ts';
import { escapeMarkdown } from './place-changes.ts';

const HEADERS = {
  zh: ['序号', '单位', '位置', '原文', '修改意见', '处理意见', '说明'],
  en: ['No.', 'Unit', 'Location', 'Original text', 'Proposal', 'Decision', 'Notes'],
};

/** The table's rows, header first; 处理意见 is left blank for the author to fill. */
export function opinionRows(opinions: readonly Opinion[], chinese: boolean): string[][] {
  const rows = opinions.map((opinion, index) => [String(index + 1), opinion.author, opinion.location, opinion.original, proposalText(opinion, chinese), '', notesText(opinion, chinese)]);
  return [chinese ? HEADERS.zh : HEADERS.en, ...rows];
}

function proposalText(opinion: Opinion, chinese: boolean): string {
  switch (opinion.kind) {
    case 'delete':
      return chinese ? '删除' : 'Delete';
    case 'insert':
      return chinese ? `插入：${opinion.proposal}` : `Insert: ${opinion.proposal}`;
    case 'replace':
      return chinese ? `改为：${opinion.proposal}` : `Replace with: ${opinion.proposal}`;
    case 'move':
      return opinion.proposal === '' ? (chinese ? '移出此处' : 'Moved from here') : chinese ? `移至此处：${opinion.proposal}` : `Moved here: ${opinion.proposal}`;
    case 'comment':
      return opinion.proposal;
  }
}

function notesText(opinion: Opinion, chinese: boolean): string {
  const how = opinion.kind === 'comment' ? (chinese ? '批注' : 'comment') : opinion.tracked ? (chinese ? '修订' : 'tracked change') : chinese ? '未用修订，与原稿比对得出' : 'made without tracking; found by comparison';
  const when = opinion.date ? (chinese ? `，${opinion.date}` : `, ${opinion.date}`) : '';
  return [`${how}${when}`, ...opinion.notes].join(chinese ? '；' : '; ');
}

/**
 * The CSV of the table. A cell that a spreadsheet would take for a formula (`=…`, `+5%`, `-3%`,
 * `@…`: texts and names come from outside files) starts with an apostrophe, which Excel and WPS
 * show as text and do not print.
 */
export function opinionCsv(rows: readonly string[][]): Uint8Array {
  const safe = rows.map((row) => row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
  return new TextEncoder().encode(`\uFEFF${stringify(safe, { record_delimiter: 'windows' })}`);
}

/** What the Word file of the table is made from. */
export interface OpinionDocument {
  /** Path the Markdown would have (its folder is where the Word file goes). */
  path: string;
  title: string;
  lang: string;
  template: string;
  date: string | undefined;
  /** The line under the title (its subtitle): the source and the copies. */
  lead: string;
}

/** The Word file of the table, in the source's template. */
export async function opinionDocx(rows: readonly string[][], document: OpinionDocument): Promise<Uint8Array> {
  const cell = (text: string) => escapeMarkdown(text.replace(/\s*\n\s*/g, ' ')) || ' ';
  const [header = [], ...body] = rows;
  const table = [`| ${header.map(cell).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...body.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
  const front = ['---', `title: ${JSON.stringify(document.title)}`, `subtitle: ${JSON.stringify(document.lead)}`, `lang: ${document.lang}`, `template: ${document.template}`, ...(document.date ? [`date: ${JSON.stringify(document.date)}`] : []), '---', ''].join('\n');
  const markdown = `${front}\n${table}\n`;
  const report = await parseReport(new VFile({ path: document.path, value: markdown }));
  if (hasErrors(report.file)) throw new Error(`the opinion table could not be made: ${report.file.messages.find((message) => message.fatal)?.reason ?? ''}`);
  const template = await loadTemplate(report.meta.template);
  return renderDocx(report, template, { date: sourceDate(report.meta) });
}
