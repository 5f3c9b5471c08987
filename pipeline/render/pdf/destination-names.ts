import { createHash } from 'node:crypto';
import { PDFDict, PDFName, type PDFDocument } from '@cantoo/pdf-lib';

/**
 * Named destinations within PDF's limit for names. Chromium names the destination of every
 * linked element after its id, percent-encoded in UTF-8 (`%E4%B8%80` for `一`: nine bytes an
 * ideograph), so a Chinese heading of fifteen characters or more gives a name longer than the
 * 127 bytes a PDF name may have (ISO 32000-1, Annex C): poppler warns ("name token is longer
 * than what the specification says it can be") and other readers may cut the name off or fail
 * to follow the link. Such names are replaced by a short one derived from the id alone (so the
 * same heading gets the same name in every build); names within the limit stay as Chromium
 * wrote them, so `report.pdf#part-2` keeps working.
 */

/** Longest PDF name, in bytes (ISO 32000-1, Annex C). */
export const MAX_NAME_BYTES = 127;

/** Bytes of the id's beginning kept, percent-encoded, in a short name. */
const PREFIX_BYTES = 48;

/** Hex digits of the id's SHA-256 in a short name (48 bits: no two ids of a report will share them). */
const HASH_DIGITS = 12;

/**
 * The short destination name of an over-long id: its beginning, percent-encoded and cut at a
 * character (at most 48 bytes), `~`, and 12 hex digits of the id's SHA-256. At most 61 bytes,
 * the same for the same id, and readable in a viewer's list of destinations.
 */
export function shortDestinationName(id: string): string {
  let prefix = '';
  for (const character of id) {
    const encoded = encodeURIComponent(character);
    if (prefix.length + encoded.length > PREFIX_BYTES) break;
    prefix += encoded;
  }
  return `${prefix}~${createHash('sha256').update(id).digest('hex').slice(0, HASH_DIGITS)}`;
}

/** What {@link shortenDestinations} changed. */
export interface DestinationStats {
  /** Named destinations in the catalog's `/Dests`. */
  destinations: number;
  /** Those renamed because their names were longer than {@link MAX_NAME_BYTES}. */
  renamed: number;
  /** Links, outline entries and actions that pointed at a renamed destination (now at its new name). */
  references: number;
}

/**
 * Rename every destination of the catalog's `/Dests` whose name is longer than
 * {@link MAX_NAME_BYTES} to {@link shortDestinationName} of its id, and every `/Dest` and
 * `/D` (link annotations, outline entries, go-to actions, direct or in an `/A` dictionary)
 * that names it. (A `/Names` → `/Dests` name tree has string keys, which may be longer: left alone.)
 */
export function shortenDestinations(document: PDFDocument): DestinationStats {
  const stats: DestinationStats = { destinations: 0, renamed: 0, references: 0 };
  const dests = document.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (!dests) return stats;
  const renames = new Map<PDFName, PDFName>();
  const taken = new Set(dests.keys().map((key) => key.decodeText()));
  for (const [key, value] of dests.entries()) {
    stats.destinations++;
    const name = key.decodeText();
    if (name.length <= MAX_NAME_BYTES) continue;
    const short = shortDestinationName(idOf(name));
    // Only a hash collision or an id written like a short name: the long name is then kept.
    if (taken.has(short)) continue;
    taken.add(short);
    const renamed = PDFName.of(short);
    renames.set(key, renamed);
    dests.delete(key);
    dests.set(renamed, value);
    stats.renamed++;
  }
  if (renames.size === 0) return stats;
  const rename = (dict: PDFDict): void => {
    for (const key of [PDFName.of('Dest'), PDFName.of('D')]) {
      const value = dict.get(key);
      const renamed = value instanceof PDFName ? renames.get(value) : undefined;
      if (renamed) {
        dict.set(key, renamed);
        stats.references++;
      }
    }
  };
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    rename(object);
    const action = object.get(PDFName.of('A'));
    if (action instanceof PDFDict) rename(action);
  }
  return stats;
}

/** The element id a destination name stands for (Chromium's percent-encoding undone, when it is one). */
export function idOf(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
