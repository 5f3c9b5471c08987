/**
 * One edited copy, read for review: its tree with tracked changes and comments kept as
 * suggestions, who last saved it and when, and the source stamp it carries (if it was built by
 * report-press and the stamp survived editing).
 */
import type { Root } from 'mdast';
import { strFromU8 } from 'fflate';
import { readDocx } from '../read/docx/read-docx.ts';
import { openPackage } from '../read/docx/package.ts';
import { readStamp, type SourceStamp } from '../render/docx/source-stamp.ts';

/** Something the reader could not keep, in a copy. */
export interface CopyWarning {
  copy: string;
  paragraph: number;
  excerpt: string;
  ruleId: string;
  message: string;
}

/** A copy as review needs it. */
export interface EditedCopy {
  tree: Root;
  stamp: SourceStamp | undefined;
  /** Core property `lastModifiedBy` (else `creator`). */
  lastAuthor: string | undefined;
  /** Core property `modified`, as `YYYY-MM-DD`. */
  modified: string | undefined;
  warnings: Omit<CopyWarning, 'copy'>[];
}

/** Read a copy (throws the reader's error for a file that is no Word document). */
export function readCopy(bytes: Uint8Array, name: string): EditedCopy {
  const result = readDocx(bytes, { trackChanges: 'all', mediaFolder: 'media', fileName: name });
  const custom = openPackage(bytes).get('docProps/custom.xml');
  const { lastModifiedBy, creator, modified } = result.properties;
  return {
    tree: result.tree,
    stamp: readStamp(custom === undefined ? undefined : strFromU8(custom)),
    lastAuthor: lastModifiedBy || creator || undefined,
    modified: modified?.slice(0, 10),
    warnings: result.warnings,
  };
}
