import type { MessageLanguage, RuleDefinition, Severity } from './define.ts';
import { SOURCE_RULES } from './source-rules.ts';
import { CONTENT_RULES } from './content-rules.ts';
import { OUTPUT_RULES } from './output-rules.ts';
import { IMPORT_RULES } from './import-rules.ts';
import { SUGGESTION_RULES } from './suggestion-rules.ts';
import { REVIEW_RULES } from './review-rules.ts';
import { CITATION_RULES } from './citation-rules.ts';
import { CHART_RULES } from './chart-rules.ts';
import { GONGWEN_RULES } from './gongwen-rules.ts';

/**
 * Every rule of report-press, keyed by rule id: default severity, whether it is locked (always an
 * error), whether `--fix` corrects it, and its message in English and Chinese. A message can only
 * be given through this catalogue (see `flag` in `../messages.ts`), so none lacks a language.
 */
export const RULES = { ...SOURCE_RULES, ...CONTENT_RULES, ...CITATION_RULES, ...SUGGESTION_RULES, ...OUTPUT_RULES, ...IMPORT_RULES, ...REVIEW_RULES, ...CHART_RULES, ...GONGWEN_RULES } as const;

type Rules = typeof RULES;

/** A rule id. */
export type RuleId = keyof Rules & string;

/** The arguments a rule's message is made from (`void` when it needs none). */
export type RuleArgs<R extends RuleId> = R extends RuleId ? (Rules[R] extends RuleDefinition<infer A> ? A : never) : never;

/** Every rule id, in catalogue order. */
export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** Whether `id` names a rule of the catalogue. */
export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

/** A rule's definition, without its argument type (for severity and lock lookups). */
export function ruleDefinition(id: RuleId): { severity: Severity; locked: boolean; fixable: boolean } {
  return RULES[id];
}

/** The text of a rule's message in `language`. */
export function ruleText<R extends RuleId>(id: R, language: MessageLanguage, args: RuleArgs<R>): string {
  // Each entry's text takes its own arguments; `args` has that type for this `id`.
  const text = RULES[id].text[language] as (args: RuleArgs<R>) => string;
  return text(args);
}
