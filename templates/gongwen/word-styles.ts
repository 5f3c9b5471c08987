import type { Template } from '../../pipeline/template/load-template.ts';
import type { WordProfile } from '../../pipeline/render/docx/word-profile.ts';
import { govReportWordProfile } from '../gov-report/word-styles.ts';

/**
 * Word styles of the `gongwen` template: those of `gov-report` (GB/T 9704-2012 page, grid and
 * type), which the 公文 elements build on. The title opens the 主体 two blank lines under the red
 * separator and is followed by one blank line (as print.css sets it); the 版头 before it and the
 * 署名 and 成文日期 after the text are the 公文's own paragraphs (pipeline/render/docx/gongwen-*.ts),
 * so the profile's title and closing blocks are empty.
 */
export function gongwenWordProfile(template: Template): WordProfile {
  const base = govReportWordProfile(template);
  const line = template.lineHeightPt;
  return {
    ...base,
    titleBlock: [],
    closingBlock: [],
    paragraph: { ...base.paragraph, Title: { ...base.paragraph.Title, next: 'Normal', beforePt: 2 * line, afterPt: line } },
  };
}
