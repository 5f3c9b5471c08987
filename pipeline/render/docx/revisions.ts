import { Paragraph, TextRun, type ICommentOptions } from 'docx';
import { moveId, type Attribution } from '../../critic/syntax.ts';
import type { MoveEnds } from './moves.ts';

/** Author written for a suggestion that names none (Word needs one). */
export const DEFAULT_REVISION_AUTHOR = 'report-press';

/**
 * First id of a tracked change. Word wants the ids of `w:ins`, `w:del` and comments unique
 * among annotations; bookmarks are numbered from 0 in document order and comments from 0 too,
 * so changes start far above both.
 */
const FIRST_REVISION_ID = 100_000;

/** Who and when, as Word writes a tracked change: an author and an ISO date with time. */
export interface RevisionStamp {
  author: string;
  /** `YYYY-MM-DDThh:mm:ssZ`. */
  date: string;
  /** The move this change is an end of (`move:<id>`), if any. */
  move?: string;
}

/**
 * The stamp of a suggestion: its author (else `report-press`) and its date (a `YYYY-MM-DD`
 * becomes midnight UTC; with no date, the build's fixed date, so the file is reproducible).
 */
export function revisionStamp(attribution: Attribution, buildDate: Date): RevisionStamp {
  const move = moveId(attribution);
  return { author: attribution.author ?? DEFAULT_REVISION_AUTHOR, date: wordDate(attribution.date, buildDate), ...(move !== undefined ? { move } : {}) };
}

function wordDate(date: string | undefined, buildDate: Date): string {
  if (date === undefined) return buildDate.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?$/.exec(date);
  if (!match) return buildDate.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const [, day, time, seconds, zone] = match;
  if (time === undefined) return `${day}T00:00:00Z`;
  const local = `${day}T${time}${seconds ?? ':00'}`;
  if (zone === undefined || zone === 'Z') return `${local}Z`;
  return new Date(`${local}${zone}`).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The tracked changes and comments of one document: ids in document order, comments collected for `comments.xml`. */
export class RevisionRegistry {
  private revision = FIRST_REVISION_ID;
  private readonly collected: ICommentOptions[] = [];

  constructor(private readonly buildDate: Date) {}

  private readonly moves = new Map<number, { end: 'from' | 'to'; name: string }>();

  /** A new id for one `w:ins` or `w:del` of this stamp's kind; an end of a move is noted as such. */
  nextRevisionId(stamp?: RevisionStamp, change?: 'insert' | 'delete'): number {
    const id = this.revision++;
    if (stamp?.move !== undefined && change !== undefined) this.moves.set(id, { end: change === 'insert' ? 'to' : 'from', name: `move-${stamp.move}` });
    return id;
  }

  /** The changes that are ends of moves, for `writeMoves`. */
  moveEnds(): MoveEnds {
    return this.moves;
  }

  /** The stamp of a suggestion with this attribution. */
  stamp(attribution: Attribution): RevisionStamp {
    return revisionStamp(attribution, this.buildDate);
  }

  /** Register a comment with its author, date and text; resolves to its id. */
  addComment(attribution: Attribution): number {
    const id = this.collected.length;
    const stamp = this.stamp(attribution);
    const lines = (attribution.text ?? '').split(/\r?\n/);
    this.collected.push({
      id,
      author: stamp.author,
      initials: initialsOf(stamp.author),
      date: new Date(stamp.date),
      children: [new Paragraph({ children: lines.map((line, index) => new TextRun({ text: line, ...(index > 0 ? { break: 1 } : {}) })) })],
    });
    return id;
  }

  /** The comments, for the document's `comments` option. */
  comments(): ICommentOptions[] {
    return this.collected;
  }
}

function initialsOf(author: string): string {
  return [...author].slice(0, 2).join('');
}
