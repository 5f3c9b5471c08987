/** How serious a message is: `error` fails the build, `warning` and `note` are printed only. */
export type Severity = 'error' | 'warning' | 'note';

/** The languages every message is written in. */
export type MessageLanguage = 'en' | 'zh';

/** A rule's message text in each language, made from the same arguments. */
export type RuleText<A> = Record<MessageLanguage, (args: A) => string>;

/** One rule of `press check`: its default severity, whether it may be configured, and its text. */
export interface RuleDefinition<A> {
  /** Severity when no `rules` setting names the rule. */
  severity: Severity;
  /**
   * The rule reports output that would be wrong (a missing image, a character no font has…):
   * it is always an error, and a setting below `error` is refused.
   */
  locked: boolean;
  /** `press check --fix` corrects what the rule reports. */
  fixable: boolean;
  /** The message, in English and Chinese. */
  text: RuleText<A>;
}

/**
 * Define a rule. The arguments of its message are inferred from the English text's parameter;
 * a rule whose message needs none has `void` arguments.
 */
export function rule<A = void>(definition: { severity: Severity; locked?: boolean; fixable?: boolean; text: RuleText<A> }): RuleDefinition<A> {
  return { severity: definition.severity, locked: definition.locked ?? false, fixable: definition.fixable ?? false, text: definition.text };
}

/** A locked error rule: the output would be wrong, so it can never be less than an error. */
export function lockedError<A = void>(text: RuleText<A>): RuleDefinition<A> {
  return rule({ severity: 'error', locked: true, text });
}

/** `(did you mean `x`?)` in each language, or nothing. */
export function didYouMean(suggestion: string | undefined, language: MessageLanguage): string {
  if (suggestion === undefined) return '';
  return language === 'zh' ? `（是否想写“${suggestion}”？）` : ` (did you mean \`${suggestion}\`?)`;
}
