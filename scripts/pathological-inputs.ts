/**
 * The pathological inputs of issue 13 (a 3.6 MB paragraph, a 50,000-row table, 10,000 footnotes,
 * 5,000 headings, a 100 MB image, 2,000 images), generated rather than stored: each is a
 * function that writes its source (and images) into a folder. Used by
 * `scripts/pathological.ts` (which builds them and prints the stage times) and by
 * `test/robustness/pathological.test.ts`. Every size is a parameter so a test can scale an input
 * down where the full size proves nothing more about the stage under test.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

/** One generated input: its source file (relative to the folder it was written in). */
export interface PathologicalInput {
  name: string;
  /** Writes the source, and any image it uses, into `folder`; returns the source's path. */
  write(folder: string): Promise<string>;
}

const ZH_FRONT = '---\ntitle: 压力测试\nlang: zh-CN\ntemplate: gov-report\n---\n\n';
const EN_FRONT = '---\ntitle: Stress test\nlang: en\ntemplate: default\n---\n\n';

const ZH_SENTENCES = [
  '聚焦群众关心关切，全面完成20项民生实事。',
  '健全防止返贫动态监测帮扶机制，持续巩固拓展脱贫攻坚成果。',
  '推动社会保险扩面提质，发放就业补助、失业保险稳岗扩岗补助等2.68亿元，城镇新增就业5.74万人。',
  '调整提高医疗保障待遇，预住院管理、“自助药房”服务等创新经验在全省推广。',
  '新改扩建公办中小学、幼儿园25所；高中教学教育质量明显提升！',
  '山海关中国长城博物馆进入展陈布展阶段，秦皇岛博物馆开馆运行？',
];

/** Text of about `bytes` UTF-8 bytes made of whole Chinese sentences with their punctuation. */
export function chineseText(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let index = 0; size < bytes; index += 1) {
    const sentence = ZH_SENTENCES[index % ZH_SENTENCES.length] as string;
    parts.push(sentence);
    size += Buffer.byteLength(sentence);
  }
  return parts.join('');
}

/**
 * A log-like dump of about `bytes` ASCII bytes: records with no space between them, a space only
 * every `spaceEvery` records (so stretches of several kilobytes have no break opportunity but the
 * record separators), no Markdown syntax.
 */
export function logText(bytes: number, spaceEvery = 40): string {
  const parts: string[] = [];
  let size = 0;
  for (let index = 0; size < bytes; index += 1) {
    const stamp = `2024-03-${String((index % 28) + 1).padStart(2, '0')}T${String(index % 24).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}:07.${String(index % 1000).padStart(3, '0')}Z`;
    const record = `${stamp}|INFO|svc=billing-${index % 7}|req=${(index * 2654435761 % 4294967296).toString(16).padStart(8, '0')}|latency=${index % 997}ms;`;
    parts.push(index % spaceEvery === spaceEvery - 1 ? `${record} ` : record);
    size += record.length;
  }
  return parts.join('');
}

/** A Markdown table of `rows` rows and four columns. */
export function tableMarkdown(rows: number): string {
  const lines = ['| 序号 | 项目 | 金额（万元） | 备注 |', '| ---: | --- | ---: | --- |'];
  for (let row = 1; row <= rows; row += 1) lines.push(`| ${row} | 项目${row % 97} | ${(row * 37) % 10000}.${row % 100} | 第${row}行 |`);
  return `${lines.join('\n')}\n`;
}

/** Paragraphs carrying `count` footnotes, with their definitions at the end. */
export function footnotesMarkdown(count: number): string {
  const body: string[] = [];
  const notes: string[] = [];
  for (let note = 1; note <= count; note += 1) {
    body.push(`第${note}项数据见注释。[^n${note}]${note % 5 === 0 ? '\n\n' : ''}`);
    notes.push(`[^n${note}]: 数据来源：统计公报第${note}号。`);
  }
  return `${body.join('')}\n\n${notes.join('\n')}\n`;
}

