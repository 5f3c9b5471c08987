import { Paragraph } from 'docx';
import type { ReportMeta } from '../../types.ts';
import type { MetaField } from './word-profile.ts';

const FIELD_STYLES: Record<MetaField, string> = {
  title: 'Title',
  subtitle: 'Subtitle',
  speaker: 'Speaker',
  author: 'Author',
  date: 'Date',
};

/**
 * A front-matter date as a Chinese document writes it (GB/T 9704: Arabic digits, full year,
 * no zero padding): `2024-03-01` → `2024年3月1日`, `2024-03` → `2024年3月`, `2024` → `2024年`.
 * Other languages keep the date as written.
 */
export function displayDate(date: string, lang: string): string {
  if (!lang.toLowerCase().startsWith('zh')) return date;
  const [year, month, day] = date.split('-');
  return [`${year ?? date}年`, month ? `${Number(month)}月` : '', day ? `${Number(day)}日` : ''].join('');
}

/** Paragraphs for front-matter fields, in the given order, each in the style of its role; absent fields are skipped. */
export function metaParagraphs(meta: ReportMeta, fields: readonly MetaField[]): Paragraph[] {
  return fields.flatMap((field) => {
    const value = meta[field];
    if (!value) return [];
    return [new Paragraph({ style: FIELD_STYLES[field], text: field === 'date' ? displayDate(value, meta.lang) : value })];
  });
}
