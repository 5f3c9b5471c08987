/**
 * Running `press preview` in tests: the real command as a child process (its one line of output
 * is the address), raw HTTP requests to it (with any Host and path, unnormalised), and waiting
 * for what the preview page marks on `<html>` (no fixed sleeps).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import path from 'node:path';
import type { Page } from 'puppeteer-core';

const press = path.resolve(import.meta.dirname, '../../bin/press.js');

/** A running preview. */
export interface RunningPreview {
  child: ChildProcess;
  url: string;
  origin: string;
  port: number;
  token: string;
  stderr: () => string;
  /** Resolves with the exit code (or signal name) when it ends. */
  exited: Promise<number | string>;
}

/** Start `press preview` in `cwd` (with these environment variables added); resolves once it printed its address. */
export function startPreview(args: string[], cwd: string, env: Record<string, string> = {}): Promise<RunningPreview> {
  const child = spawn(process.execPath, [press, 'preview', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = /^(http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))\n/.exec(stdout);
      if (line) resolve({ child, url: line[1] ?? '', origin: `http://127.0.0.1:${line[2]}`, port: Number(line[2]), token: line[3] ?? '', stderr: () => stderr, exited });
    });
    void exited.then((code) => reject(new Error(`press preview ended (${code}) before printing its address: ${stderr}`)));
  });
}

/** The answer to a raw HTTP request. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Send a request with exactly this path and these headers (Host included), nothing normalised. */
export function rawRequest(port: number, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...options.headers }, setHost: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    sent.on('error', reject);
    sent.end(options.body);
  });
}

/** Wait until `<html data-name>` of the preview page differs from `before` (a build number), and return it. */
export async function waitForMark(page: Page, name: 'web' | 'pdf' | 'map' | 'builds', before: string | undefined, timeout = 60_000): Promise<string> {
  const handle = await page.waitForFunction(
    (key: string, old: string | null) => {
      const value = document.documentElement.dataset[key];
      return value !== undefined && value !== old ? value : false;
    },
    { timeout, polling: 'mutation' },
    name,
    before ?? null,
  );
  return String(await handle.jsonValue());
}

/** The current mark `<html data-name>`. */
export function mark(page: Page, name: string): Promise<string | undefined> {
  return page.evaluate((key: string) => document.documentElement.dataset[key], name);
}

/** The web edition's text (inside the frame). */
export function webText(page: Page): Promise<string> {
  return page.evaluate(() => (document.getElementById('web') as HTMLIFrameElement).contentDocument?.body.textContent ?? '');
}

/** The text of the print pages' pdf.js text layers. */
export function printText(page: Page): Promise<string> {
  return page.evaluate(() => [...document.querySelectorAll('.textLayer')].map((layer) => layer.textContent ?? '').join('\n'));
}
