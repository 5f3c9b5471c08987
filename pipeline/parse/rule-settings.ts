import { isScalar, type YAMLMap } from 'yaml';
import { closestWord } from '../util/did-you-mean.ts';
import { isRuleId, ruleDefinition, RULE_IDS } from '../util/catalogue/catalogue.ts';
import { settingFromWord, type RuleSettings } from '../util/rule-settings.ts';
import type { PendingMessage } from '../util/messages.ts';
import { plainValue, rangeStart, shown, type YamlPlaces } from './yaml-place.ts';

/** Settings read from a `rules` mapping, and the problems found in it. */
export interface ReadSettings {
  settings: RuleSettings;
  problems: PendingMessage[];
}

/**
 * Read a `rules:` mapping (`rule-id: error|warning|note|info|off`), from the front matter or the
 * configuration file. An unknown rule id (`rule-unknown`, with a did-you-mean), a value that is
 * no severity (`rule-severity-invalid`) and a locked rule set below `error` (`rule-locked`) are
 * problems at their own place; their settings are left out.
 */
export function readRuleSettings(map: YAMLMap, places: YamlPlaces): ReadSettings {
  const settings: RuleSettings = {};
  const problems: PendingMessage[] = [];
  for (const pair of map.items) {
    const id = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const keyPlace = places.at(rangeStart(pair.key));
    if (!isRuleId(id)) {
      problems.push({ rule: 'rule-unknown', place: keyPlace, args: { id, suggestion: closestWord(id, RULE_IDS) } });
      continue;
    }
    const value = plainValue(pair.value);
    const valuePlace = places.at(rangeStart(pair.value) ?? rangeStart(pair.key));
    const setting = typeof value === 'string' ? settingFromWord(value) : undefined;
    if (setting === undefined) {
      problems.push({ rule: 'rule-severity-invalid', place: valuePlace, args: { id, value: typeof value === 'string' ? value : shown(value) } });
    } else if (ruleDefinition(id).locked && setting !== 'error') {
      problems.push({ rule: 'rule-locked', place: valuePlace, args: { id, value: String(value).trim() } });
    } else {
      settings[id] = setting;
    }
  }
  return { settings, problems };
}
