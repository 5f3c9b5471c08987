import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/documents.ts';
import { processes, startPress, stopStartedPresses, type ProcessInfo } from './support.ts';

/**
 * The processes of a build's browser, as `/proc` lists them while `press build` prints the
 * sample: the browser, its zygotes, the GPU process (software compositing), renderers, and the
 * network, storage and print-compositor services. Nothing else: no on-device-model service, no
 * spare renderer kept warm for a navigation that never comes (the build opens its pages
 * itself). Measured before the launch flags said so: six renderers for the sample's one page.
 */
const EXPECTED = new Set([
  'browser',
  'zygote',
  'gpu-process',
  'renderer',
  'utility network.mojom.NetworkService',
  'utility storage.mojom.StorageService',
  'utility printing.mojom.PrintCompositor',
]);

/** A process's kind: `--type` and `--utility-sub-type` (a forked process rewrites its command line as one string). */
function kindOf(info: ProcessInfo): string | undefined {
  const line = info.args.join(' ');
  if (line === '') return undefined; // forked a moment ago, its command line not yet there
  const type = /--type=(\S+)/.exec(line)?.[1];
  if (type === undefined) return 'browser';
  const subType = /--utility-sub-type=(\S+)/.exec(line)?.[1];
  return subType === undefined ? type : `${type} ${subType}`;
}

const folders: string[] = [];

afterAll(async () => {
  stopStartedPresses();
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the browser of a build', { timeout: 180_000 }, () => {
  it('starts the processes a print needs and no others', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'press-helpers-'));
    folders.push(out);
    const running = startPress(['build', path.join(ROOT, 'source/report.md'), '--out', out, '--format', 'pdf', '--force'], ROOT);
    const pressPid = running.child.pid ?? -1;
    let ended = false;
    void running.done.then(() => (ended = true));
    let browser: ProcessInfo | undefined;
    const seen = new Map<string, Set<number>>();
    while (!ended) {
      const all = await processes();
      browser ??= all.find((info) => info.ppid === pressPid && info.state !== 'Z' && info.args.some((arg) => arg.startsWith('--user-data-dir=')));
      if (browser) {
        for (const info of all) {
          if (info.pgrp !== browser.pid || info.state === 'Z') continue;
          const kind = kindOf(info);
          if (kind !== undefined) seen.set(kind, (seen.get(kind) ?? new Set()).add(info.pid));
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const outcome = await running.done;
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(browser, 'the build started a browser').toBeDefined();
    console.log('processes of the build’s browser:', [...seen].map(([kind, pids]) => `${kind} ×${pids.size}`).join(', '));
    expect([...seen.keys()].filter((kind) => !EXPECTED.has(kind))).toEqual([]);
    // The page the browser opens with, the print page's context and its site: no spare.
    expect(seen.get('renderer')?.size ?? 0).toBeLessThanOrEqual(4);
    // Chromium launches its on-device-model service three minutes after it starts (longer than
    // this build; measured in a browser left open, see NO_ON_DEVICE_MODEL_ARGS) unless told the
    // machine's performance class: the browser of a build is.
    expect(browser?.args).toContain('--optimization-guide-performance-class=9');
  });
});
