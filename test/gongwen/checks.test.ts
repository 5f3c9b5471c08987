import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../pipeline/fix/apply-fixes.ts';
import { arabicDate } from '../../pipeline/util/catalogue/gongwen-rules.ts';
import type { Report } from '../../pipeline/types.ts';
import { messageSummary, reportFrom, temporaryFolder, writeFiles } from '../helpers/report.ts';
import { pressCommand } from '../lint/support.ts';


/** Lines 1–3 of every source below; its own front-matter lines start on line 4. */
const HEAD = '---\nlang: zh-CN\ntemplate: gongwen\n';

/** A 公文 source: `HEAD`, the front-matter `lines`, then `body`. */
function gongwen(lines: string[], body = '正文。\n', head = HEAD): string {
  return `${head}${lines.map((line) => `${line}\n`).join('')}---\n\n${body}`;
}

/** The messages of the 公文 rules (and of `front-matter-type`), as `line:column rule severity`. */
function gongwenSummary(report: Report): string[] {
  return messageSummary(report).filter((line) => / (gongwen-|front-matter-type)/.test(line));
}

/** The texts of one rule's messages. */
function reasons(report: Report, rule: string): string[] {
  return report.file.messages.filter((message) => message.ruleId === rule).map((message) => message.reason);
}

describe('gongwen-signer-missing', () => {
  it('warns at the title of a 请示 or a 报告 without 签发人', async () => {
    const qingshi = await reportFrom(gongwen(['title: 关于申请专项资金的请示']));
    expect(gongwenSummary(qingshi)).toEqual(['4:8 gongwen-signer-missing warning']);
    expect(reasons(qingshi, 'gongwen-signer-missing')).toEqual([
      '标题“关于申请专项资金的请示”表明本文为请示，属上行文，应标注签发人：请在前置元数据中写“签发人”（signer）（GB/T 9704 7.2.6）',
    ]);
    expect(gongwenSummary(await reportFrom(gongwen(['标题: 关于2023年工作情况的报告'])))).toEqual(['4:5 gongwen-signer-missing warning']);
    // A title that says 请示 without ending in it.
    expect(gongwenSummary(await reportFrom(gongwen(['title: 关于申请专项资金的请示（代拟稿）'])))).toEqual(['4:8 gongwen-signer-missing warning']);
  });

  it('warns at the heading when the title is the top heading', async () => {
    const report = await reportFrom(gongwen([], '# 关于申请专项资金的请示\n\n正文。\n'));
    expect(gongwenSummary(report)).toEqual(['6:1 gongwen-signer-missing warning']);
  });

  it('is silent with 签发人, for other kinds of 公文, and outside the gongwen template', async () => {
    expect(gongwenSummary(await reportFrom(gongwen(['title: 关于申请专项资金的请示', 'signer: 张三'])))).toEqual([]);
    expect(gongwenSummary(await reportFrom(gongwen(['title: 关于2023年工作情况的报告', '签发人: [张三, 李四]'])))).toEqual([]);
    expect(gongwenSummary(await reportFrom(gongwen(['title: 关于做好春节期间安全生产工作的通知'])))).toEqual([]);
    expect(gongwenSummary(await reportFrom('---\nlang: zh-CN\ntitle: 关于申请专项资金的请示\n---\n\n正文。\n'))).toEqual([]);
  });

  it('speaks English in an English report', async () => {
    const report = await reportFrom(gongwen(['title: 关于申请专项资金的请示'], 'Text.\n', '---\nlang: en\ntemplate: gongwen\n'));
    expect(reasons(report, 'gongwen-signer-missing')).toEqual([
      'The title “关于申请专项资金的请示” makes this a 请示, a 上行文, which names its 签发人: give `signer` (签发人) in the front matter (GB/T 9704 7.2.6)',
    ]);
  });
});

