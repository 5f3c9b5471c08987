import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'vitest';
import { readSource } from '../../pipeline/util/read-source.ts';
import { parseReport } from '../../pipeline/parse/parse.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { renderHtml } from '../../pipeline/render/html/render-html.ts';
import { expectGolden } from '../helpers/golden.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const cases = (await readdir(fixtures, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

/** The page's `<body>`, one element per line start, without the (template-owned) stylesheet. */
function bodyOf(html: string): string {
  const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
  return `${body.replace(/data:image\/[a-z+]+;base64,[A-Za-z0-9+/=]+/g, 'data:…').replace(/><(?=(h[1-6]|p|header|nav|main|footer|section|figure|div|table|ol|ul|li|blockquote|pre|hr)\b)/g, '>\n<')}\n`;
}

describe('HTML renderer golden fixtures', () => {
  for (const name of cases) {
    it(name, async () => {
      const report = await parseReport(await readSource(path.join(fixtures, name, 'input.md')));
      const template = await loadTemplate(report.meta.template);
      const html = await renderHtml(report, template, { date: new Date(0), variant: 'screen' });
      await expectGolden(path.join(fixtures, name, 'output.html'), bodyOf(html));
    });
  }
});
