/**
 * Images: each package part read once, written under a safe, unique file name (the picture's
 * own name when our writer gave it one with the same extension, else the part's name), never a
 * path: no folder, no `..`, no leading dot.
 */
import path from 'node:path/posix';
import type { ReadContext } from './context.ts';

const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'bmp', 'tif', 'tiff', 'svg', 'webp', 'emf', 'wmf']);

/** A file name made safe: letters, digits, `-`, `_` and `.` only, no leading dot, at most 100 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^\p{L}\p{N}._-]/gu, '_').replace(/^[._]+/, '').slice(-100);
  return cleaned === '' ? 'image' : cleaned;
}

/**
 * The media file name for a package part (adding its bytes to the media once), or undefined when
 * the part is missing. `preferred` is the picture's name in the document (`wp:docPr/@name`).
 */
export function mediaFile(context: ReadContext, part: string, preferred: string | undefined): string | undefined {
  const known = context.mediaNames.get(part);
  if (known !== undefined) return known;
  const bytes = context.parts.get(part);
  if (bytes === undefined) return undefined;
  const extension = path.extname(part).slice(1).toLowerCase();
  const wanted = preferred !== undefined && path.extname(preferred).slice(1).toLowerCase() === extension && IMAGE_EXTENSIONS.has(extension) ? preferred : path.basename(part);
  const safe = safeFileName(wanted);
  let name = safe;
  const dot = safe.lastIndexOf('.');
  for (let counter = 2; context.media.has(name); counter++) name = dot > 0 ? `${safe.slice(0, dot)}-${counter}${safe.slice(dot)}` : `${safe}-${counter}`;
  context.media.set(name, bytes);
  context.mediaNames.set(part, name);
  return name;
}

/** The URL of a media file in the Markdown: the media folder and the name, each segment encoded where Markdown needs it. */
export function mediaUrl(folder: string, name: string): string {
  return `${encodeURI(folder)}/${encodeURI(name)}`;
}
