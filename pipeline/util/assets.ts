import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { imageSize } from 'image-size';
import type { RuleArgs } from './catalogue/catalogue.ts';
import { isInside } from '../render/pdf/local-files.ts';
import { fetchRemoteImage, REMOTE_IMAGE_TIMEOUT_MS } from './remote-image.ts';

/** An image the document may use: its bytes, type and pixel size. */
export interface LoadedImage {
  bytes: Uint8Array;
  /** Image type as image-size names it: png, jpg, gif, svg, webp, bmp… */
  type: string;
  width: number;
  height: number;
  /** The local file it was read from (the path as written, resolved); absent for a network image. */
  file?: string;
}

type ImageRule = 'image-remote' | 'image-outside' | 'image-missing' | 'image-too-large' | 'image-invalid' | 'image-fetch-failed';

/** Why an image cannot be used: the rule it breaks and its message's arguments. */
export type ImageProblem = { [R in ImageRule]: { rule: R; args: RuleArgs<R> } }[ImageRule];

/** The outcome of resolving an image URL against the document's folder. */
export type ImageLookup = { ok: true; image: LoadedImage } | { ok: false; problem: ImageProblem };

function refused(problem: ImageProblem): ImageLookup {
  return { ok: false, problem };
}

/** Largest image file report-press reads (bytes). */
export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;

/**
 * Largest raster image report-press accepts, in megapixels. A file small on disk may decode to
 * gigabytes (a 20000 × 20000 PNG of one colour is 50 KB and 1.6 GB decoded); a full A4 page at
 * 300 dpi needs about 9 megapixels, an A3 poster at 300 dpi about 17.
 */
export const MAX_IMAGE_MEGAPIXELS = 50;

/** How images named in the source may be loaded. */
export interface LoadImageOptions {
  /** Fetch `http:` and `https:` images at build time (within {@link MAX_IMAGE_BYTES} and a time limit). */
  allowRemote?: boolean;
  /** Time allowed for fetching one network image (ms). Default {@link REMOTE_IMAGE_TIMEOUT_MS}. */
  remoteTimeoutMs?: number;
}

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
 * folder (after following symbolic links) are read; `file:` URLs, other schemes and absolute
 * paths are refused with a reason. Network URLs are refused too, never fetched, unless
 * `options.allowRemote` is set: then they are fetched here, in Node, within the size and time
 * limits. Every image must then be one of the supported types, complete, and at most
 * {@link MAX_IMAGE_MEGAPIXELS} if it is a raster image.
 */
export async function loadImage(url: string, baseDir: string, options: LoadImageOptions = {}): Promise<ImageLookup> {
  // `//host/path` names a host, not a file: a network image fetched as https if at all.
  if (/^\/\/[^/]/.test(url)) {
    return options.allowRemote === true ? loadRemoteImage(`https:${url}`, options.remoteTimeoutMs ?? REMOTE_IMAGE_TIMEOUT_MS) : refused({ rule: 'image-remote', args: { url } });
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[a-z]:[\\/]/i.test(url)) {
    const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
    if (scheme === 'http' || scheme === 'https') {
      return options.allowRemote === true ? loadRemoteImage(url, options.remoteTimeoutMs ?? REMOTE_IMAGE_TIMEOUT_MS) : refused({ rule: 'image-remote', args: { url } });
    }
    return refused({ rule: 'image-outside', args: { kind: 'scheme', scheme } });
  }
  let relative: string;
  try {
    relative = decodeURIComponent(url.split(/[?#]/)[0] ?? '');
  } catch {
    relative = url;
  }
  if (relative === '') return refused({ rule: 'image-missing', args: { url, kind: 'empty' } });
  if (path.isAbsolute(relative) || /^[a-z]:[\\/]/i.test(relative)) {
    return refused({ rule: 'image-outside', args: { kind: 'absolute', url } });
  }
  const root = await realpath(baseDir);
  const candidate = path.resolve(root, relative);
  if (!isInside(root, candidate)) {
    return refused({ rule: 'image-outside', args: { kind: 'leaves', url } });
  }
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    return refused({ rule: 'image-missing', args: { url, kind: 'absent' } });
  }
  if (!isInside(root, real)) {
    return refused({ rule: 'image-outside', args: { kind: 'symlink', url } });
  }
  const info = await stat(real);
  if (!info.isFile()) return refused({ rule: 'image-missing', args: { url, kind: 'not-file' } });
  if (info.size > MAX_IMAGE_BYTES) {
    return refused(tooManyBytes(url, info.size));
  }
  const inspected = inspectImage(url, new Uint8Array(await readFile(real)));
  return inspected.ok ? { ok: true, image: { ...inspected.image, file: candidate } } : inspected;
}

async function loadRemoteImage(url: string, timeoutMs: number): Promise<ImageLookup> {
  const fetched = await fetchRemoteImage(url, { maxBytes: MAX_IMAGE_BYTES, timeoutMs });
  if (fetched.ok) return inspectImage(url, fetched.bytes);
  return refused(fetched.tooLarge ? tooManyBytes(url, fetched.bytes) : { rule: 'image-fetch-failed', args: { url, reason: fetched.reason } });
}

function tooManyBytes(url: string, bytes: number): ImageProblem {
  return { rule: 'image-too-large', args: { kind: 'bytes', url, megabytes: (bytes / 1048576).toFixed(1), limit: MAX_IMAGE_BYTES / 1048576 } };
}

/**
 * Check an image's bytes before any renderer sees them: a supported type with a size in its
 * header, at most {@link MAX_IMAGE_MEGAPIXELS} for a raster image (read from the header, never
 * by decoding), and not cut short.
 */
function inspectImage(url: string, bytes: Uint8Array): ImageLookup {
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    return refused({ rule: 'image-invalid', args: { url, damaged: undefined } });
  }
  const { type, width, height } = size;
  if (!type || !(type in MIME) || !width || !height) return refused({ rule: 'image-invalid', args: { url, damaged: undefined } });
  if (type !== 'svg' && width * height > MAX_IMAGE_MEGAPIXELS * 1e6) {
    return refused({ rule: 'image-too-large', args: { kind: 'pixels', url, width, height, limit: MAX_IMAGE_MEGAPIXELS } });
  }
  if (!isComplete(bytes, type)) return refused({ rule: 'image-invalid', args: { url, damaged: type.toUpperCase() } });
  return { ok: true, image: { bytes, type, width, height } };
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

