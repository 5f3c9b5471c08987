/**
 * A front-matter date as a Chinese document writes it (GB/T 9704: Arabic digits, full year,
 * no zero padding): `2024-03-01` → `2024年3月1日`, `2024-03` → `2024年3月`, `2024` → `2024年`.
 * Other languages keep the date as written. Shared by the Word file, the web page and the print
 * edition, so that all three show the same date.
 */
export function displayDate(date: string, lang: string): string {
  if (!lang.toLowerCase().startsWith('zh')) return date;
  const [year, month, day] = date.split('-');
  return [`${year ?? date}年`, month ? `${Number(month)}月` : '', day ? `${Number(day)}日` : ''].join('');
}
