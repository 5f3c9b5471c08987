/**
 * The preview's HTTP server (node:http), bound to 127.0.0.1 only. Every request must name the
 * exact `Host` the preview printed (`127.0.0.1:<port>`: a DNS-rebinding page names its own
 * host) and carry the access token (in the query, the `X-Press-Token` header, or the cookie the
 * first page load sets); writes must also come from the page's own origin as JSON. It serves the
 * preview page and report-press's assets, the last good web page at `/doc/`, the files of the
 * document's folder under it (see `serve-folder.ts`), server-sent events of the build's state,
 * the print as PDF and its page map, and — with `--edit` only — the source, read and saved.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Assets } from './client-assets.ts';
import { contentTypeOf, resolveInFolder } from './serve-folder.ts';
import { pageOfLine } from './page-map.ts';
import { readSourceText, saveSourceText } from './save-source.ts';
import type { PreviewSession, PreviewState } from './session.ts';
import { previewPage } from './ui-page.ts';

/** What the server serves and allows. */
export interface PreviewServerOptions {
  /** The source file (as given) and the folder served. */
  source: string;
  session: PreviewSession;
  assets: Assets;
  token: string;
  /** `--edit`: the page may read and save the source. */
  edit: boolean;
  /** `--editor`: the page may ask to open a place in the user's editor. */
  openInEditor?: (file: string, line: number, column: number) => Promise<void>;
}

/** Content-Security-Policy of the preview page: its own script, styles and worker, nothing inline. */
export const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'report-sample'",
  "img-src 'self' data: blob:",
  "font-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Content-Security-Policy of the web page (in the preview's frame): its inline styles and data: images, no script. */
export const WEB_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data: 'self'; font-src data: 'self'; media-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/** Content-Security-Policy of a file of the document's folder: sandboxed, nothing runs. */
export const FILE_POLICY = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'";

/** Largest body of a request (a saved source), bytes. */
const MAX_BODY = 20 * 1024 * 1024;

/** A running preview server. */
export interface PreviewServer {
  server: Server;
  port: number;
  /** The address printed (with the token). */
  url: string;
  /** Tell every open page the new state. */
  broadcast(state: PreviewState): void;
  /** Close the server and every open connection. */
  close(): Promise<void>;
}

