import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder, writeFiles } from '../helpers/report.ts';
import { check, messagesOf, pressCommand } from './support.ts';

/** A Chinese report with a skipped heading level (line 7) and a half-width comma (line 9, column 3). */
const body = '# 一、总体\n\n### 跳级\n\n一年,我们\n';

function withRules(rules: string): string {
  return `---\ntitle: 报告\nrules:\n${rules}---\n\n${body}`;
}

describe('rule severity from the front matter', () => {
  it('off removes a rule’s messages, and for cjk-punctuation its fixes and its changes too', async () => {
    const result = await check(withRules('  heading-skip: off\n  cjk-punctuation: off\n'));
    expect(result.report.file.messages.map((message) => message.ruleId)).toEqual([]);
    expect(result.report.file.data.fixes ?? []).toEqual([]);
    expect(JSON.stringify(result.report.tree)).toContain('一年,我们');
    expect(result.ok).toBe(true);
  });

  it('error makes a warning rule fail the check; note and info make it a note', async () => {
    const failed = await check(withRules('  heading-skip: error\n'));
    expect(messagesOf(failed, 'heading-skip')).toEqual(['9:1 error 3级标题紧跟在1级标题之后，跳过了一级（按大纲第2级输出）']);
    expect(failed.ok).toBe(false);
    const noted = await check(withRules('  heading-skip: note\n  cjk-punctuation: INFO\n'));
    expect(messagesOf(noted, 'heading-skip')).toEqual(['10:1 note 3级标题紧跟在1级标题之后，跳过了一级（按大纲第2级输出）']);
    expect(messagesOf(noted, 'cjk-punctuation')).toEqual(['12:3 note 中文之间的半角逗号“,”应为全角“，”']);
    expect(noted.ok).toBe(true);
  });

  it('reports an unknown rule id with a did-you-mean, and a bad value, at their line and column', async () => {
    const result = await check(withRules('  heading-skp: error\n  cjk-punctuation: loud\n  title-missing: [off]\n'));
    expect(messagesOf(result, 'rule-unknown')).toEqual(['4:3 error 未知的规则“heading-skp”（是否想写“heading-skip”？）']);
    expect(messagesOf(result, 'rule-severity-invalid')).toEqual([
      '5:20 error 规则“cjk-punctuation”的级别“loud”无效，应为 error、warning、note（或 info）或 off',
      '6:18 error 规则“title-missing”的级别“["off"]”无效，应为 error、warning、note（或 info）或 off',
    ]);
    expect(result.ok).toBe(false);
  });

  it('refuses to set a locked rule below error, saying why', async () => {
    const result = await check(`---\ntitle: Report\nlang: en\nrules:\n  missing-glyph: warning\n  image-missing: off\n  source-encoding: error\n---\n\nText.\n`);
    expect(messagesOf(result, 'rule-locked')).toEqual([
      '5:18 error Rule `missing-glyph` cannot be set to `warning`: it reports a problem that would make the output wrong, so it is always an error',
      '6:18 error Rule `image-missing` cannot be set to `off`: it reports a problem that would make the output wrong, so it is always an error',
    ]);
    // And the locked rule stays an error.
    const image = await check(`---\ntitle: Report\nlang: en\nrules:\n  image-missing: off\n---\n\n![Chart](chart.png)\n`);
    expect(messagesOf(image, 'image-missing')).toEqual(['8:1 error Image file chart.png does not exist']);
  });

  it('reports rules that is no mapping as an ill-typed key', async () => {
    const result = await check('---\ntitle: Report\nlang: en\nrules: off\n---\n\nText.\n');
    expect(messagesOf(result, 'front-matter-type')).toEqual(['4:8 error Front-matter key `rules` must be a mapping of rule ids to severities (error, warning, note or off) (got "off")']);
  });
});

describe('rule severity from press.config.yaml', () => {
  it('applies the file’s settings, the front matter overriding them rule by rule', async () => {
    const config = 'rules:\n  heading-skip: error\n  cjk-punctuation: off\n';
    const fromFile = await check(`---\ntitle: 报告\n---\n\n${body}`, { 'press.config.yaml': config });
    expect(messagesOf(fromFile, 'heading-skip').map((line) => line.slice(0, 9))).toEqual(['7:1 error']);
    expect(messagesOf(fromFile, 'cjk-punctuation')).toEqual([]);
    expect(fromFile.ok).toBe(false);
    const overridden = await check(withRules('  heading-skip: warning\n'), { 'press.config.yml': config });
    expect(messagesOf(overridden, 'heading-skip').map((line) => line.slice(0, 11))).toEqual(['9:1 warning']);
    expect(messagesOf(overridden, 'cjk-punctuation')).toEqual([]);
    expect(overridden.ok).toBe(true);
  });

  it('reports problems of the file at their place in it', async () => {
    const result = await check(`---\ntitle: 报告\n---\n\n${body}`, { 'press.config.yaml': '# settings\nrule:\n  x: y\nrules:\n  heading-skipp: off\n  missing-glyph: off\n' });
    const problems = result.report.file.messages.filter((message) => message.fatal === true).map((message) => `${path.basename(message.file ?? "")}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`);
    expect(problems).toEqual([
      'press.config.yaml:2:1 config-invalid 配置文件中有未知的键“rule”（是否想写“rules”？）',
      'press.config.yaml:5:3 rule-unknown 未知的规则“heading-skipp”（是否想写“heading-skip”？）',
      'press.config.yaml:6:18 rule-locked 规则“missing-glyph”不能设为“off”：它报告的问题会使输出出错，只能是 error',
    ]);
  });

  it('refuses two configuration files, and invalid YAML', async () => {
    const two = await check('Text.\n', { 'press.config.yaml': 'rules: {}\n', 'press.config.yml': 'rules: {}\n' });
    expect(messagesOf(two, 'config-invalid')).toEqual(['1:1 error Two configuration files (press.config.yaml, press.config.yml): keep one']);
    const invalid = await check('Text.\n', { 'press.config.yaml': 'rules:\n  heading-skip: [off\n' });
    expect(messagesOf(invalid, 'config-invalid').map((line) => line.replace(/: .*/, ''))).toEqual(['3:1 error Invalid YAML in the configuration file']);
  });
});

describe('rule settings through the command line', { timeout: 300_000 }, () => {
  it('exits 1 for a rule set to error, naming the configuration file in messages about it', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'report.md': `---\ntitle: 报告\n---\n\n${body}`, 'press.config.yaml': 'rules:\n  heading-skip: error\n  cjk-punctuation: off\n' });
    const failed = await pressCommand(['check', 'report.md'], dir);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('report.md:7:1: error: 3级标题紧跟在1级标题之后，跳过了一级（按大纲第2级输出） [heading-skip]\n');
    expect(failed.stderr).not.toContain('[cjk-punctuation]');

    await writeFiles(dir, { 'press.config.yaml': 'rules:\n  heading-skip: off\n  cjk-punctuaton: off\n' });
    const typo = await pressCommand(['check', 'report.md'], dir);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('press.config.yaml:3:3: error: 未知的规则“cjk-punctuaton”（是否想写“cjk-punctuation”？） [rule-unknown]\n');

    await writeFiles(dir, { 'press.config.yaml': 'rules:\n  heading-skip: off\n  cjk-punctuation: off\n' });
    const clean = await pressCommand(['check', 'report.md'], dir);
    expect(clean).toMatchObject({ code: 0, stderr: '' });
    expect(await readFile(path.join(dir, 'report.md'), 'utf8')).toContain('一年,我们');
  });
});
