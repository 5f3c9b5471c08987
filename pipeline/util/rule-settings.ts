import type { VFile } from 'vfile';
import { isRuleId, ruleDefinition, type RuleId } from './catalogue/catalogue.ts';
import type { Severity } from './catalogue/define.ts';

/** What a `rules` setting may give a rule: a severity, or `off` to drop its messages. */
export type RuleSetting = Severity | 'off';

/** Severity settings by rule id (front matter over the configuration file). */
export type RuleSettings = Partial<Record<RuleId, RuleSetting>>;

declare module 'vfile' {
  interface DataMap {
    /** The `rules` settings in force for this source, once read (`remarkRuleSettings`). */
    ruleSettings: RuleSettings;
  }
}

/** The words a setting may be written as, and what each means (`info` is another name for `note`). */
const SETTING_WORDS: Readonly<Record<string, RuleSetting>> = { error: 'error', warning: 'warning', note: 'note', info: 'note', off: 'off' };

/** The setting a word names (case and surrounding white space aside), if any. */
export function settingFromWord(word: string): RuleSetting | undefined {
  const key = word.trim().toLowerCase();
  return Object.hasOwn(SETTING_WORDS, key) ? SETTING_WORDS[key] : undefined;
}

/**
 * The severity a rule's messages get in `file`: its setting if there is one, else the catalogue's
 * default. A locked rule is always an error (settings below that are refused when read). Ids that
 * are no rule (a source edit's or a foreign message's) are left as they are (`undefined`).
 */
export function effectiveSetting(file: VFile, id: string): RuleSetting | undefined {
  if (!isRuleId(id)) return undefined;
  const definition = ruleDefinition(id);
  if (definition.locked) return 'error';
  return file.data.ruleSettings?.[id] ?? definition.severity;
}

/** The `fatal` flag vfile uses for a severity: true for errors, false for warnings, undefined for notes. */
export function fatalFor(severity: Severity): boolean | undefined {
  return severity === 'error' ? true : severity === 'warning' ? false : undefined;
}

/**
 * Apply the settings to the messages already in `file` (those given before the settings were
 * read): `off` removes them, a severity replaces theirs. Later messages get theirs when given.
 */
export function applyRuleSettings(file: VFile): void {
  for (let index = file.messages.length - 1; index >= 0; index--) {
    const message = file.messages[index];
    if (!message?.ruleId) continue;
    const setting = effectiveSetting(file, message.ruleId);
    if (setting === undefined) continue;
    if (setting === 'off') file.messages.splice(index, 1);
    else message.fatal = fatalFor(setting);
  }
}
