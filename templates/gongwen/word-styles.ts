import type { Template } from '../../pipeline/template/load-template.ts';
import type { WordProfile } from '../../pipeline/render/docx/word-profile.ts';
import { govReportWordProfile } from '../gov-report/word-styles.ts';

/**
 * Word styles of the `gongwen` template: those of `gov-report` (GB/T 9704-2012 page, grid and
 * type), which the 公文 elements build on.
 */
export function gongwenWordProfile(template: Template): WordProfile {
  return govReportWordProfile(template);
}
