import { execFile } from 'node:child_process';
import { copyFile, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/documents.ts';
import { docxReading, htmlReading } from '../helpers/output-text.ts';
import { pdfBodyText } from '../helpers/read-back.ts';
import { findCitations } from '../../pipeline/cite/citation-syntax.ts';
import { temporaryFolder } from '../helpers/report.ts';

const run = promisify(execFile);
const press = path.join(ROOT, 'bin/press.js');

async function pressCommand(args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run(process.execPath, [press, ...args], { env: { ...process.env, FORCE_COLOR: '0' }, maxBuffer: 16 << 20 });
    return { code: 0, stderr };
  } catch (failure) {
    const { code, stderr } = failure as { code: number; stderr: string };
    return { code, stderr };
  }
}

/** Text with all white space removed: line breaking differs between two builds of the same text, the characters do not. */
const squashed = (text: string) => text.replace(/\s+/g, '');

interface Outputs {
  html: string;
  docx: string;
  pdf: string;
}

async function outputsOf(folder: string, name: string): Promise<Outputs> {
  const docx = docxReading(new Uint8Array(await readFile(path.join(folder, `${name}.docx`))));
  return {
    html: squashed(htmlReading(await readFile(path.join(folder, `${name}.html`), 'utf8')).text),
    docx: squashed(docx.body + docx.footnotes),
    pdf: squashed(await pdfBodyText(path.join(folder, `${name}.pdf`))),
  };
}

const FRONT_MATTER_KEYS = ['title', 'subtitle', 'speaker', 'author', 'date', 'lang', 'toc', 'subject', 'keywords', 'bibliography', 'csl'] as const;

function frontMatterOf(markdown: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  const data = (parse(match?.[1] ?? '') ?? {}) as Record<string, unknown>;
  return Object.fromEntries(FRONT_MATTER_KEYS.filter((key) => data[key] !== undefined && data[key] !== false).map((key) => [key, String(data[key])]));
}

// Each source: build it, import its Word file, build the import; the three outputs must have the same text.
describe('press import of our own Word files', { timeout: 600_000 }, () => {
  for (const source of ['source/examples/showcase.md', 'source/report.md']) {
    it(`${source} comes back with the same text in HTML, Word and PDF, the same front matter and images`, async () => {
      const name = path.basename(source, '.md');
      const first = await temporaryFolder('press-import-a-');
      const second = await temporaryFolder('press-import-b-');
      const third = await temporaryFolder('press-import-c-');
      expect((await pressCommand(['build', path.join(ROOT, source), '--out', first, '--quiet'])).code).toBe(0);
      await copyFile(path.join(first, `${name}.docx`), path.join(second, `${name}.docx`));
      const imported = await pressCommand(['import', path.join(second, `${name}.docx`)]);
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      const markdown = await readFile(path.join(second, `${name}.md`), 'utf8');
      const sourceText = await readFile(path.join(ROOT, source), 'utf8');

      // Citations come back as written, the bibliography the build made is left out; its files stay beside the source.
      const citations = findCitations(sourceText).map((citation) => sourceText.slice(citation.start, citation.end));
      for (const citation of citations) expect(markdown).toContain(citation);
      expect(markdown).not.toMatch(/bib_|\\\[1\]/);
      const bibliography = frontMatterOf(sourceText).bibliography;
      for (const file of bibliography === undefined ? [] : String(bibliography).split(',')) await copyFile(path.join(ROOT, path.dirname(source), file), path.join(second, file));
      const rebuilt = await pressCommand(['build', path.join(second, `${name}.md`), '--out', third]);
      expect(rebuilt.code, rebuilt.stderr).toBe(0);
      // No link to a missing bibliography anchor (the citations' old #bib_… links), no citation or bibliography problem.
      expect(rebuilt.stderr).not.toMatch(/#bib_|#ref-|\[(?:citation|bibliography|csl)-[a-z-]+\]/);
      if (citations.length > 0) {
        // The rebuild formats them again: links to the entries of a generated bibliography.
        const html = await readFile(path.join(third, `${name}.html`), 'utf8');
        expect(html).toContain('csl-bib-body');
        expect(html.match(/class="citation"/g)?.length).toBe(citations.length);
      }

      const original = await outputsOf(first, name);
      const again = await outputsOf(third, name);
      expect(again.html).toBe(original.html);
      expect(again.docx).toBe(original.docx);
      expect(again.pdf).toBe(original.pdf);
      expect(frontMatterOf(markdown)).toEqual(frontMatterOf(sourceText));

      // Images come back byte for byte, under the source's own file names.
      const sourceImages = [...(await readFile(path.join(ROOT, source), 'utf8')).matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((match) => match[1] ?? '');
      const media = await readdir(path.join(second, `${name}-media`)).catch(() => [] as string[]);
      expect(media.sort()).toEqual(sourceImages.map((image) => path.basename(image)).sort());
      for (const image of sourceImages) {
        expect(Buffer.compare(await readFile(path.join(second, `${name}-media`, path.basename(image))), await readFile(path.join(ROOT, path.dirname(source), image)))).toBe(0);
      }
    });
  }
});
