import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../pipeline/util/messages.ts';
import { RULES, RULE_IDS } from '../../pipeline/util/catalogue/catalogue.ts';
import { ROOT } from '../helpers/documents.ts';
import { check, messagesOf } from './support.ts';

const reasons = (result: Awaited<ReturnType<typeof check>>, prefix = '') =>
  result.report.file.messages.filter((message) => message.ruleId?.startsWith(prefix)).map((message) => `${message.ruleId} ${message.reason}`);

describe('messages in the report’s language', () => {
  it('gives the same problem in Chinese for a Chinese report and in English for an English one', async () => {
    const problem = '\n\n见注[^missing]。See note[^missing].\n';
    expect(reasons(await check(`---\ntitle: 报告\n---\n\n一年来，我们做了很多工作。${problem}`))).toEqual(['footnote-undefined 脚注 [^missing] 被引用，但没有定义', 'footnote-undefined 脚注 [^missing] 被引用，但没有定义']);
    expect(reasons(await check(`---\ntitle: Report\n---\n\nA year of work for all of us.${problem}`))).toEqual(['footnote-undefined Footnote [^missing] is referenced but never defined', 'footnote-undefined Footnote [^missing] is referenced but never defined']);
  });

  it('follows the front matter’s lang over the text, for the front matter’s own errors too', async () => {
    const english = await check('---\ntitel: 报告\nlang: en\n---\n\n一年来，我们做了很多工作。\n');
    expect(reasons(english, 'front-matter')).toEqual(['front-matter-unknown-key Unknown front-matter key `titel` (did you mean `title`?)']);
    const chinese = await check('---\ntitle: Annual report\nlang: zh-Hant-TW\ntoc: maybe\n---\n\nA year of work for all of us.\n');
    expect(reasons(chinese)).toEqual(['front-matter-type 前置元数据的键“toc”应为 true 或 false（实际为 "maybe"）']);
  });

  it('guesses the language from the text when the front matter cannot be read', async () => {
    const chinese = await check('---\ntitle: [报告\n---\n\n一年来，我们做了很多工作。\n');
    expect(reasons(chinese, 'front-matter')).toEqual(['front-matter-yaml 前置元数据（front matter）的 YAML 有误：Flow sequence in block collection must be sufficiently indented and end with a ]']);
    const english = await check('---\ntitle: [Report\n---\n\nA year of work.\n');
    expect(reasons(english, 'front-matter')).toEqual(['front-matter-yaml Invalid YAML in front matter: Flow sequence in block collection must be sufficiently indented and end with a ]']);
  });

  it('reports invalid UTF-8 in the language of the rest of the text', async () => {
    const bytes = Buffer.concat([Buffer.from('一年来，我们做了很多工作。\n第二行'), Buffer.from([0xff]), Buffer.from('。\n')]);
    const result = await check(bytes);
    expect(messagesOf(result, 'source-encoding')).toEqual(['2:4 error 文件不是有效的 UTF-8 编码，请另存为 UTF-8']);
  });

  it('keeps the message format: English severity words and the rule id around a Chinese text', async () => {
    const result = await check('---\ntitle: 报告\n---\n\n# 一、总体\n\n### 跳级\n');
    const [message] = result.report.file.messages;
    expect(message && formatMessage(result.report.file, message).replace(/^.*input\.md/, 'input.md')).toBe('input.md:7:1: warning: 3级标题紧跟在1级标题之后，跳过了一级（按大纲第2级输出） [heading-skip]');
  });
});

describe('the message catalogue', () => {
  it('has an English and a Chinese text for every rule, and nothing else gives messages', async () => {
    for (const id of RULE_IDS) {
      expect(typeof RULES[id].text.en, id).toBe('function');
      expect(typeof RULES[id].text.zh, id).toBe('function');
      expect(RULES[id].locked ? RULES[id].severity : 'error', id).toBe('error');
    }
    // Every message goes through `flag` (util/messages.ts), which takes its text from the catalogue.
    const sources = (await readdir(path.join(ROOT, 'pipeline'), { recursive: true })).filter((name) => name.endsWith('.ts'));
    const offenders: string[] = [];
    for (const name of sources) {
      if (name === path.join('util', 'messages.ts')) continue;
      const text = await readFile(path.join(ROOT, 'pipeline', name), 'utf8');
      if (/\.(message|info|fail)\(/.test(text)) offenders.push(name);
    }
    expect(offenders).toEqual([]);
  });
});
