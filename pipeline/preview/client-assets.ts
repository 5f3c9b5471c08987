/**
 * report-press's own files the preview page loads, all from the preview server, never from a
 * network: the page's script (the code in `client/`, with pdf.js and CodeMirror, bundled by
 * esbuild at the first preview and cached on disk by the sources' content), pdf.js's worker and
 * the stylesheet of its text layer.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../util/project-root.ts';
import { cachedBytes, cacheKey } from '../util/disk-cache.ts';

/** One asset: its bytes and content type. */
export interface Asset {
  body: Uint8Array;
  type: string;
}

/** The assets by the name they are served under (`/assets/<name>`). */
export type Assets = ReadonlyMap<string, Asset>;

const CLIENT_DIR = path.join(PROJECT_ROOT, 'pipeline', 'preview', 'client');
const PACKAGES = ['esbuild', 'pdfjs-dist', 'codemirror', '@codemirror/view', '@codemirror/state', '@codemirror/lang-markdown', '@codemirror/lint'];

/** Load (and bundle, the first time) every asset of the preview page. */
export async function loadAssets(): Promise<Assets> {
  const pdfjs = path.join(PROJECT_ROOT, 'node_modules', 'pdfjs-dist');
  const [script, worker, viewerCss, pageCss] = await Promise.all([
    clientBundle(),
    readFile(path.join(pdfjs, 'build', 'pdf.worker.min.mjs')),
    readFile(path.join(pdfjs, 'web', 'pdf_viewer.css')),
    readFile(path.join(CLIENT_DIR, 'preview.css')),
  ]);
  return new Map([
    ['preview.js', { body: script, type: 'text/javascript; charset=utf-8' }],
    ['pdf.worker.mjs', { body: new Uint8Array(worker), type: 'text/javascript; charset=utf-8' }],
    ['pdf_viewer.css', { body: new Uint8Array(viewerCss), type: 'text/css; charset=utf-8' }],
    ['preview.css', { body: new Uint8Array(pageCss), type: 'text/css; charset=utf-8' }],
  ]);
}

/** The page's script, bundled for the browser, cached by the client sources and the packages' versions. */
async function clientBundle(): Promise<Uint8Array> {
  const parts: string[] = [];
  for (const name of (await readdir(CLIENT_DIR)).sort()) {
    const file = path.join(CLIENT_DIR, name);
    const info = await stat(file);
    parts.push(`${name}\0${info.size}\0${info.mtimeMs}`);
  }
  for (const name of PACKAGES) {
    const manifest = await readFile(path.join(PROJECT_ROOT, 'node_modules', name, 'package.json'), 'utf8').catch(() => '');
    parts.push(`${name}\0${(JSON.parse(manifest || '{}') as { version?: string }).version ?? ''}`);
  }
  return cachedBytes('preview-client', `${cacheKey('preview client v1', ...parts)}.js`, async () => {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      absWorkingDir: PROJECT_ROOT,
      entryPoints: [path.join(CLIENT_DIR, 'main.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'chrome120',
      minify: true,
      write: false,
      logLevel: 'silent',
      legalComments: 'none',
    });
    // esbuild's service process would otherwise live as long as the preview.
    await esbuild.stop();
    const output = result.outputFiles[0];
    if (!output) throw new Error('esbuild wrote no preview script');
    return output.contents;
  });
}
