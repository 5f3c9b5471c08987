import spec, { type SpecExample } from 'commonmark-spec';

/**
 * Every example of the CommonMark spec (0.31.2), with the spec's visible tab `→` turned back
 * into a tab in the Markdown and in the HTML, as the spec's own test runner does.
 */
export function specExamples(): SpecExample[] {
  return spec.tests.map((example) => ({ ...example, markdown: example.markdown.replace(/→/g, '\t'), html: example.html.replace(/→/g, '\t') }));
}
