import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { readRegularFile } from '../util/read-regular-file.ts';

/** The SHA-256 of some bytes, as lowercase hex. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The SHA-256 of a file's bytes, or null when it is no regular file or cannot be read (absent, a
 * folder, no permission). A named pipe or a device is never opened: reading one blocks or never ends.
 */
export async function fileHash(file: string): Promise<string | null> {
  try {
    return sha256(await readRegularFile(file));
  } catch {
    return null;
  }
}

/**
 * A file's identity without reading it, for large files that change only when replaced (fonts,
 * the browser): `<size>:<mtime ms>`, or null when it cannot be found.
 */
export async function fileStamp(file: string): Promise<string | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? `${info.size}:${Math.trunc(info.mtimeMs)}` : null;
  } catch {
    return null;
  }
}
