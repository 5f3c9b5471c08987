/**
 * Write the steps of a comparison into the new edition as CriticMarkup: each change an edit of
 * the new edition's text at its place, every other byte kept (see `compare-sources.ts`).
 */
import type { BlockStep } from './align-blocks.ts';
import type { CompareNote, CompareResult } from './compare-sources.ts';
import { deleteMarkup, insertMarkup, substituteMarkup, type Attribution } from './syntax.ts';
import type { InlineRange, TextUnit } from './text-units.ts';
import { widenHunks } from './widen-hunks.ts';
import { wordDiff } from './word-diff.ts';

/** An edit of the new edition: replace `[start, end)` by `text`. */
interface Edit {
  start: number;
  end: number;
  text: string;
  order: number;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

/** Collects the edits the steps of a comparison call for, then applies them to the new edition. */
export class MarkupWriter {
  /** Differences that are not shown as suggestions (and, from the caller, a changed title). */
  readonly notes: CompareNote[] = [];
  private readonly edits: Edit[] = [];
  private readonly counts = { insertions: 0, deletions: 0, substitutions: 0, moves: 0 };
  /** Deleted blocks waiting to be written, grouped by the new block they follow. */
  /** The new edition's line ending, for the lines the comparison writes. */
  private readonly eol: string;
  private pending: { after: TextUnit | undefined; blocks: { unit: TextUnit; move: string | undefined }[] } | undefined;

  constructor(
    private readonly oldText: string,
    private readonly newText: string,
    private readonly attribution: Attribution,
    private readonly lang: string,
  ) {
    this.eol = newText.includes('\r\n') ? '\r\n' : '\n';
  }

  /** Take the next step of the alignment, in the new edition's order. */
  step(step: BlockStep<TextUnit>): void {
    if (step.kind !== 'delete') this.flushDeleted();
    switch (step.kind) {
      case 'equal':
        return;
      case 'insert':
        this.insertBlock(step.new, step.move);
        return;
      case 'change':
        this.changeBlock(step.old, step.new);
        return;
      case 'delete':
        if (this.pending && this.pending.after !== step.after) this.flushDeleted();
        this.pending ??= { after: step.after, blocks: [] };
        this.pending.blocks.push({ unit: step.old, move: step.move });
    }
  }

  /** Apply every edit to the new edition: the marked text, what was counted and the offset map back. */
  finish(): CompareResult {
    this.flushDeleted();
    const edits = [...this.edits].sort((a, b) => a.start - b.start || a.order - b.order);
    let text = '';
    let at = 0;
    // Where each edit landed in the marked text, to map offsets back to the new edition.
    const landmarks: { markedStart: number; markedEnd: number; newStart: number; newEnd: number }[] = [];
    for (const edit of edits) {
      text += this.newText.slice(at, edit.start);
      landmarks.push({ markedStart: text.length, markedEnd: text.length + edit.text.length, newStart: edit.start, newEnd: edit.end });
      text += edit.text;
      at = edit.end;
    }
    text += this.newText.slice(at);
    const toNewOffset = (offset: number): number => {
      let delta = 0;
      for (const mark of landmarks) {
        if (offset < mark.markedStart) break;
        if (offset < mark.markedEnd) return mark.newStart;
        delta = mark.newEnd - mark.markedEnd;
      }
      return offset + delta;
    };
    return { text, attribution: this.attribution, counts: this.counts, notes: this.notes, toNewOffset };
  }

