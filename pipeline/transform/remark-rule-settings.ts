import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { readConfigFile } from '../parse/config-file.ts';
import { flagAll } from '../util/messages.ts';
import { applyRuleSettings } from '../util/rule-settings.ts';

/**
 * Settle the severity of every rule for this source: the configuration file beside it
 * (`press.config.yaml`), overridden rule by rule by the front matter's `rules`, into
 * `file.data.ruleSettings`. Messages given later take their severity from there; those given
 * before (while reading the source and the front matter) are updated. Runs right after
 * `remarkReportMeta`, before any transform that gives messages.
 */
export function remarkRuleSettings() {
  return async (_tree: Root, file: VFile): Promise<void> => {
    const config = await readConfigFile(file);
    flagAll(file, config.problems);
    file.data.ruleSettings = { ...config.settings, ...file.data.meta?.rules };
    applyRuleSettings(file);
  };
}