describe('gongwen-doc-number', () => {
  /** Offset of the value of a `doc-number: ` line on line 4. */
  const VALUE = HEAD.length + 'doc-number: '.length;

  it('accepts 秦政〔2024〕1号', async () => {
    expect(gongwenSummary(await reportFrom(gongwen(['doc-number: 秦政〔2024〕1号'])))).toEqual([]);
    expect(gongwenSummary(await reportFrom(gongwen(['发文字号: 秦政〔2024〕12号'])))).toEqual([]);
  });

  it('warns at brackets other than 〔〕 and fixes only the wrong ones in the YAML value', async () => {
    for (const [open, close] of [['[', ']'], ['(', ')'], ['（', '）'], ['【', '】'], ['〈', '〉'], ['[', '〕'], ['〔', ')']] as const) {
      const report = await reportFrom(gongwen([`doc-number: 秦政${open}2024${close}1号`]));
      expect(gongwenSummary(report), open + close).toEqual(['4:13 gongwen-doc-number warning']);
      const edits = [
        ...(open === '〔' ? [] : [{ offset: VALUE + 2, old: open, new: '〔', ruleId: 'gongwen-doc-number' }]),
        ...(close === '〕' ? [] : [{ offset: VALUE + 7, old: close, new: '〕', ruleId: 'gongwen-doc-number' }]),
      ];
      expect(report.file.data.fixes, open + close).toEqual(edits);
    }
    const report = await reportFrom(gongwen(['doc-number: 秦政[2024]1号']));
    expect(reasons(report, 'gongwen-doc-number')).toEqual(['发文字号“秦政[2024]1号”的年份应用六角括号“〔〕”括入，不用“[2024]”：应为“〔2024〕”（GB/T 9704 7.2.5）']);
  });

  it('finds the brackets in a quoted value and under the Chinese key', async () => {
    const quoted = await reportFrom(gongwen(['doc-number: "秦政[2024]1号"']));
    expect(gongwenSummary(quoted)).toEqual(['4:13 gongwen-doc-number warning']);
    expect(quoted.file.data.fixes?.map((edit) => edit.offset)).toEqual([VALUE + 3, VALUE + 8]);
    const chinese = await reportFrom(gongwen(['发文字号: 秦政【2024】1号']));
    expect(gongwenSummary(chinese)).toEqual(['4:7 gongwen-doc-number warning']);
    const offset = HEAD.length + '发文字号: '.length;
    expect(chinese.file.data.fixes?.map((edit) => edit.offset)).toEqual([offset + 2, offset + 7]);
  });

  it('reports a two-digit year, a 第 and a leading zero without fixing them', async () => {
    const cases = [
      ['秦政〔24〕1号', '发文字号“秦政〔24〕1号”的年份应标全称（四位数字），不能简写为“〔24〕”（GB/T 9704 7.2.5）'],
      ['秦政〔2024〕第1号', '发文字号“秦政〔2024〕第1号”的发文顺序号不加“第”字：应为“1号”，不是“第1号”（GB/T 9704 7.2.5）'],
      ['秦政〔2024〕01号', '发文字号“秦政〔2024〕01号”的发文顺序号不编虚位（1 不编为 01）：应为“1号”，不是“01号”（GB/T 9704 7.2.5）'],
    ] as const;
    for (const [value, reason] of cases) {
      const report = await reportFrom(gongwen([`doc-number: ${value}`]));
      expect(gongwenSummary(report), value).toEqual(['4:13 gongwen-doc-number warning']);
      expect(reasons(report, 'gongwen-doc-number')).toEqual([reason]);
      expect(report.file.data.fixes, value).toBeUndefined();
    }
  });

  it('speaks English in an English report', async () => {
    const report = await reportFrom(gongwen(['doc-number: 秦政(24)第1号'], 'Text.\n', '---\nlang: en\ntemplate: gongwen\n'));
    expect(reasons(report, 'gongwen-doc-number')).toEqual([
      '发文字号 “秦政(24)第1号”: the year is put in the hexagonal brackets 〔〕, not “(24)”: write 〔24〕 (GB/T 9704 7.2.5)',
      '发文字号 “秦政(24)第1号”: the year is written in full, four digits, not “〔24〕” (GB/T 9704 7.2.5)',
      '发文字号 “秦政(24)第1号”: the sequence number takes no 第: write 1号, not 第1号 (GB/T 9704 7.2.5)',
    ]);
  });

  it('neither reports nor fixes when the rule is off', async () => {
    const report = await reportFrom(gongwen(['doc-number: 秦政[2024]1号', 'rules:', '  gongwen-doc-number: off']));
    expect(gongwenSummary(report)).toEqual([]);
    expect(report.file.data.fixes ?? []).toEqual([]);
  });
});

