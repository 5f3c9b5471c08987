/**
 * `press review`: a source and the copies departments edited, back into one source.
 *
 *   source.md ──parse──▶ tree ──leaves──▶ source leaves (text + where each character is in the source)
 *                                              │ = what the department was sent, unless:
 *                                              │   · edits made without tracking: the Word file written from
 *                                              │     the source, read back (made only then)
 *                                              │   · a copy of another edition: the copy, its changes rejected
 *                                              ▼
 *   edited.docx ──read, tracked changes kept──▶ edited leaves ──blocks, then words──▶ changes
 *                                              ──placed in the source──▶ merged over all copies (conflicts)
 *                                              ──▶ <out>/<name>.md (CriticMarkup), <name>-opinions.docx, .csv
 *
 * Changes made with tracking on are attributed to their author and date; changes made with it
 * off are found by comparing the copy with what report-press wrote from the same source, and
 * attributed to the copy's last author (or its file name).
 */
import path from 'node:path';
import type { Nodes } from 'mdast';
import type { VFile } from 'vfile';
import { readSource } from '../util/read-source.ts';
import { parseReport } from '../parse/parse.ts';
import { loadTemplate } from '../template/load-template.ts';
import { renderDocx } from '../render/docx/render-docx.ts';
import { stampOf } from '../render/docx/source-stamp.ts';
import { sourceDate } from '../util/source-date.ts';
import { OutputBatch } from '../util/atomic-write.ts';
import { outputPathProblems } from '../util/output-paths.ts';
import { readRegularFile } from '../util/read-regular-file.ts';
import { flag, hasErrors } from '../util/messages.ts';
import type { Report } from '../types.ts';
import { leavesOf, type Leaf } from './leaves.ts';
import { matchBaseToSource, type BaseMatches } from './base-to-source.ts';
import { departmentChanges, type DepartmentChange } from './department-changes.ts';
import type { Opinion } from './opinion.ts';
import { opinionCsv, opinionDocx, opinionRows } from './opinion-table.ts';
import { readCopy, type CopyWarning } from './read-copy.ts';
import { reviewCopies, type ReviewedCopy } from './review-copies.ts';
import { GENERATED_EN, GENERATED_ZH } from './place-changes.ts';

/** What to review. */
export interface ReviewOptions {
  /** The Markdown source. */
  input: string;
  /** The edited Word copies, in the order their changes take precedence. */
  copies: readonly string[];
  /** Folder of the outputs (`review/`). */
  outDir: string;
  /** Called for warnings about a copy that are not about the source (what its reader could not keep). */
  onCopyWarning?: (warning: CopyWarning) => void;
}

/** What a review did. */
export interface ReviewResult {
  /** The source, with the review's messages. */
  file: VFile;
  opinions: Opinion[];
  written: string[];
  ok: boolean;
}

