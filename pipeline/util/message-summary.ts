import { isRuleId, ruleDefinition } from './catalogue/catalogue.ts';

/**
 * Many warnings, briefly. The first build of the shipped sample gave 128 `cjk-punctuation`
 * warnings, a wall of text for a new user; `press build` (and each report of a batch) now
 * prints every error, but when there are more than {@link SUMMARY_THRESHOLD} warnings and notes,
 * only the first {@link SHOWN_PER_RULE} of each rule, then the count per rule and the commands
 * that correct them (`press check --fix`, when their rules can be fixed automatically) and list
 * them all (`press check`, which always prints every message).
 */

/** Warnings and notes a build prints in full; above this, each rule's first few. */
export const SUMMARY_THRESHOLD = 20;

/** Warnings and notes of one rule shown when a build summarises. */
export const SHOWN_PER_RULE = 3;

/** Severity and rule of a line written by `formatMessage` (`file:line:column: warning: text [rule]`). */
const LINE = /^.*?:\d+:\d+: (error|warning|note): .*?(?: \[([a-z0-9-]+)\])?$/s;

/**
 * The lines a build prints for its messages (`lines`, as `messageLines` gives them, in source
 * order): the same lines when there are at most {@link SUMMARY_THRESHOLD} warnings and notes;
 * else every error and the first {@link SHOWN_PER_RULE} warnings and notes of each rule, in
 * source order, then two `press:` lines: the count per rule, and the commands to fix (naming
 * the rules `check --fix` corrects) and to list them. `input` is the source as the user named it.
 */
export function summariseMessages(lines: readonly string[], input: string): string[] {
  const parsed = lines.map((line) => {
    const match = LINE.exec(line);
    return { line, severity: match?.[1] ?? 'warning', rule: match?.[2] ?? '' };
  });
  const minor = parsed.filter((message) => message.severity !== 'error');
  if (minor.length <= SUMMARY_THRESHOLD) return [...lines];
  const counts = new Map<string, number>();
  for (const message of minor) counts.set(message.rule, (counts.get(message.rule) ?? 0) + 1);
  const seen = new Map<string, number>();
  const shown = parsed.filter((message) => {
    if (message.severity === 'error') return true;
    const index = seen.get(message.rule) ?? 0;
    seen.set(message.rule, index + 1);
    return index < SHOWN_PER_RULE;
  });
  const ranked = [...counts].sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b));
  const perRule = ranked.map(([rule, count]) => `${count} ${rule || 'other'}${count > SHOWN_PER_RULE ? ` (${SHOWN_PER_RULE} shown)` : ''}`);
  const shownMinor = shown.filter((message) => message.severity !== 'error').length;
  const warnings = minor.filter((message) => message.severity === 'warning').length;
  const kind = warnings === minor.length ? 'warnings' : warnings === 0 ? 'notes' : 'warnings and notes';
  const fixable = ranked.filter(([rule]) => isRuleId(rule) && ruleDefinition(rule).fixable);
  const fixableCount = fixable.reduce((sum, [, count]) => sum + count, 0);
  const quoted = shellQuote(input);
  const list = `\`press check ${quoted}\` lists them all`;
  return [
    ...shown.map((message) => message.line),
    `press: ${input}: ${minor.length} ${kind}, ${shownMinor} shown: ${perRule.join(', ')}`,
    fixable.length === 0
      ? `press: ${list}`
      : `press: \`press check --fix ${quoted}\` corrects the ${fixableCount} ${fixable.map(([rule]) => rule).join(' and ')} ones; ${list}`,
  ];
}

/** A path as a POSIX shell reads it back: as it is when safe, else in single quotes. */
function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