describe('gongwen-date-numerals', () => {
  it('is the error for a 成文日期 or 印发日期 in Chinese numerals, instead of front-matter-type', async () => {
    const report = await reportFrom(gongwen(['date: 二〇二四年一月二十日', '印发日期: 二〇二四年十二月三十一日']));
    expect(gongwenSummary(report)).toEqual(['4:7 gongwen-date-numerals error', '5:7 gongwen-date-numerals error']);
    expect(reasons(report, 'gongwen-date-numerals')).toEqual([
      '前置元数据的键“date”用汉字数字写日期“二〇二四年一月二十日”：GB/T 9704 规定日期用阿拉伯数字，如“2024年1月20日”（7.3.5.4）',
      '前置元数据的键“印发日期”用汉字数字写日期“二〇二四年十二月三十一日”：GB/T 9704 规定日期用阿拉伯数字，如“2024年12月31日”（7.3.5.4）',
    ]);
    expect(report.meta.date).toBeUndefined();
  });

  it('gives the example when the numerals make no date, and speaks English in an English report', async () => {
    const report = await reportFrom(gongwen(['成文日期: 二〇二四年十三月一日'], 'Text.\n', '---\nlang: en\ntemplate: gongwen\n'));
    expect(gongwenSummary(report)).toEqual(['4:7 gongwen-date-numerals error']);
    expect(reasons(report, 'gongwen-date-numerals')).toEqual([
      'Front-matter key `成文日期` writes the date “二〇二四年十三月一日” in Chinese numerals: GB/T 9704 writes dates in Arabic numerals, e.g. 2024年1月20日 (7.3.5.4)',
    ]);
  });

  it('keeps every other date check as it was', async () => {
    expect(gongwenSummary(await reportFrom(gongwen(['成文日期: 2024年1月20日', 'print-date: 2024-01-20'])))).toEqual([]);
    expect(gongwenSummary(await reportFrom(gongwen(['date: 2024-02-30'])))).toEqual(['4:7 front-matter-type error']);
    expect(gongwenSummary(await reportFrom(gongwen(['date: 2024年2月30日'])))).toEqual(['4:7 front-matter-type error']);
    expect(gongwenSummary(await reportFrom(gongwen(['date: 明年一月'])))).toEqual(['4:7 front-matter-type error']);
    expect(gongwenSummary(await reportFrom(gongwen(['title: 二〇二四年一月二十日'])))).toEqual([]);
  });

  it('reads Chinese numerals as Arabic ones', () => {
    expect(arabicDate('二〇二四年一月二十日')).toBe('2024年1月20日');
    expect(arabicDate('二〇二四年十月')).toBe('2024年10月');
    expect(arabicDate('2024年十一月九日')).toBe('2024年11月9日');
    expect(arabicDate('二○二四年二月三十一日')).toBe('2024年2月31日');
    expect(arabicDate('二〇二四年十三月一日')).toBe('');
    expect(arabicDate('二四年一月')).toBe('');
    expect(arabicDate('2024年1月20日')).toBeUndefined();
    expect(arabicDate('明年一月')).toBeUndefined();
  });
});

