/** Limits of fetching one network image at build time (`--allow-remote-images`). */
export interface RemoteImageLimits {
  /** Largest body accepted (bytes); a larger one is abandoned as soon as it is known. */
  maxBytes: number;
  /** Time allowed for the whole fetch, body included (ms). */
  timeoutMs: number;
}

/** Default time allowed for fetching one network image (ms). */
export const REMOTE_IMAGE_TIMEOUT_MS = 20_000;

/** What fetching a network image gave: its bytes, or why there are none. */
export type RemoteImage = { ok: true; bytes: Uint8Array } | { ok: false; tooLarge: true; bytes: number } | { ok: false; tooLarge: false; reason: string };

/**
 * Fetch an `http:` or `https:` image in Node, never in the browser: at most `maxBytes`, within
 * `timeoutMs` for everything (redirects and body included). Redirects are followed only to
 * `http:` and `https:` URLs (the fetch standard's rule). Never throws.
 */
export async function fetchRemoteImage(url: string, limits: RemoteImageLimits): Promise<RemoteImage> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(limits.timeoutMs), headers: { accept: 'image/*' }, redirect: 'follow' });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, tooLarge: false, reason: `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > limits.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, tooLarge: true, bytes: declared };
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > limits.maxBytes) {
          await reader.cancel().catch(() => undefined);
          return { ok: false, tooLarge: true, bytes: total };
        }
        chunks.push(value);
      }
    }
    return { ok: true, bytes: Buffer.concat(chunks) };
  } catch (failure) {
    return { ok: false, tooLarge: false, reason: describeFailure(failure, limits.timeoutMs) };
  }
}

/** A fetch failure in a few words: a timeout, or the network error's code (ECONNREFUSED, ENOTFOUND…). */
function describeFailure(failure: unknown, timeoutMs: number): string {
  if (failure instanceof Error && (failure.name === 'TimeoutError' || failure.name === 'AbortError')) return `no complete answer within ${timeoutMs / 1000} s`;
  const cause = failure instanceof Error ? failure.cause : undefined;
  if (cause instanceof Error) return 'code' in cause && typeof cause.code === 'string' ? `${cause.code}: ${cause.message}` : cause.message;
  return failure instanceof Error ? failure.message : String(failure);
}
