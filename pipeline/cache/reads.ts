import type { VFile } from 'vfile';

declare module 'vfile' {
  interface DataMap {
    /**
     * Files other than the source a build read (or looked for and did not find), by absolute
     * path, each with the SHA-256 of the bytes used when known (else hashed when the
     * fingerprint is written); see `pipeline/cache/`.
     */
    reads: globalThis.Map<string, string | undefined>;
    /** The build used something that cannot be fingerprinted (a network image): never skip it. */
    unrepeatable: boolean;
  }
}

/** Note that a build of `file` read `path` (the hash of the bytes it used, when known). */
export function noteRead(file: VFile, path: string, hash?: string): void {
  const reads = (file.data.reads ??= new Map());
  if (hash !== undefined || !reads.has(path)) reads.set(path, hash);
}

/** Note that a build of `file` used something it cannot fingerprint (a network image). */
export function noteUnrepeatable(file: VFile): void {
  file.data.unrepeatable = true;
}
