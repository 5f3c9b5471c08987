import temml from 'temml';
import { describe, expect, it } from 'vitest';
import { mathmlToOmml } from '../../pipeline/render/docx/mathml-omml.ts';

/** The OMML of a TeX formula, as the Word renderer makes it. */
function omml(tex: string): string {
  return mathmlToOmml(temml.renderToString(tex, { displayMode: true }));
}

describe('large operators in Word equations', () => {
  it('take the term after them as their operand, never an empty one Word shows as a box', () => {
    for (const tex of [String.raw`\sum_{i=1}^n x_i + 1`, String.raw`\int_0^1 x^2\,dx`, String.raw`\prod_{k=1}^{m} (1 + r_k)`, String.raw`\bar{x} = \frac{1}{n}\sum_{i=1}^{n} x_i`]) {
      const written = omml(tex);
      expect(written, tex).toContain('<m:nary>');
      expect(written, tex).not.toContain('<m:e/></m:nary>');
    }
    expect(omml(String.raw`\sum_{i=1}^n x_i + 1`)).toMatch(/<m:nary>.*<m:e><m:sSub>.*<\/m:sSub><\/m:e><\/m:nary><m:r><m:t[^>]*>\+1<\/m:t><\/m:r>/s);
  });
});
