/**
 * Skip what has not changed: the two calls a command makes around a build.
 *
 *   const check = await checkFingerprint(options, { force });
 *   if (check.upToDate) … print check.fingerprint.messages and say so; no build
 *   const result = await build(options);
 *   await recordFingerprint(check, options, result);
 *
 * The fingerprint (`<out>/.report-press/<name>.json`, see fingerprint.ts) is written only after
 * a successful build's outputs are in place, and trusted only when everything it lists is as it
 * says: report-press's version and code, the source, the options, the environment, the browser,
 * the fonts, the templates, the configuration file, every other file the build read, and the
 * SHA-256 of each output on disk. A missing, unreadable or malformed fingerprint means "build".
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BuildResult } from '../build.ts';
import { OutputBatch } from '../util/atomic-write.ts';
import { messageLines } from '../util/messages.ts';
import { computeKey, fingerprintPath, outputNames, parseFingerprint, type Fingerprint, type FingerprintKey, type FingerprintOptions } from './fingerprint.ts';
import { fileHash } from './hash.ts';

/** What {@link checkFingerprint} found. */
export type FingerprintCheck =
  | {
      upToDate: true;
      /** The stored fingerprint: its `messages` are what the build printed. */
      fingerprint: Fingerprint;
      /** The outputs, as paths under the output folder. */
      outputs: string[];
    }
  | {
      upToDate: false;
      /** Why the build must run (for diagnostics and tests). */
      reason: string;
      /** The key of this build, taken before it runs (undefined when it could not be computed: nothing is recorded). */
      key: FingerprintKey | undefined;
    };

/** Options of {@link checkFingerprint}. */
export interface CheckOptions {
  /** Build whatever the fingerprint says (`--force`); the new fingerprint is still recorded. */
  force?: boolean;
  /** The environment the build reads (`PRESS_FONT_*`, SOURCE_DATE_EPOCH, the browser settings). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Whether the build of `options` is up to date: a fingerprint is stored beside its outputs and
 * everything it lists is unchanged. Never throws; any doubt means "build".
 */
export async function checkFingerprint(options: FingerprintOptions, check: CheckOptions = {}): Promise<FingerprintCheck> {
  let key: FingerprintKey;
  try {
    key = await computeKey(options, check.env);
  } catch (failure) {
    return { upToDate: false, reason: `no fingerprint: ${failure instanceof Error ? failure.message : String(failure)}`, key: undefined };
  }
  if (check.force === true) return { upToDate: false, reason: '--force', key };
  if (key.source.hash === null) return { upToDate: false, reason: 'the source cannot be read', key };
  let stored: Fingerprint | undefined;
  try {
    stored = parseFingerprint(await readFile(fingerprintPath(options), 'utf8'));
  } catch {
    return { upToDate: false, reason: 'no fingerprint', key };
  }
  if (stored === undefined) return { upToDate: false, reason: 'the fingerprint is malformed', key };
  const changed = firstDifference(stored.key, key);
  if (changed !== undefined) return { upToDate: false, reason: `${changed} changed`, key };
  const names = outputNames(options);
  if (stored.outputs.length !== names.length || stored.outputs.some((output) => !names.includes(output.name))) return { upToDate: false, reason: 'other outputs', key };
  for (const output of stored.outputs) {
    if ((await fileHash(path.join(options.outDir, output.name))) !== output.hash) return { upToDate: false, reason: `${output.name} is missing or was changed`, key };
  }
  for (const dependency of stored.dependencies) {
    if ((await fileHash(dependency.path)) !== dependency.hash) return { upToDate: false, reason: `${dependency.path} changed`, key };
  }
  return { upToDate: true, fingerprint: stored, outputs: stored.outputs.map((output) => path.join(options.outDir, output.name)) };
}

/**
 * After a build: store its fingerprint beside its outputs when it succeeded and can be repeated
 * (no network image); remove a stale one when it succeeded but cannot be fingerprinted. A failed
 * build leaves the previous fingerprint: it wrote nothing, the previous outputs are as they
 * were, and the fingerprint still describes them truly (its inputs are not this build's, so it
 * will not skip a build of the inputs that failed). Never throws: the outputs are written, and a
 * fingerprint that cannot be written only means the next build runs.
 */
export async function recordFingerprint(check: FingerprintCheck, options: FingerprintOptions, result: BuildResult): Promise<void> {
  if (!result.ok || check.upToDate) return;
  const target = fingerprintPath(options);
  try {
    const { file } = result.report;
    if (check.key === undefined || file.data.unrepeatable === true) {
      await rm(target, { force: true });
      return;
    }
    const dependencies = await Promise.all(
      [...(file.data.reads ?? new Map<string, string | undefined>())].map(async ([dependency, hash]) => ({ path: dependency, hash: hash ?? (await fileHash(dependency)) })),
    );
    dependencies.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const outputs: Fingerprint['outputs'] = [];
    for (const name of outputNames(options)) {
      const hash = await fileHash(path.join(options.outDir, name));
      if (hash === null) throw new Error(`${name} was not written`);
      outputs.push({ name, hash });
    }
    const fingerprint: Fingerprint = { key: check.key, dependencies, messages: messageLines(file), outputs };
    const batch = new OutputBatch();
    try {
      await batch.stage(target, `${JSON.stringify(fingerprint, null, 1)}\n`);
      await batch.commit();
    } catch (failure) {
      await batch.discard();
      throw failure;
    }
  } catch {
    await rm(target, { force: true }).catch(() => undefined);
  }
}

/** The first part of the key that differs ("source", "options", "fonts"…), or undefined when equal. */
function firstDifference(stored: FingerprintKey, current: FingerprintKey): string | undefined {
  for (const part of Object.keys(current) as (keyof FingerprintKey)[]) {
    if (canonical(stored[part]) !== canonical(current[part])) return part === 'press' ? 'report-press' : part;
  }
  return undefined;
}

/** JSON with object keys sorted, so that equal values give equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : inner,
  );
}
