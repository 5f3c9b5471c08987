import { defaultSchema, type Schema } from 'hast-util-sanitize';
import { CALLOUT_KINDS } from './callout-kinds.ts';
import { MATHML_ATTRIBUTES, MATHML_STRIPPED, MATHML_TAG_NAMES } from './sanitize-mathml.ts';
import { SVG_ATTRIBUTES, SVG_STRIPPED, SVG_TAG_NAMES } from './sanitize-svg.ts';

const defaults = defaultSchema.attributes ?? {};

/**
 * The allow-list raw HTML in a source is held to, in every output: GitHub's schema plus the
 * semantic elements a report needs (figure, caption, abbr, mark…) and MathML's layout elements
 * (`sanitize-mathml.ts`: formulas are MathML). Ids are kept as written
 * (no `user-content-` prefix: the page runs no script, so clobbering is harmless), while
 * script, style and event handlers, `javascript:` URLs, iframes, forms and `style`
 * attributes never survive.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  // `<source srcset>` (allowed by GitHub's schema) names media to load: never kept.
  tagNames: [...(defaultSchema.tagNames ?? []).filter((tag) => tag !== 'source'), 'figure', 'figcaption', 'caption', 'mark', 'abbr', 'small', 'u', 'cite', 'dfn', 'time', 'bdi', 'bdo', 'wbr', ...MATHML_TAG_NAMES],
  attributes: {
    ...defaults,
    ...MATHML_ATTRIBUTES,
    abbr: ['title'],
    // A citation's link to its bibliography entry.
    a: [...(defaults.a ?? []).filter((attribute) => !(Array.isArray(attribute) && attribute[0] === 'className')), ['className', 'data-footnote-backref', 'citation']],
    time: ['dateTime'],
    th: [...(defaults.th ?? []), 'scope'],
    // The automatic heading numbers' own span (harmless if raw HTML writes it too).
    span: [...(defaults.span ?? []), ['className', 'csl-left-margin', 'csl-right-inline', 'heading-number', 'caption-number', 'equation-number', 'suggestion', 'suggestion-insert', 'suggestion-delete', 'suggestion-substitute', 'suggestion-comment', 'suggestion-label', 'suggestion-note'], ['role', 'note']],
    // Suggestions (CriticMarkup): their own classes, harmless if raw HTML writes them too.
    ins: [...(defaults.ins ?? []), ['className', 'suggestion-text']],
    del: [...(defaults.del ?? []), ['className', 'suggestion-text']],
    mark: [['className', 'suggestion-anchor']],
    // Callouts (GitHub alerts): their own classes and the note role.
    // The bibliography (citations): pandoc's classes, a list of entries.
    div: [...(defaults.div ?? []), ['className', 'callout', ...CALLOUT_KINDS.map((kind) => `callout-${kind}`), 'equation', 'references', 'csl-bib-body', 'csl-entry', 'hanging-indent'], ['role', 'note', 'list', 'listitem']],
    p: [...(defaults.p ?? []), ['className', 'callout-title']],
    '*': [...(defaults['*'] ?? [])],
  },
  clobber: [],
  strip: ['script', 'style', 'template', 'noscript', 'textarea', 'select', 'object', 'embed', 'iframe', 'frame', 'frameset', 'applet', 'svg', ...MATHML_STRIPPED],
};

/**
 * The allow-list a chart's SVG is held to (vega draws it at build time, from a specification the
 * source wrote): `sanitizeSchema` plus the shapes, text and gradients of `sanitize-svg.ts`. Only
 * charts are held to it; SVG written as raw HTML is still removed by `sanitizeSchema`.
 */
export const chartSvgSchema: Schema = {
  ...sanitizeSchema,
  tagNames: [...(sanitizeSchema.tagNames ?? []), ...SVG_TAG_NAMES],
  attributes: { ...sanitizeSchema.attributes, ...SVG_ATTRIBUTES },
  strip: [...(sanitizeSchema.strip ?? []).filter((tag) => tag !== 'svg'), ...SVG_STRIPPED],
};