/** Review the copies against the source and write the source with their changes, and the table. */
export async function review(options: ReviewOptions): Promise<ReviewResult> {
  const file = await readSource(options.input);
  const report = await parseReport(file);
  if (hasErrors(file)) return { file, opinions: [], written: [], ok: false };
  const source = String(file.value);
  const lang = report.meta.lang;
  const chinese = /^zh\b/i.test(lang);
  const sourceLeaves = leavesOf(report.tree, { source, skip: titleHeading(report) });

  const identity: BaseMatches = { matches: sourceLeaves.map((_, index) => ({ source: index, offset: (offset: number) => offset })), differences: { changed: 0, baseOnly: 0, sourceOnly: 0, firstSourceLine: undefined } };
  // What report-press wrote from this source, as the reader reads it back: made only when a copy
  // has changes no tracked change explains, which are found by comparing with it.
  let written: { leaves: Leaf[]; matches: BaseMatches } | undefined;
  const whatWasWritten = async () => {
    if (!written) {
      const template = await loadTemplate(report.meta.template);
      const sent = await renderDocx(report, template, { date: sourceDate(report.meta) });
      const leaves = leavesOf(readCopy(sent, 'sent.docx').tree);
      written = { leaves, matches: matchBaseToSource(leaves, sourceLeaves, lang) };
    }
    return written;
  };
  const stamp = stampOf(path.basename(file.path), source);

  const copies: ReviewedCopy[] = [];
  for (const copyPath of options.copies) {
    const copyName = path.basename(copyPath);
    let copy;
    try {
      copy = readCopy(new Uint8Array(await readRegularFile(copyPath)), copyName);
    } catch (failure) {
      const reason = failure instanceof Error ? (failure.message.split('\n')[0] ?? '') : String(failure);
      flag(file, 'review-copy', { line: 1, column: 1, path: copyPath }, { copy: copyPath, reason });
      continue;
    }
    for (const warning of copy.warnings) options.onCopyWarning?.({ ...warning, copy: copyPath });
    const fallback = { author: copy.lastAuthor ?? copyName.replace(/\.docx$/i, ''), ...(copy.modified ? { date: copy.modified } : {}) };
    const edited = leavesOf(copy.tree, { view: 'accept' });
    // The source's own leaves are what report-press writes; where a copy differs from them
    // without tracked changes, the Word file written from the source decides what was sent.
    let base: readonly Leaf[] = sourceLeaves;
    let matches: BaseMatches = identity;
    let found: DepartmentChange[] | undefined;
    if (copy.stamp === undefined || copy.stamp.sha256 === stamp.sha256) {
      const changes = departmentChanges(base, edited, lang, fallback);
      if (changes.some((change) => change.kind !== 'comment' && !change.tracked)) ({ leaves: base, matches } = await whatWasWritten());
      else found = changes;
    } else {
      // Made from another edition: what the department was sent is its copy with every change rejected.
      base = leavesOf(copy.tree, { view: 'reject' });
      matches = matchBaseToSource(base, sourceLeaves, lang);
      const { changed, baseOnly, sourceOnly, firstSourceLine } = matches.differences;
      flag(file, 'review-edition', { line: firstSourceLine ?? 1, column: 1 }, { copy: copyName, built: `${copy.stamp.name} sha256:${copy.stamp.sha256.slice(0, 12)}…`, changed, missing: baseOnly, added: sourceOnly });
    }
    copies.push({ name: copyName, base, matches: matches.matches, edited, fallback, ...(found ? { changes: found } : {}) });
  }
  if (hasErrors(file)) return { file, opinions: [], written: [], ok: false };

  const { text: reviewed, opinions: ordered, conflicts } = reviewCopies(source, sourceLeaves, copies, lang);
  for (const { kept, other } of conflicts) {
    flag(file, 'review-conflict', { line: kept.opinion.line ?? 1, column: 1 }, { first: kept.opinion.author, second: other.opinion.author, text: kept.old || kept.opinion.original });
  }
  for (const opinion of ordered) {
    if (opinion.generated !== undefined) {
      // The bibliography at the end of the report has no line of its own: the front matter names its file.
      const line = opinion.line ?? report.meta.bibliography?.[0]?.place.line ?? 1;
      const what = chinese ? GENERATED_ZH[opinion.generated] : GENERATED_EN[opinion.generated];
      flag(file, 'review-generated', { line, column: 1 }, { author: opinion.author, text: opinion.original, proposal: opinion.kind === 'comment' || opinion.kind === 'delete' ? '' : opinion.proposal, what });
    } else if (opinion.line === undefined) flag(file, 'review-unplaced', { line: 1, column: 1 }, { author: opinion.author, text: opinion.original || opinion.proposal });
  }

  const name = path.basename(file.path).replace(/\.(md|markdown)$/i, '');
  const targets = { markdown: path.join(options.outDir, `${name}.md`), docx: path.join(options.outDir, `${name}-opinions.docx`), csv: path.join(options.outDir, `${name}-opinions.csv`) };
  const blocked = await outputPathProblems(options.outDir, Object.values(targets));
  for (const problem of blocked) flag(file, 'output-path', undefined, problem);
  if (blocked.length > 0) return { file, opinions: ordered, written: [], ok: false };
  if (path.resolve(targets.markdown) === path.resolve(file.path)) {
    flag(file, 'output-path', undefined, { kind: 'source', path: targets.markdown });
    return { file, opinions: ordered, written: [], ok: false };
  }

  const rows = opinionRows(ordered, chinese);
  const batch = new OutputBatch();
  try {
    await batch.stage(targets.markdown, reviewed);
    await batch.stage(targets.csv, opinionCsv(rows));
    const copies = options.copies.map((copy) => path.basename(copy)).join(chinese ? '、' : ', ');
    await batch.stage(
      targets.docx,
      await opinionDocx(rows, {
        path: path.join(options.outDir, `${name}-opinions.md`),
        title: chinese ? `${report.meta.title ?? name}意见汇总表` : `${report.meta.title ?? name}: summary of opinions`,
        lang,
        template: report.meta.template,
        date: report.meta.date,
        lead: chinese ? `源文件：${path.basename(file.path)}；意见来源：${copies}；共 ${ordered.length} 条。` : `Source: ${path.basename(file.path)}; copies: ${copies}; ${ordered.length} opinions.`,
      }),
    );
    const written = await batch.commit();
    return { file, opinions: ordered, written, ok: true };
  } catch (failure) {
    await batch.discard();
    throw failure;
  }
}

/** The heading that titles the document, shown in Word as its title block: not a leaf. */
function titleHeading(report: Report): ReadonlySet<Nodes> {
  const first = report.tree.children[0];
  return report.file.data.title?.source === 'heading' && first?.type === 'heading' ? new Set<Nodes>([first]) : new Set();
}
