/**
 * The source stamp a report-press Word file carries, shared by the writer (`press build`) and
 * the readers (`press review`, `press import`): a custom document property naming the Markdown
 * source and the SHA-256 of its text. Custom properties survive editing in Word, WPS and
 * LibreOffice (they are the document's own user-defined properties), so an edited copy still
 * tells which edition of the source it was built from.
 *
 *   ReportPress-Source = "report.md sha256:9f86d08…"
 */
import { createHash } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';

/** Name of the custom document property holding the stamp. */
export const SOURCE_STAMP_PROPERTY = 'ReportPress-Source';

/** Which source a Word file was built from. */
export interface SourceStamp {
  /** File name of the source (`report.md`). */
  name: string;
  /** Hex SHA-256 of the source text as parsed (UTF-16 text encoded as UTF-8, no byte-order mark). */
  sha256: string;
}

/** The stamp of a source text. */
export function stampOf(name: string, text: string): SourceStamp {
  return { name, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}

/** The property value that records a stamp. */
export function formatStamp(stamp: SourceStamp): string {
  return `${stamp.name} sha256:${stamp.sha256}`;
}

/** Read the stamp from a `docProps/custom.xml` part, if it holds one. */
export function readStamp(customXml: string | undefined): SourceStamp | undefined {
  if (customXml === undefined || /<!DOCTYPE/i.test(customXml)) return undefined;
  const document = new DOMParser({ onError: () => undefined }).parseFromString(customXml, 'text/xml');
  const properties = document.getElementsByTagName('property');
  for (let index = 0; index < properties.length; index++) {
    const property = properties.item(index);
    if (property?.getAttribute('name') !== SOURCE_STAMP_PROPERTY) continue;
    const match = /^(.*) sha256:([0-9a-f]{64})$/.exec((property.textContent ?? '').trim());
    if (match?.[1] !== undefined && match[2] !== undefined) return { name: match[1], sha256: match[2] };
  }
  return undefined;
}
