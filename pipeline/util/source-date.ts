import type { ReportMeta } from '../types.ts';

/** The date used when neither the front matter nor SOURCE_DATE_EPOCH gives one. */
export const DEFAULT_SOURCE_DATE = new Date(Date.UTC(2000, 0, 1));

/**
 * The fixed date written into every output's metadata: the front-matter date (a year alone
 * means 1 January), else SOURCE_DATE_EPOCH (seconds), else `DEFAULT_SOURCE_DATE`. Never "now",
 * so that two builds of the same source give the same bytes.
 */
export function sourceDate(meta: ReportMeta, environment: NodeJS.ProcessEnv = process.env): Date {
  if (meta.date) {
    const [year = 2000, month = 1, day = 1] = meta.date.split('-').map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    if (!Number.isNaN(date.getTime())) return date;
  }
  const epoch = environment.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return DEFAULT_SOURCE_DATE;
}
