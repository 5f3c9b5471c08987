import { describe, expect, it } from 'vitest';
import { reportFrom } from '../helpers/report.ts';

/** The reason of the first `link-anchor-missing` message of a document. */
async function anchorMessage(markdown: string): Promise<string | undefined> {
  const report = await reportFrom(markdown);
  return report.file.messages.find((message) => message.ruleId === 'link-anchor-missing')?.reason;
}

describe('link-anchor-missing hints at the heading meant', () => {
  it('a Chinese heading linked by its text without its number (一、) gets the real anchor', async () => {
    const reason = await anchorMessage('---\ntitle: 报告\n---\n\n# 一、第一部分\n\n见[第三部分](#第三部分)。\n\n# 二、第三部分\n\n正文。\n');
    expect(reason).toContain('#二第三部分');
  });

  it('a heading linked by the first words of its text', async () => {
    const reason = await anchorMessage('---\ntitle: Report\nlang: en\n---\n\n# Financial summary\n\nSee [the money](#financial).\n');
    expect(reason).toContain('did you mean #financial-summary?');
  });

  it('a typo', async () => {
    const reason = await anchorMessage('---\ntitle: Report\nlang: en\n---\n\n# Acknowledgements\n\nSee [thanks](#acknowledgments).\n');
    expect(reason).toContain('did you mean #acknowledgements?');
  });

  it('no hint when nothing is close', async () => {
    const reason = await anchorMessage('---\ntitle: Report\nlang: en\n---\n\n# Acknowledgements\n\nSee [x](#budget-2025).\n');
    expect(reason).toBe('Link target #budget-2025 is no heading of this document');
  });
});