  private edit(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text, order: this.edits.length });
  }

  private withMove(move: string | undefined): Attribution {
    return move === undefined ? this.attribution : { ...this.attribution, text: `move:${move}` };
  }

  private note(unit: TextUnit, side: 'old' | 'new', kind: CompareNote['kind']): void {
    this.notes.push({ line: lineOf(side === 'old' ? this.oldText : this.newText, unit.blockStart), side, kind, detail: unit.type });
  }

  private insertBlock(unit: TextUnit, move: string | undefined): void {
    if (move !== undefined) this.counts.moves++;
    else if (unit.kind !== 'opaque') this.counts.insertions++;
    const wrap = (range: InlineRange) => {
      if (range.end > range.start) this.edit(range.start, range.end, insertMarkup(this.newText.slice(range.start, range.end), this.withMove(move)));
    };
    if (unit.kind === 'opaque') this.note(unit, 'new', 'opaque-changed');
    else if (unit.inline) wrap(unit.inline);
    else for (const cell of unit.cells ?? []) wrap(cell);
  }

  private changeBlock(old: TextUnit, next: TextUnit): void {
    if (old.inline && next.inline) {
      this.changeInline(old.inline, next.inline);
      return;
    }
    const oldCells = old.cells ?? [];
    const newCells = next.cells ?? [];
    if (oldCells.length !== newCells.length) this.note(next, 'new', 'cell-count');
    newCells.forEach((cell, index) => {
      const before = oldCells[index];
      if (before) this.changeInline(before, cell);
    });
  }

  /** Word-diff one inline range against its old version and write each difference in place. */
  private changeInline(old: InlineRange, next: InlineRange): void {
    const oldText = this.oldText.slice(old.start, old.end);
    const newText = this.newText.slice(next.start, next.end);
    const hunks = widenHunks(wordDiff(oldText, newText, this.lang), { text: oldText, base: old.start, nodes: old.nodes }, { text: newText, base: next.start, nodes: next.nodes });
    for (const hunk of hunks) {
      const removed = oldText.slice(hunk.oldStart, hunk.oldEnd);
      const inserted = newText.slice(hunk.newStart, hunk.newEnd);
      const start = next.start + hunk.newStart;
      const end = next.start + hunk.newEnd;
      // An empty cell's place is just after its pipe: keep a space on each side of the markup.
      const pad = next.nodes.length === 0 && next.start === next.end ? ' ' : '';
      if (removed === '') {
        this.counts.insertions++;
        this.edit(start, end, insertMarkup(inserted, this.attribution));
      } else if (inserted === '') {
        this.counts.deletions++;
        this.edit(start, end, `${pad}${deleteMarkup(removed, this.attribution)}${pad}`);
      } else {
        this.counts.substitutions++;
        this.edit(start, end, substituteMarkup(removed, inserted, this.attribution));
      }
    }
  }

  /** Write the deleted blocks waiting, after the new block they followed (or before the first). */
  private flushDeleted(): void {
    const group = this.pending;
    this.pending = undefined;
    if (!group) return;
    let text = '';
    let previous: TextUnit | undefined = group.after;
    for (const { unit, move } of group.blocks) {
      if (unit.kind === 'opaque') {
        this.note(unit, 'old', 'opaque-changed');
        continue;
      }
      const written = this.deletedBlock(unit, move);
      if (written === undefined) continue;
      // A move is counted once, at its insertion.
      if (move === undefined) this.counts.deletions++;
      text += `${separator(previous, unit).replace(/\n/g, this.eol)}${written}`;
      previous = unit;
    }
    if (text === '') return;
    if (group.after) {
      // After a header row comes its delimiter row: deleted rows go after that.
      const { after } = group;
      const at = after.kind === 'row' && after.table?.row === 0 ? this.nextLineEnd(after.blockEnd) : after.blockEnd;
      this.edit(at, at, text);
      return;
    }
    // Before the first block of the new edition (after its front matter), or at its end.
    const first = firstBlockStart(this.newText);
    this.edit(first, first, `${text.replace(/^(?:\r?\n)+/, '')}${this.eol}${this.eol}`);
  }

  /** Where the line after the one `offset` is on ends (before its line break). */
  private nextLineEnd(offset: number): number {
    const lineEnd = this.newText.indexOf('\n', offset);
    if (lineEnd < 0) return this.newText.length;
    const nextEnd = this.newText.indexOf('\n', lineEnd + 1);
    if (nextEnd < 0) return this.newText.length;
    return this.newText[nextEnd - 1] === '\r' ? nextEnd - 1 : nextEnd;
  }

  /** A deleted block written anew: its prefix and its content in `{--…--}`, or undefined when it cannot be. */
  private deletedBlock(unit: TextUnit, move: string | undefined): string | undefined {
    const attribution = this.withMove(move);
    if (unit.kind === 'row') {
      const cells = (unit.cells ?? []).map((cell) => (cell.end > cell.start ? deleteMarkup(this.oldText.slice(cell.start, cell.end), attribution) : ''));
      const row = `| ${cells.join(' | ')} |`;
      return unit.table?.row === 0 && unit.table.delimiter !== '' ? `${row}${this.eol}${unit.table.delimiter.replace(/\r$/, '')}` : row;
    }
    if (!unit.inline || unit.prefix === undefined) {
      if (unit.inline) this.note(unit, 'old', 'opaque-changed');
      return undefined;
    }
    return `${unit.prefix}${deleteMarkup(this.oldText.slice(unit.inline.start, unit.inline.end), attribution)}`;
  }
}

/**
 * What goes between a block and the deleted block written after it: a line break between rows of
 * one table (a header row starts a table of its own) and between list items, else a blank line.
 */
function separator(previous: TextUnit | undefined, unit: TextUnit): string {
  if (unit.kind === 'row') return previous?.kind === 'row' && unit.table?.row !== 0 ? '\n' : '\n\n';
  if (unit.listItem && previous?.kind === 'text' && previous.prefix !== undefined && /[-*+]|\d[.)]|^[ \t]+$/.test(previous.prefix)) return '\n';
  return '\n\n';
}

/** Where the body of a source starts: after its front matter, if any. */
function firstBlockStart(text: string): number {
  const match = /^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return 0;
  let at = match[0].length;
  while (text[at] === '\n' || text[at] === '\r') at++;
  return at;
}
