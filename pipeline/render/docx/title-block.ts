import { Paragraph } from 'docx';
import type { ReportMeta } from '../../types.ts';
import type { MetaField } from './word-profile.ts';
import { displayDate } from '../display-date.ts';

const FIELD_STYLES: Record<MetaField, string> = {
  title: 'Title',
  subtitle: 'Subtitle',
  speaker: 'Speaker',
  author: 'Author',
  date: 'Date',
};

/** Paragraphs for front-matter fields, in the given order, each in the style of its role; absent fields are skipped. */
export function metaParagraphs(meta: ReportMeta, fields: readonly MetaField[]): Paragraph[] {
  return fields.flatMap((field) => {
    const value = meta[field];
    if (!value) return [];
    return [new Paragraph({ style: FIELD_STYLES[field], text: field === 'date' ? displayDate(value, meta.lang) : value })];
  });
}
