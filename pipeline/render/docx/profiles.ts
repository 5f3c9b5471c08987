import type { Template } from '../../template/load-template.ts';
import type { TemplateName } from '../../template/names.ts';
import { defaultWordProfile } from '../../../templates/default/word-styles.ts';
import { govReportWordProfile } from '../../../templates/gov-report/word-styles.ts';
import { gongwenWordProfile } from '../../../templates/gongwen/word-styles.ts';
import type { WordProfile, WordProfileFactory } from './word-profile.ts';

const FACTORIES: Record<TemplateName, WordProfileFactory> = {
  default: defaultWordProfile,
  'gov-report': govReportWordProfile,
  gongwen: gongwenWordProfile,
};

function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(FACTORIES, name);
}

/** The Word profile of a template (the `default` one for a template without Word styles of its own). */
export function wordProfileFor(template: Template): WordProfile {
  const factory = isTemplateName(template.name) ? FACTORIES[template.name] : defaultWordProfile;
  return factory(template);
}
