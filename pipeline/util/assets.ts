import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { imageSize } from 'image-size';

/** An image the document may use: its bytes, type and pixel size. */
export interface LoadedImage {
  bytes: Uint8Array;
  /** Image type as image-size names it: png, jpg, gif, svg, webp, bmp… */
  type: string;
  width: number;
  height: number;
}

/** The outcome of resolving an image URL against the document's folder. */
export type ImageLookup = { ok: true; image: LoadedImage } | { ok: false; reason: string; ruleId: string };

/** Largest image file report-press reads (bytes). */
export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;

const MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
  bmp: 'image/bmp',
};

/** MIME type of a loaded image. */
export function mimeType(image: LoadedImage): string {
  return MIME[image.type] ?? 'application/octet-stream';
}

/**
 * Load an image named in the source. Only relative paths that stay inside the document's
 * folder (after following symbolic links) are read; network URLs, `file:` URLs and absolute
 * paths are refused with a reason, never fetched.
 */
export async function loadImage(url: string, baseDir: string): Promise<ImageLookup> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[a-z]:[\\/]/i.test(url)) {
    const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
    if (scheme === 'http' || scheme === 'https') {
      return { ok: false, reason: `Image ${url} is on the network and is not fetched; copy it beside the source`, ruleId: 'image-remote' };
    }
    return { ok: false, reason: `Image URL scheme \`${scheme}:\` is not allowed; use a path relative to the source`, ruleId: 'image-outside' };
  }
  let relative: string;
  try {
    relative = decodeURIComponent(url.split(/[?#]/)[0] ?? '');
  } catch {
    relative = url;
  }
  if (relative === '') return { ok: false, reason: 'Image has an empty path', ruleId: 'image-missing' };
  if (path.isAbsolute(relative) || /^[a-z]:[\\/]/i.test(relative)) {
    return { ok: false, reason: `Image path ${url} is absolute; use a path relative to the source`, ruleId: 'image-outside' };
  }
  const root = await realpath(baseDir);
  const candidate = path.resolve(root, relative);
  if (!isInside(root, candidate)) {
    return { ok: false, reason: `Image path ${url} leaves the document's folder`, ruleId: 'image-outside' };
  }
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    return { ok: false, reason: `Image file ${url} does not exist`, ruleId: 'image-missing' };
  }
  if (!isInside(root, real)) {
    return { ok: false, reason: `Image path ${url} is a link that leaves the document's folder`, ruleId: 'image-outside' };
  }
  const info = await stat(real);
  if (!info.isFile()) return { ok: false, reason: `Image path ${url} is not a file`, ruleId: 'image-missing' };
  if (info.size > MAX_IMAGE_BYTES) {
    return { ok: false, reason: `Image ${url} is ${(info.size / 1048576).toFixed(1)} MB, over the ${MAX_IMAGE_BYTES / 1048576} MB limit`, ruleId: 'image-too-large' };
  }
  const bytes = new Uint8Array(await readFile(real));
  try {
    const size = imageSize(bytes);
    if (!size.type || !size.width || !size.height) throw new Error('no size');
    if (!isComplete(bytes, size.type)) {
      return { ok: false, reason: `Image ${url} is truncated or damaged (its ${size.type.toUpperCase()} data does not end properly)`, ruleId: 'image-invalid' };
    }
    return { ok: true, image: { bytes, type: size.type, width: size.width, height: size.height } };
  } catch {
    return { ok: false, reason: `File ${url} is not an image report-press can read (PNG, JPEG, GIF, SVG, WebP, BMP)`, ruleId: 'image-invalid' };
  }
}

/**
 * A cheap integrity check where the format has an end marker: PNG ends with its IEND chunk,
 * JPEG with EOI (FF D9, possibly followed by padding), GIF with its trailer (3B).
 */
function isComplete(bytes: Uint8Array, type: string): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 64));
  const has = (sequence: number[]) => tail.some((_, index) => sequence.every((value, offset) => tail[index + offset] === value));
  if (type === 'png') return has([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
  if (type === 'jpg') return has([0xff, 0xd9]);
  if (type === 'gif') return tail.includes(0x3b);
  return true;
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
