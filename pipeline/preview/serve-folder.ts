/**
 * The document's folder as `press preview` serves it: a file inside the folder, named by a URL
 * path, after every check — no `..` or `.` segment (also percent-encoded), no encoded slash or
 * backslash, no NUL, no hidden file or folder, the real path (symbolic links followed) still
 * inside the folder's real path, and a regular file: folders are never listed.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { IMAGE_TYPES } from '../util/content-types.ts';

/** Why a path of the folder is not served: `refused` (it tries to leave the folder, or hides), `missing`. */
export type FolderRefusal = { kind: 'refused' | 'missing'; reason: string };

/** Content types by extension; anything else is served as bytes (`nosniff`). */
const TYPES: Readonly<Record<string, string>> = {
  ...IMAGE_TYPES,
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.markdown': 'text/plain; charset=utf-8',
  '.yaml': 'text/plain; charset=utf-8',
  '.yml': 'text/plain; charset=utf-8',
  '.bib': 'text/plain; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

/** The content type a served file is sent with. */
export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file `rawPath` (the URL path below the folder's prefix, still percent-encoded) names
 * inside `root`, or why it is not served.
 */
export async function resolveInFolder(root: string, rawPath: string): Promise<{ file: string } | FolderRefusal> {
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'refused', reason: 'malformed percent-encoding' };
    }
    if (segment === '' && raw === '') continue;
    if (segment === '.' || segment === '..') return { kind: 'refused', reason: 'a . or .. segment' };
    if (/[/\\\0]/.test(segment)) return { kind: 'refused', reason: 'an encoded slash, backslash or NUL' };
    if (segment.startsWith('.')) return { kind: 'refused', reason: 'a hidden file or folder' };
    segments.push(segment);
  }
  if (segments.length === 0) return { kind: 'refused', reason: 'a folder is never listed' };
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return { kind: 'missing', reason: 'the document folder is gone' };
  }
  let real: string;
  try {
    real = await realpath(path.join(realRoot, ...segments));
  } catch {
    return { kind: 'missing', reason: 'no such file' };
  }
  const relative = path.relative(realRoot, real);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { kind: 'refused', reason: 'the path leads out of the document folder' };
  try {
    if (!(await stat(real)).isFile()) return { kind: 'refused', reason: 'not a regular file (folders are never listed)' };
  } catch {
    return { kind: 'missing', reason: 'no such file' };
  }
  return { file: real };
}