/** `count` headings over three levels, each followed by a short paragraph. */
export function headingsMarkdown(count: number): string {
  const parts: string[] = [];
  for (let heading = 1; heading <= count; heading += 1) {
    const level = heading % 10 === 1 ? 1 : heading % 3 === 0 ? 3 : 2;
    parts.push(`${'#'.repeat(level)} 标题${heading}\n\n第${heading}节正文。\n`);
  }
  return parts.join('\n');
}

/**
 * A valid RGB PNG of `width` × `height` pixels. `noise` fills it with pseudo-random bytes stored
 * uncompressed (so a file of a given size is quick to make); otherwise one colour from `seed`.
 */
export function png(width: number, height: number, seed = 0, noise = false): Buffer {
  const row = 1 + width * 3;
  const raw = Buffer.alloc(row * height);
  let state = (seed * 2654435761 + 1) >>> 0;
  for (let y = 0; y < height; y += 1) {
    const start = y * row;
    raw[start] = 0;
    for (let x = 0; x < width * 3; x += 1) {
      if (noise) {
        state = (state * 1103515245 + 12345) >>> 0;
        raw[start + 1 + x] = state >>> 24;
      } else raw[start + 1 + x] = (seed * (x % 3 === 0 ? 37 : x % 3 === 1 ? 91 : 53)) & 0xff;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: noise ? 0 : 6 })), chunk('IEND', Buffer.alloc(0))]);
}

async function source(folder: string, name: string, text: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `${name}.md`);
  await writeFile(file, text);
  return file;
}

/** Full-size inputs by name; `scale` (default 1) shrinks the counts and sizes, for tests. */
export function pathologicalInputs(scale = 1): PathologicalInput[] {
  const n = (full: number) => Math.max(1, Math.round(full * scale));
  return [
    { name: 'paragraph-zh', write: (folder) => source(folder, 'paragraph-zh', `${ZH_FRONT}${chineseText(n(3_600_000))}\n`) },
    { name: 'paragraph-log', write: (folder) => source(folder, 'paragraph-log', `${EN_FRONT}${logText(n(3_600_000))}\n`) },
    { name: 'table', write: (folder) => source(folder, 'table', `${ZH_FRONT}${tableMarkdown(n(50_000))}`) },
    { name: 'footnotes', write: (folder) => source(folder, 'footnotes', `${ZH_FRONT}${footnotesMarkdown(n(10_000))}`) },
    { name: 'headings', write: (folder) => source(folder, 'headings', `${ZH_FRONT.replace('---\n\n', 'toc: true\n---\n\n')}${headingsMarkdown(n(5_000))}`) },
    {
      name: 'image-100mb',
      write: async (folder) => {
        await mkdir(folder, { recursive: true });
        // 5,800 × 5,800 × 3 bytes of noise, stored: about 100 MB.
        const side = Math.round(5800 * Math.sqrt(scale));
        await writeFile(path.join(folder, 'huge.png'), png(side, side, 1, true));
        return source(folder, 'image-100mb', `${ZH_FRONT}一张很大的图片。\n\n![很大的图片](huge.png)\n`);
      },
    },
    {
      name: 'images-distinct',
      write: async (folder) => {
        await mkdir(path.join(folder, 'distinct'), { recursive: true });
        const lines: string[] = [];
        for (let image = 1; image <= n(2_000); image += 1) {
          await writeFile(path.join(folder, 'distinct', `i${image}.png`), png(16, 12, image));
          lines.push(`![图${image}](distinct/i${image}.png)\n`);
        }
        return source(folder, 'images-distinct', `${ZH_FRONT}${lines.join('\n')}`);
      },
    },
    {
      name: 'images-same',
      write: async (folder) => {
        await mkdir(folder, { recursive: true });
        await writeFile(path.join(folder, 'same.png'), png(16, 12, 7));
        const lines: string[] = [];
        for (let image = 1; image <= n(2_000); image += 1) lines.push(`![图${image}](same.png)\n`);
        return source(folder, 'images-same', `${ZH_FRONT}${lines.join('\n')}`);
      },
    },
  ];
}
