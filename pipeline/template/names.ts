/** Names of the templates shipped with report-press (folders under `templates/`). */
export const TEMPLATE_NAMES = ['default', 'gov-report', 'gongwen'] as const;

/** A shipped template's name. */
export type TemplateName = (typeof TEMPLATE_NAMES)[number];