describe('gongwen-attachments-mismatch', () => {
  const LIST = ['attachments:', '  - 项目清单', '  - 预算表'];
  const sections = (...numbers: string[]) => `正文。\n${numbers.map((number) => `\n# 附件${number}\n\n内容\n`).join('')}`;

  it('is silent when the 附件说明 lists the sections, or when there are no sections', async () => {
    expect(gongwenSummary(await reportFrom(gongwen(LIST, sections('1', '2'))))).toEqual([]);
    expect(gongwenSummary(await reportFrom(gongwen(['附件: 项目清单'], sections(''))))).toEqual([]);
    expect(gongwenSummary(await reportFrom(gongwen(LIST)))).toEqual([]);
  });

  it('warns at a section without an entry', async () => {
    // Lines: 4–6 the list, 7 `---`, 9 正文, 11 # 附件1, 15 # 附件2, 19 # 附件3.
    const report = await reportFrom(gongwen(LIST, sections('1', '2', '3')));
    expect(gongwenSummary(report)).toEqual(['19:1 gongwen-attachments-mismatch warning']);
    expect(reasons(report, 'gongwen-attachments-mismatch')).toEqual(['附件3在附件说明中没有对应的条目（附件说明列出 2 项）']);
    expect(gongwenSummary(await reportFrom(gongwen([], sections(''))))).toEqual(['8:1 gongwen-attachments-mismatch warning']);
  });

  it('warns at an entry without a section', async () => {
    const report = await reportFrom(gongwen(LIST, sections('1')));
    expect(gongwenSummary(report)).toEqual(['6:5 gongwen-attachments-mismatch warning']);
    expect(reasons(report, 'gongwen-attachments-mismatch')).toEqual(['附件说明列出了附件2（“预算表”），但文中没有“# 附件2”一节']);
  });

  it('warns at numbers out of order or repeated', async () => {
    const swapped = await reportFrom(gongwen(LIST, sections('2', '1')));
    expect(gongwenSummary(swapped)).toEqual(['11:1 gongwen-attachments-mismatch warning', '15:1 gongwen-attachments-mismatch warning']);
    expect(reasons(swapped, 'gongwen-attachments-mismatch')).toEqual([
      '附件2的编号顺序不对：附件应依次编为1、2、3……，此处应为附件1',
      '附件1的编号顺序不对：附件应依次编为1、2、3……，此处应为附件2',
    ]);
    const repeated = await reportFrom(gongwen(LIST, sections('1', '1')));
    expect(gongwenSummary(repeated)).toEqual(['15:1 gongwen-attachments-mismatch warning', '6:5 gongwen-attachments-mismatch warning']);
    expect(reasons(repeated, 'gongwen-attachments-mismatch')).toEqual([
      '附件1的编号重复：附件应依次编为1、2、3……，此处应为附件2',
      '附件说明列出了附件2（“预算表”），但文中没有“# 附件2”一节',
    ]);
  });

  it('speaks English in an English report', async () => {
    const report = await reportFrom(gongwen(LIST, sections('1', '3', '3'), '---\nlang: en\ntemplate: gongwen\n'));
    expect(reasons(report, 'gongwen-attachments-mismatch')).toEqual([
      'The section 附件3 is out of order: attachments are numbered 1, 2, 3…, this one 附件2',
      'The section 附件3 has no entry in the 附件说明 (`attachments` lists 2)',
      'The section 附件3 repeats a number: attachments are numbered 1, 2, 3…, this one 附件3',
      'The 附件说明 lists attachment 2 (“预算表”), but no section `# 附件2` follows',
    ]);
  });
});

describe('gongwen-recipients-colon', () => {
  const VALUE = HEAD.length + 'recipients: '.length;

  it('is silent for a 主送机关 ending in a full-width colon', async () => {
    expect(gongwenSummary(await reportFrom(gongwen(['recipients: 各县区人民政府，市政府各部门：'])))).toEqual([]);
  });

  it('appends the colon when there is none', async () => {
    const report = await reportFrom(gongwen(['recipients: 各县区人民政府']));
    expect(gongwenSummary(report)).toEqual(['4:13 gongwen-recipients-colon warning']);
    expect(reasons(report, 'gongwen-recipients-colon')).toEqual(['主送机关“各县区人民政府”末尾应加全角冒号“：”（GB/T 9704 7.3.2）']);
    expect(report.file.data.fixes).toEqual([{ offset: VALUE + 6, old: '府', new: '府：', ruleId: 'gongwen-recipients-colon' }]);
  });

  it('replaces a half-width colon or a comma', async () => {
    const colon = await reportFrom(gongwen(['主送机关: "各县区人民政府:"']));
    expect(gongwenSummary(colon)).toEqual(['4:7 gongwen-recipients-colon warning']);
    expect(reasons(colon, 'gongwen-recipients-colon')).toEqual(['主送机关“各县区人民政府:”末尾的“:”应为全角冒号“：”（GB/T 9704 7.3.2）']);
    expect(colon.file.data.fixes).toEqual([{ offset: HEAD.length + '主送机关: "'.length + 7, old: ':', new: '：', ruleId: 'gongwen-recipients-colon' }]);
    const comma = await reportFrom(gongwen(['recipients: 各县区人民政府，']));
    expect(comma.file.data.fixes).toEqual([{ offset: VALUE + 7, old: '，', new: '：', ruleId: 'gongwen-recipients-colon' }]);
  });

  it('speaks English in an English report', async () => {
    const report = await reportFrom(gongwen(['recipients: "各县区人民政府:"'], 'Text.\n', '---\nlang: en\ntemplate: gongwen\n'));
    expect(reasons(report, 'gongwen-recipients-colon')).toEqual(['主送机关 “各县区人民政府:” ends in “:”: it ends in a full-width colon “：” (GB/T 9704 7.3.2)']);
  });
});

