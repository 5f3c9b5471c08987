/**
 * Bad input to `press import`, through the real command line: each gives one clear line (an error
 * and exit status 1 with nothing written, or a warning), never a stack trace, never a file
 * outside `--out`, never a fetch.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/documents.ts';
import { TINY_PNG, temporaryFolder } from '../helpers/report.ts';
import { makeDocx, p } from './make-docx.ts';

const exec = promisify(execFile);
const press = path.join(ROOT, 'bin/press.js');

async function pressImport(args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await exec(process.execPath, [press, 'import', ...args], { env: { ...process.env, FORCE_COLOR: '0' } });
    return { code: 0, stderr };
  } catch (failure) {
    const { code, stderr } = failure as { code: number; stderr: string };
    return { code, stderr };
  }
}

/** Every file below a folder, relative to it. */
async function filesBelow(folder: string): Promise<string[]> {
  return (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name))).sort();
}

/** An OLE2 compound file header followed by directory entry names (UTF-16LE), as .doc and encrypted .docx files are. */
function ole2(...streams: string[]): Uint8Array {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  return Buffer.concat([header, ...streams.map((name) => Buffer.from(`${name}\0`, 'utf16le'))]);
}

/** Set the uncompressed size the central directory declares for every entry. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const bytes = Buffer.from(zip);
  for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) bytes.writeUInt32LE(size, at + 24);
  return bytes;
}

const good = makeDocx({ body: p('正文段落。') });

describe('press import of bad input', { timeout: 300_000 }, () => {
  const errors: [string, Uint8Array, RegExp][] = [
    ['a text file', strToU8('this is not a Word file'), /not-a-docx\.docx: error: Not a Word \.docx file \(it is no zip package\) \[import-not-docx\]/],
    ['a Word 97-2003 .doc', ole2('Root Entry', 'WordDocument', '1Table'), /error: A Word 97-2003 \.doc file: open it in Word or WPS and save it as \.docx \[import-legacy-doc\]/],
    ['a password-protected .docx', ole2('Root Entry', 'EncryptionInfo', 'EncryptedPackage'), /error: The \.docx is encrypted \(password-protected\).* \[import-encrypted\]/],
    ['a damaged zip', good.slice(0, Math.floor(good.length / 2)), /error: The \.docx package is damaged and cannot be unzipped \[import-not-docx\]/],
    ['a zip declaring 3 GB', declareSize(good, 3_000_000_000), /error: .*refused \[import-too-large\]/],
    ['a zip bomb (a part 1000 times its compressed size)', zipSync({ 'word/document.xml': new Uint8Array(64 * 1024 * 1024) }, { level: 9 }), /error: A part of the package would inflate \d+ times its size.*zip bomb \[import-too-large\]/],
    [
      'XML with a DOCTYPE and an external entity',
      zipSync({ 'word/document.xml': strToU8('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>') }),
      /error: word\/document\.xml declares a DOCTYPE or entities.* \[import-xml-entities\]/,
    ],
  ];
  for (const [name, bytes, message] of errors) {
    it(`${name}: one error line, exit status 1, nothing written`, async () => {
      const folder = await temporaryFolder('press-import-bad-');
      const input = path.join(folder, 'in', 'not-a-docx.docx');
      await mkdir(path.dirname(input));
      await writeFile(input, bytes);
      const result = await pressImport([input, '--out', path.join(folder, 'out')]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(await filesBelow(folder)).toEqual(['in/not-a-docx.docx']);
    });
  }

  it('external images and templates are warnings, never fetched; hostile media names stay inside --out', async () => {
    const folder = await temporaryFolder('press-import-hostile-');
    const picture = (id: string, name: string, attribute = 'r:embed') =>
      `<w:r><w:drawing><wp:inline><wp:docPr id="1" name="${name}" descr="图片说明"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip ${attribute}="${id}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
    const bytes = makeDocx({
      body: [p('正文段落。'), p(picture('rIdRemote', 'remote.png')), p(picture('rIdLinked', 'linked.png', 'r:link')), p(picture('rIdEvil', '../../../evil.png')), p(picture('rIdOut', 'out.png'))].join(''),
      relationships: [
        '<Relationship Id="rIdRemote" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://127.0.0.1:9/remote.png" TargetMode="External"/>',
        '<Relationship Id="rIdLinked" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="file:///etc/passwd" TargetMode="External"/>',
        '<Relationship Id="rIdEvil" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/../../../../evil.png"/>',
        '<Relationship Id="rIdOut" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>',
        '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>',
      ].join(''),
      parts: {
        'word/media/image1.png': TINY_PNG,
        '../../evil.png': TINY_PNG,
        'word/settings.xml': '<?xml version="1.0"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:attachedTemplate r:id="rIdTemplate"/></w:settings>',
        'word/_rels/settings.xml.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdTemplate" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="http://127.0.0.1:9/normal.dotm" TargetMode="External"/></Relationships>',
      },
    });
    const input = path.join(folder, 'in', 'hostile.docx');
    await mkdir(path.dirname(input));
    await writeFile(input, bytes);
    const result = await pressImport([input, '--out', path.join(folder, 'in', 'out')]);
    expect(result.code).toBe(0);
    const lines = result.stderr.trim().split('\n');
    // A Chinese document: its warnings are in Chinese.
    expect(lines).toEqual([
      expect.stringMatching(/hostile\.docx: warning: 链接的模板 http:\/\/127\.0\.0\.1:9\/normal\.dotm：不会获取 \[import-external\]$/),
      expect.stringMatching(/hostile\.docx: paragraph 2: warning: 链接的外部图片 http:\/\/127\.0\.0\.1:9\/remote\.png：不会获取，保留其替代文字 \[import-external\]$/),
      expect.stringMatching(/hostile\.docx: paragraph 3: warning: 链接的外部图片 file:\/\/\/etc\/passwd：不会获取，保留其替代文字 \[import-external\]$/),
      expect.stringMatching(/hostile\.docx: paragraph 4: warning: 图片文件 media\/\.\.\/\.\.\/\.\.\/\.\.\/evil\.png 不在包中：保留其替代文字 \[import-image-missing\]$/),
    ]);
    expect(await filesBelow(folder)).toEqual(['in/hostile.docx', 'in/out/hostile-media/out.png', 'in/out/hostile.md']);
    const markdown = await readFile(path.join(folder, 'in', 'out', 'hostile.md'), 'utf8');
    expect(markdown).toContain('![图片说明](hostile-media/out.png)');
  });

  it('usage errors exit 2', async () => {
    for (const args of [[], ['x.docx', '--track-changes', 'maybe'], ['x.docx', '--format', 'pdf'], ['missing.docx']]) {
      const result = await pressImport(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