/** Start the server on 127.0.0.1 (`port` 0: any free port). */
export async function startPreviewServer(options: PreviewServerOptions, port: number): Promise<PreviewServer> {
  const streams = new Set<ServerResponse>();
  let listening = 0;
  const server = createServer((request, response) => {
    handle(request, response, options, listening, streams).catch((failure: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', `press preview: ${failure instanceof Error ? failure.message : String(failure)}`);
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  listening = typeof address === 'object' && address !== null ? address.port : port;
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': keep-alive\n\n');
  }, 15_000);
  heartbeat.unref();
  return {
    server,
    port: listening,
    url: `http://127.0.0.1:${listening}/?token=${options.token}`,
    broadcast(state) {
      const event = `event: state\ndata: ${JSON.stringify(state)}\n\n`;
      for (const stream of streams) stream.write(event);
    },
    async close() {
      clearInterval(heartbeat);
      for (const stream of streams) stream.end();
      streams.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Why a request is refused before it is looked at: wrong host, no token, a write from elsewhere. */
export function refusal(request: IncomingMessage, url: URL, token: string, port: number): string | undefined {
  if (request.headers.host !== `127.0.0.1:${port}`) return 'wrong Host (the preview answers only to the address it printed)';
  const given = url.searchParams.get('token') ?? headerValue(request.headers['x-press-token']) ?? cookieValue(request.headers.cookie, cookieName(port));
  if (given === undefined || !sameToken(given, token)) return 'wrong or missing access token';
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}`) return 'a write from another origin';
    if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) return 'a write must be JSON';
  }
  return undefined;
}

/** The cookie that carries the token after the first load (one per port: cookies ignore ports). */
export function cookieName(port: number): string {
  return `press-preview-${port}`;
}

async function handle(request: IncomingMessage, response: ServerResponse, options: PreviewServerOptions, port: number, streams: Set<ServerResponse>): Promise<void> {
  const raw = request.url ?? '/';
  // The path is taken as sent (not normalised), so that `..` and its encodings are seen and refused.
  const rawPath = raw.split('?')[0] ?? '/';
  const url = new URL(raw.startsWith('/') ? raw : `/${raw}`, `http://127.0.0.1:${port}`);
  const refused = refusal(request, url, options.token, port);
  if (refused !== undefined) return send(response, 403, 'text/plain; charset=utf-8', `press preview: refused: ${refused}\n`);
  const method = request.method ?? 'GET';
  const get = method === 'GET' || method === 'HEAD';
  const { session } = options;
  if (rawPath === '/') {
    if (!get) return notAllowed(response);
    response.setHeader('Set-Cookie', `${cookieName(port)}=${options.token}; Path=/; HttpOnly; SameSite=Strict`);
    // CodeMirror writes its styles into <style> elements: allowed by this load's nonce only.
    const nonce = randomBytes(16).toString('base64');
    const policy = PAGE_POLICY.replace("style-src 'self'", `style-src 'self' 'nonce-${nonce}'`);
    return send(response, 200, 'text/html; charset=utf-8', previewPage({ source: path.basename(options.source), edit: options.edit, editor: options.openInEditor !== undefined, styleNonce: nonce }), policy);
  }
  if (rawPath === '/favicon.ico') return send(response, 204, 'image/x-icon', '');
  if (rawPath.startsWith('/assets/')) {
    const asset = get ? options.assets.get(rawPath.slice('/assets/'.length)) : undefined;
    if (!get) return notAllowed(response);
    if (!asset) return send(response, 404, 'text/plain; charset=utf-8', 'not found\n');
    return send(response, 200, asset.type, asset.body, PAGE_POLICY);
  }
  if (rawPath === '/events') {
    if (!get) return notAllowed(response);
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', Connection: 'keep-alive' });
    response.write(`retry: 500\nevent: state\ndata: ${JSON.stringify(session.current())}\n\n`);
    streams.add(response);
    request.on('close', () => streams.delete(response));
    return;
  }
  if (rawPath === '/doc/') {
    if (!get) return notAllowed(response);
    const html = session.webPage();
    if (html === undefined) return send(response, 503, 'text/html; charset=utf-8', '<!doctype html><title>Building</title><p>Building…</p>', WEB_POLICY);
    response.setHeader('X-Press-Build', String(session.current().web ?? 0));
    send(response, 200, 'text/html; charset=utf-8', html, WEB_POLICY);
    return;
  }
  if (rawPath.startsWith('/doc/')) {
    if (!get) return notAllowed(response);
    const found = await resolveInFolder(path.dirname(path.resolve(options.source)), rawPath.slice('/doc/'.length));
    if ('kind' in found) return send(response, found.kind === 'refused' ? 403 : 404, 'text/plain; charset=utf-8', `press preview: ${found.kind === 'refused' ? 'refused' : 'not found'}: ${found.reason}\n`);
    return send(response, 200, contentTypeOf(found.file), await readFile(found.file), FILE_POLICY);
  }
  if (rawPath === '/api/web-shown') {
    // The page shows the web page of this build: its print may start (it waited, so as not to
    // take the machine from the page while the page lays the web edition out).
    if (method !== 'POST') return notAllowed(response);
    const build = Number((await jsonBody(request))['build']);
    if (!Number.isInteger(build) || build < 1) return json(response, 400, { error: 'build must be a whole number from 1' });
    session.webShown(build);
    return json(response, 200, { build });
  }
  if (rawPath === '/api/state') return get ? json(response, 200, session.current()) : notAllowed(response);
  if (rawPath === '/api/pdf') {
    if (!get) return notAllowed(response);
    const pdf = session.pdf();
    if (!pdf) return send(response, 404, 'text/plain; charset=utf-8', 'no print yet\n');
    return send(response, 200, 'application/pdf', pdf);
  }
  if (rawPath === '/api/map') {
    if (!get) return notAllowed(response);
    const map = session.map();
    return map ? json(response, 200, { build: session.current().map, ...map }) : json(response, 404, { error: 'no page map yet' });
  }
  if (rawPath === '/api/page') {
    if (!get) return notAllowed(response);
    const line = Number(url.searchParams.get('line'));
    if (!Number.isInteger(line) || line < 1) return json(response, 400, { error: 'line must be a whole number from 1' });
    const map = session.map();
    if (!map) return json(response, 404, { error: 'no page map yet (the print is being made)' });
    return json(response, 200, { line, page: pageOfLine(map, line) ?? null, pages: map.pages });
  }
  if (rawPath === '/api/source') return sourceRoute(request, response, options, method);
  if (rawPath === '/api/open') {
    if (method !== 'POST') return notAllowed(response);
    if (!options.openInEditor) return json(response, 404, { error: 'no --editor was given' });
    const body = await jsonBody(request);
    const line = Number(body['line'] ?? 1);
    const column = Number(body['column'] ?? 1);
    const file = await allowedToOpen(options.source, typeof body['file'] === 'string' ? body['file'] : options.source);
    if (file === undefined) return json(response, 403, { error: 'only files of the document folder are opened' });
    if (!Number.isInteger(line) || line < 1 || !Number.isInteger(column) || column < 1) return json(response, 400, { error: 'line and column must be whole numbers from 1' });
    await options.openInEditor(file, line, column);
    return json(response, 200, { opened: `${file}:${line}:${column}` });
  }
  return send(response, 404, 'text/plain; charset=utf-8', 'not found\n');
}

/** `/api/source`: read (GET) and save (POST) the source, only with `--edit`. */
async function sourceRoute(request: IncomingMessage, response: ServerResponse, options: PreviewServerOptions, method: string): Promise<void> {
  if (!options.edit) return json(response, 403, { error: 'the preview was started without --edit: it writes nothing' });
  if (method === 'GET' || method === 'HEAD') return json(response, 200, await readSourceText(options.source));
  if (method !== 'POST') return notAllowed(response);
  const body = await jsonBody(request);
  const { text, version } = body;
  if (body['path'] !== undefined && (typeof body['path'] !== 'string' || (await realpath(path.resolve(path.dirname(options.source), body['path'])).catch(() => '')) !== (await realpath(options.source)))) {
    return json(response, 403, { error: 'only the source file is written' });
  }
  if (typeof text !== 'string' || typeof version !== 'string') return json(response, 400, { error: 'text and version are needed' });
  const outcome = await saveSourceText(options.source, text, version);
  if (outcome.saved) return json(response, 200, { version: outcome.version });
  return json(response, 409, { error: 'the file changed on disk since it was loaded; nothing was written', disk: outcome.disk, yours: text });
}

/** A file the editor may be asked to open: the source, or a file inside its folder (real paths). */
async function allowedToOpen(source: string, file: string): Promise<string | undefined> {
  try {
    const folder = await realpath(path.dirname(path.resolve(source)));
    const real = await realpath(path.resolve(path.dirname(path.resolve(source)), file));
    const relative = path.relative(folder, real);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? real : undefined;
  } catch {
    return undefined;
  }
}

async function jsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  const data: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

function send(response: ServerResponse, status: number, type: string, body: string | Uint8Array, policy?: string): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...(policy ? { 'Content-Security-Policy': policy } : { 'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'" }),
  });
  response.end(body);
}

function json(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function notAllowed(response: ServerResponse): void {
  send(response, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