describe('gongwen-attachment-punctuation', () => {
  it('warns at a name ending in punctuation, not at closing brackets or quotes', async () => {
    const report = await reportFrom(gongwen(['attachments:', '  - 项目清单。', '  - 值班安排表（含联系方式）', '  - 《安全生产管理办法》', '  - 预算表;']));
    expect(gongwenSummary(report)).toEqual(['5:5 gongwen-attachment-punctuation warning', '8:5 gongwen-attachment-punctuation warning']);
    expect(reasons(report, 'gongwen-attachment-punctuation')).toEqual([
      '附件1的名称“项目清单。”末尾有“。”：附件名称后不加标点符号（GB/T 9704 7.3.4）',
      '附件4的名称“预算表;”末尾有“;”：附件名称后不加标点符号（GB/T 9704 7.3.4）',
    ]);
  });

  it('points at the key for a single name, and speaks English in an English report', async () => {
    const report = await reportFrom(gongwen(['attachments: 项目清单，'], 'Text.\n', '---\nlang: en\ntemplate: gongwen\n'));
    expect(gongwenSummary(report)).toEqual(['4:14 gongwen-attachment-punctuation warning']);
    expect(reasons(report, 'gongwen-attachment-punctuation')).toEqual([
      "The name of attachment 1, “项目清单，”, ends in “，”: no punctuation follows an attachment's name (GB/T 9704 7.3.4)",
    ]);
  });
});

describe('the fixes of the 公文 rules', () => {
  it('rewrite only the wrong characters, after which the check is clean', async () => {
    const source = gongwen(['doc-number: 秦政[2024〕1号', '主送机关: 各县区人民政府', 'attachments: [项目清单]'], '正文。\n\n# 附件1\n\n内容\n');
    const report = await reportFrom(source);
    expect(gongwenSummary(report)).toEqual(['4:13 gongwen-doc-number warning', '5:7 gongwen-recipients-colon warning']);
    const fixed = applyEdits(source, report.file.data.fixes ?? []);
    expect(fixed).toBe(source.replace('[2024〕', '〔2024〕').replace('各县区人民政府', '各县区人民政府：'));
    const again = await reportFrom(fixed);
    expect(gongwenSummary(again)).toEqual([]);
    expect(again.file.data.fixes ?? []).toEqual([]);
  });
});

// Each case starts `press` as its own process (tsx compiles on start): slow on a loaded machine.
describe('press check on a 公文', { timeout: 300_000 }, () => {
  const SOURCE = [
    '---',
    'template: gongwen',
    'title: 关于申请专项资金的请示',
    '签发人: 张三',
    '发文字号: 秦政[2024]1号',
    '主送机关: 市人民政府',
    'attachments: [项目清单]',
    '---',
    '',
    '现将有关事项请示如下。',
    '',
    '# 附件1',
    '',
    '项目清单',
    '',
  ].join('\n');

  it('prints file:line:column warnings, exits 0; --fix rewrites the two values, and the check then passes', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'qingshi.md': SOURCE });
    const checked = await pressCommand(['check', 'qingshi.md'], dir);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stderr).toBe(
      [
        'qingshi.md:5:7: warning: 发文字号“秦政[2024]1号”的年份应用六角括号“〔〕”括入，不用“[2024]”：应为“〔2024〕”（GB/T 9704 7.2.5） [gongwen-doc-number]',
        'qingshi.md:6:7: warning: 主送机关“市人民政府”末尾应加全角冒号“：”（GB/T 9704 7.3.2） [gongwen-recipients-colon]',
        '',
      ].join('\n'),
    );

    const fixed = await pressCommand(['check', '--fix', 'qingshi.md'], dir);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stdout).toBe('qingshi.md: fixed 3 problems\n');
    expect(fixed.stderr).toBe('');
    expect(await readFile(path.join(dir, 'qingshi.md'), 'utf8')).toBe(SOURCE.replace('[2024]', '〔2024〕').replace('主送机关: 市人民政府', '主送机关: 市人民政府：'));

    expect(await pressCommand(['check', 'qingshi.md'], dir)).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('fails with exit status 1 on a date in Chinese numerals', async () => {
    const dir = await temporaryFolder();
    await writeFiles(dir, { 'tongzhi.md': '---\ntemplate: gongwen\n成文日期: 二〇二四年一月二十日\n---\n\n正文。\n' });
    const result = await pressCommand(['check', 'tongzhi.md'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^tongzhi\.md:3:7: error: 前置元数据的键“成文日期”用汉字数字写日期“二〇二四年一月二十日”：GB\/T 9704 规定日期用阿拉伯数字，如“2024年1月20日”（7\.3\.5\.4） \[gongwen-date-numerals\]$/m,
    );
    expect(result.stderr).not.toContain('[front-matter-type]');
  });
});
