import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TINY_PNG } from '../helpers/report.ts';

/** One request the test server received. */
export interface ReceivedRequest {
  path: string;
  userAgent: string;
}

/** A real HTTP server on 127.0.0.1 that records every request it gets. */
export interface RecordingServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `127.0.0.1:<port>` */
  host: string;
  requests: ReceivedRequest[];
  close: () => Promise<void>;
}

/**
 * Answers of the test server, by path: `/missing.png` is a 404, `/huge.png` announces 30 MB,
 * `/hang.png` never answers, any other path gets a valid 2 × 2 PNG (so that a leak would succeed,
 * not fail quietly).
 */
function answer(request: IncomingMessage, response: ServerResponse): void {
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  if (path === '/missing.png') {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('no');
  } else if (path === '/huge.png') {
    response.writeHead(200, { 'content-type': 'image/png', 'content-length': String(30 * 1024 * 1024) });
    response.write(TINY_PNG);
  } else if (path === '/hang.png') {
    // never answered
  } else {
    response.writeHead(200, { 'content-type': 'image/png', 'content-length': String(TINY_PNG.length) }).end(TINY_PNG);
  }
}

/** Start a {@link RecordingServer} on a free port. */
export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    requests.push({ path: request.url ?? '', userAgent: request.headers['user-agent'] ?? '' });
    answer(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
