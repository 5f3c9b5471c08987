/**
 * One edited copy, read for review: its tree with tracked changes and comments kept as
 * suggestions, who last saved it and when, and the source stamp it carries (if it was built by
 * report-press and the stamp survived editing).
 */
import type { Root } from 'mdast';
import { strFromU8, unzipSync } from 'fflate';
import { readDocx } from '../read/docx/read-docx.ts';
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
  const custom = customProperties(bytes);
  const { lastModifiedBy, creator, modified } = result.properties;
  return {
    tree: result.tree,
    stamp: readStamp(custom),
    lastAuthor: lastModifiedBy || creator || undefined,
    modified: modified?.slice(0, 10),
    warnings: result.warnings,
  };
}

/** Largest custom-properties part read for the stamp (a real one is a few hundred bytes). */
const MAX_CUSTOM_BYTES = 1 << 20;

/**
 * The custom-properties part alone, inflated only if small: the reader has already opened the
 * package (and refused a hostile one), so the rest need not be inflated again.
 */
function customProperties(bytes: Uint8Array): string | undefined {
  const parts = unzipSync(bytes, { filter: (file) => file.name === 'docProps/custom.xml' && file.originalSize <= MAX_CUSTOM_BYTES });
  const custom = parts['docProps/custom.xml'];
  return custom === undefined ? undefined : strFromU8(custom);
}
