/**
 * Every example of the CommonMark spec (0.31.2) renders to the HTML page without an exception, and its
 * content matches the reference rendering exactly once the documented differences
 * (`normalise.ts`) are applied, but for the examples listed, with reasons, in
 * `known-differences.ts`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { reportFrom, temporaryFolder } from '../helpers/report.ts';
import { specExamples } from './examples.ts';
import { KNOWN_DIFFERENCES } from './known-differences.ts';
import { compareWithReference, DOCUMENTED_DIFFERENCES, type Comparison } from './normalise.ts';
import type { Report } from '../../pipeline/types.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { renderHtml } from '../../pipeline/render/html/render-html.ts';

const examples = specExamples();

interface Outcome {
  number: number;
  markdown: string;
  report?: Report;
  comparison?: Comparison;
  failure?: string;
}

let outcomes: Outcome[] = [];

beforeAll(async () => {
  const folder = await temporaryFolder('press-commonmark-');
  outcomes = [];
  for (const example of examples) {
    try {
      const report = await reportFrom(example.markdown, folder);
      // The whole page too: the comparison reads the content before the shell.
      await renderHtml(report, await loadTemplate(report.meta.template), { date: new Date(0), variant: 'screen' });
      outcomes.push({ number: example.number, markdown: example.markdown, report, comparison: compareWithReference(report, example.html) });
    } catch (failure) {
      outcomes.push({ number: example.number, markdown: example.markdown, failure: failure instanceof Error ? (failure.stack ?? failure.message) : String(failure) });
    }
  }
}, 600_000);

describe(`CommonMark spec, ${examples.length} examples, HTML`, () => {
  it('has every example of the spec', () => {
    expect(examples.length).toBe(652);
    expect(new Set(examples.map((example) => example.number)).size).toBe(examples.length);
  });

  it('renders every example without an exception', () => {
    expect(outcomes.filter((outcome) => outcome.failure !== undefined).map((outcome) => `#${outcome.number}: ${outcome.failure ?? ''}`)).toEqual([]);
  });

  it('matches the reference after the documented differences, except the known ones', () => {
    const unexpected = outcomes
      .filter((outcome) => outcome.comparison && outcome.comparison.ours !== outcome.comparison.reference && !KNOWN_DIFFERENCES.has(outcome.number))
      .map((outcome) => `#${outcome.number} ${JSON.stringify(outcome.markdown)}\n  ours:      ${outcome.comparison?.ours ?? ''}\n  reference: ${outcome.comparison?.reference ?? ''}`);
    expect(unexpected).toEqual([]);
    const matched = outcomes.filter((outcome) => outcome.comparison && outcome.comparison.ours === outcome.comparison.reference).length;
    expect(matched).toBe(examples.length - KNOWN_DIFFERENCES.size);
    console.info(`CommonMark HTML: ${matched} of ${examples.length} examples match the reference exactly after the documented differences`);
  });

  it('lists as known only examples that exist and still differ, each with a reason', () => {
    for (const [number, reason] of KNOWN_DIFFERENCES) {
      const outcome = outcomes.find((candidate) => candidate.number === number);
      expect(outcome?.comparison, `#${number}`).toBeDefined();
      expect(outcome?.comparison?.ours, `#${number} matches now: remove it from KNOWN_DIFFERENCES`).not.toBe(outcome?.comparison?.reference);
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  it('needs every documented difference: without it some example would differ', () => {
    const unneeded: string[] = [];
    for (const rule of DOCUMENTED_DIFFERENCES) {
      const users = outcomes.filter((outcome) => outcome.comparison?.applied.includes(rule.id) && outcome.comparison.ours === outcome.comparison.reference);
      const without = DOCUMENTED_DIFFERENCES.filter((other) => other !== rule);
      const example = examples.find((candidate) => users.some((user) => user.number === candidate.number && user.report && compareDiffers(user.report, candidate.html, without)));
      if (!example) unneeded.push(rule.id);
    }
    expect(unneeded).toEqual([]);
  });
});

function compareDiffers(report: Report, html: string, rules: typeof DOCUMENTED_DIFFERENCES): boolean {
  const comparison = compareWithReference(report, html, rules);
  return comparison.ours !== comparison.reference;
}
