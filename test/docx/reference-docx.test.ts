/**
 * `--reference-docx` (issue 4, point 8): a department's .docx or .dotx supplies the styles, by
 * style id or name, as pandoc's reference-doc does; styles it lacks keep the template's.
 */
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build.ts';
import { mergeReferenceStyles, styleElements, usedStyleIds } from '../../pipeline/render/docx/reference-styles.ts';
import { docxParts } from '../helpers/read-back.ts';
import { temporaryFolder } from '../helpers/report.ts';
import { CHINESE_SAMPLE, render, reportWithImages } from './fixture.ts';
import { readDocx } from './read-docx.ts';

const ENGLISH = '---\ntitle: A report\nauthor: Someone\ndate: 2024-05\nlang: en\ntemplate: default\n---\n\n# One\n\nText with **bold** and a [link](https://example.org).\n\n> A quote.\n';

/** A copy of a .docx without the given styles in its styles.xml. */
function withoutStyles(docx: Uint8Array, ids: readonly string[]): Uint8Array {
  const files = unzipSync(docx);
  let styles = strFromU8(files['word/styles.xml'] ?? new Uint8Array());
  for (const id of ids) styles = styles.replace(styleElements(styles).get(id) ?? '', '');
  files['word/styles.xml'] = strToU8(styles);
  return zipSync(files);
}

describe('a gov-report build with a default-template reference document', async () => {
  const folder = await temporaryFolder('press-reference-');
  const referenceBytes = await render(await reportWithImages(ENGLISH));
  const referencePath = path.join(folder, 'reference.docx');
  await writeFile(referencePath, referenceBytes);
  const partialPath = path.join(folder, 'partial.dotx');
  const partialBytes = withoutStyles(referenceBytes, ['Speaker', 'FooterEven']);
  await writeFile(partialPath, partialBytes);
  // The sample with its images, in a folder of its own.
  const sample = await reportWithImages(CHINESE_SAMPLE);
  const ownStyles = readDocx(await render(sample)).xml('word/styles.xml');
  const input = sample.file.path;

  const buildWith = async (reference: string, out: string) => {
    const result = await build({ input, outDir: path.join(folder, out), formats: ['docx'], referenceDocx: reference });
    const parts = result.ok ? await docxParts(path.join(folder, out, 'input.docx')) : {};
    return { result, parts, styles: parts['word/styles.xml'] ?? '' };
  };
  const full = await buildWith(referencePath, 'full');
  const partial = await buildWith(partialPath, 'partial');

  it("writes the reference's styles.xml as it is when it has every style used", () => {
    expect(full.result.ok).toBe(true);
    expect(full.result.report.file.messages.filter((message) => message.ruleId?.startsWith('docx-reference'))).toEqual([]);
    expect(full.styles).toBe(readDocx(referenceBytes).xml('word/styles.xml'));
    // The default template's Normal, not gov-report's FangSong one.
    expect(styleElements(full.styles).get('Normal')).not.toContain('仿宋');
    expect(styleElements(ownStyles).get('Normal')).toContain('仿宋');
  });

  it("merges the template's definitions of the styles a reference lacks, and names them in a warning", () => {
    expect(partial.result.ok).toBe(true);
    const warnings = partial.result.report.file.messages.filter((message) => message.ruleId?.startsWith('docx-reference'));
    // The sample is Chinese, so the message is too.
    expect(warnings.map((message) => [message.ruleId, message.fatal, message.reason])).toEqual([['docx-reference-styles', false, `参考文档 ${partialPath} 缺少样式 Speaker、FooterEven，改用模板中的定义`]]);
    const own = styleElements(ownStyles);
    const referenceStyles = readDocx(partialBytes).xml('word/styles.xml');
    expect(partial.styles).toBe(referenceStyles.replace('</w:styles>', `${own.get('Speaker') ?? '?'}${own.get('FooterEven') ?? '?'}</w:styles>`));
  });

  it('defines every style the document uses', () => {
    for (const { parts, styles } of [full, partial]) {
      const used = usedStyleIds(Object.entries(parts).filter(([name]) => name.startsWith('word/') && name !== 'word/styles.xml').map(([, xml]) => xml));
      const defined = styleElements(styles);
      expect([...used].filter((id) => !defined.has(id))).toEqual([]);
    }
  });

  it('fails with an error for a file that is not a Word document', async () => {
    const notDocx = path.join(folder, 'not.docx');
    await writeFile(notDocx, 'plain text');
    const failed = await build({ input, outDir: path.join(folder, 'failed'), formats: ['docx'], referenceDocx: notDocx });
    expect(failed.ok).toBe(false);
    expect(failed.report.file.messages.filter((message) => message.ruleId === 'docx-reference' && message.fatal === true).length).toBe(1);
  });
});

describe('mergeReferenceStyles', () => {
  it('matches styles by name when a localised Word wrote other ids, and follows their references', () => {
    const ours = '<w:styles><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/></w:style></w:styles>';
    const theirs = '<w:styles><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:next w:val="a"/></w:style></w:styles>';
    const merged = mergeReferenceStyles(ours, theirs, new Set(['Normal', 'Heading1', 'Quote']));
    expect(merged.renamed).toEqual(['a → Normal', '1 → Heading1']);
    expect(merged.added).toEqual(['Quote']);
    expect(merged.xml).toBe(
      '<w:styles><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/></w:style></w:styles>',
    );
  });
});
