// The rows of `npm run bench` against their targets: judged, printed as the final table, and
// kept for the JSON file a note can quote.
import type { Measured } from './bench-measure.ts';

/** What a row came to. ERROR: a run failed; SKIP: the row could not be measured here. */
export type Status = 'PASS' | 'FAIL' | 'ERROR' | 'SKIP';

/** One row of the summary: one target of issue 13. */
export interface Row {
  key: string;
  label: string;
  /** Our side's median (ms), or for the memory row our peak (MB). */
  ours?: number;
  /** The anchor's median (ms), when the target is a ratio. */
  anchor?: number;
  /** The measured value the target is about (a ratio, seconds, MB). */
  value?: number;
  /** How the value is shown: `×1.23`, `1.23 s`, `1234 MB`. */
  shown: string;
  target: string;
  status: Status;
  /** Peak memory of all processes together (MB): ours, and the anchor's. */
  oursPeakMb?: number;
  anchorPeakMb?: number;
  /** Whole-process runs per side, e.g. `3 + 3`, `1`. */
  runs: string;
  notes: string[];
}

/** A ratio or value against an upper (`≤`) or lower (`≥`) limit. */
export function judge(value: number, limit: number, direction: '≤' | '≥'): Status {
  if (!Number.isFinite(value)) return 'ERROR';
  return (direction === '≤' ? value <= limit : value >= limit) ? 'PASS' : 'FAIL';
}

/** Milliseconds as seconds with two decimals, or `—`. */
export function seconds(ms: number | undefined): string {
  return ms === undefined || !Number.isFinite(ms) ? '—' : `${(ms / 1000).toFixed(2)} s`;
}

/** Megabytes, rounded, or `—`. */
export function megabytes(mb: number | undefined): string {
  return mb === undefined || !Number.isFinite(mb) || mb === 0 ? '—' : `${mb.toFixed(0)} MB`;
}

/** The notes every measurement with failed runs adds to its row (each failure, one line). */
export function failureNotes(side: string, measured: Measured): string[] {
  return measured.failures.map((failure, index) => `${side} run failed (${index + 1} of ${measured.failures.length}): ${failure}`);
}

/**
 * A row comparing our median with an anchor's, `ours / anchor` against `limit`; ERROR when
 * either side had a failed run (its median, if any, is still shown).
 */
export function ratioRow(fields: { key: string; label: string; ours: Measured; anchor: Measured; anchorMs?: number; anchorPeakMb?: number; limit: number; notes?: string[] }): Row {
  const anchorMs = fields.anchorMs ?? fields.anchor.medianMs;
  const ratio = fields.ours.medianMs / anchorMs;
  const failed = fields.ours.failures.length + fields.anchor.failures.length > 0;
  return {
    key: fields.key,
    label: fields.label,
    ours: fields.ours.medianMs,
    anchor: anchorMs,
    value: ratio,
    shown: Number.isFinite(ratio) ? `×${ratio.toFixed(2)}` : '—',
    target: `≤ ×${fields.limit.toFixed(1)}`,
    status: failed ? 'ERROR' : judge(ratio, fields.limit, '≤'),
    oursPeakMb: fields.ours.peakMb,
    anchorPeakMb: fields.anchorPeakMb ?? fields.anchor.peakMb,
    runs: `${fields.ours.runs.length} + ${fields.anchor.runs.length}`,
    notes: [...(fields.notes ?? []), ...failureNotes('ours', fields.ours), ...failureNotes('anchor', fields.anchor)],
  };
}

/** Print the final table, then each row's notes. */
export function printSummary(rows: readonly Row[]): void {
  const header = ['row', 'ours', 'anchor', 'ratio', 'target', 'result', 'peak ours', 'peak anchor', 'runs'];
  const lines = rows.map((row) => [row.label, seconds(row.ours), seconds(row.anchor), row.shown, row.target, row.status, megabytes(row.oursPeakMb), megabytes(row.anchorPeakMb), row.runs]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const format = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '─'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
  const notes = rows.flatMap((row) => row.notes.map((note) => `  ${row.label}: ${note}`));
  if (notes.length > 0) console.log(`notes:\n${notes.join('\n')}`);
}
