import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { VFile } from 'vfile';
import { closestWord } from '../util/did-you-mean.ts';
import type { PendingMessage } from '../util/messages.ts';
import type { RuleSettings } from '../util/rule-settings.ts';
import { readRuleSettings, type ReadSettings } from './rule-settings.ts';
import { plainValue, rangeStart, shown, yamlPlaces } from './yaml-place.ts';
import { expandAliases } from './yaml-aliases.ts';

/** Names of the configuration file, looked for in the source's own folder (one of them at most). */
export const CONFIG_FILE_NAMES = ['press.config.yaml', 'press.config.yml'] as const;

const CONFIG_KEYS = ['rules'] as const;

async function isFile(filePath: string): Promise<boolean> {
  try {
    return (await stat(filePath)).isFile();
  } catch {
    return false;
  }
}

/**
 * Read the rule settings of the configuration file beside the source (`press.config.yaml`, or
 * `press.config.yml`): a YAML mapping whose one key, `rules`, maps rule ids to severities. No
 * file means no settings. Problems (invalid YAML, unknown keys, unknown rules, bad values) are
 * errors at their place in the configuration file, which messages name by its path.
 */
export async function readConfigFile(file: VFile): Promise<ReadSettings> {
  const none: ReadSettings = { settings: {}, problems: [] };
  if (!file.path) return none;
  const folder = path.dirname(file.path);
  const found: string[] = [];
  for (const name of CONFIG_FILE_NAMES) if (await isFile(path.resolve(file.cwd, folder, name))) found.push(name);
  const [name, ...others] = found;
  if (name === undefined) return none;
  const shownPath = path.join(folder, name);
  if (others.length > 0) {
    return { settings: {}, problems: [{ rule: 'config-invalid', place: { line: 1, column: 1, path: shownPath }, args: { kind: 'two-files', names: found } }] };
  }
  let text: string;
  try {
    text = await readFile(path.resolve(file.cwd, folder, name), 'utf8');
  } catch (failure) {
    const detail = failure instanceof Error ? failure.message : String(failure);
    return { settings: {}, problems: [{ rule: 'config-invalid', place: { line: 1, column: 1, path: shownPath }, args: { kind: 'unreadable', detail } }] };
  }
  // Lines ending in CR alone (classic Mac) made LF, one character for one: the YAML parser reads a lone CR as a space.
  return parseConfig(text.replace(/^\uFEFF/, '').replace(/\r(?!\n)/g, '\n'), shownPath);
}

function parseConfig(text: string, shownPath: string): ReadSettings {
  const places = yamlPlaces(1, shownPath);
  const problems: PendingMessage[] = [];
  const document = parseDocument(text, { lineCounter: places.lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    for (const problem of document.errors) problems.push({ rule: 'config-invalid', place: places.at(problem.pos[0]), args: { kind: 'syntax', detail: problem.message.split('\n')[0] ?? '' } });
    return { settings: {}, problems };
  }
  const aliases = expandAliases(document);
  if (aliases !== undefined) return { settings: {}, problems: [{ rule: 'config-invalid', place: places.at(aliases.offset), args: { kind: 'syntax', detail: aliases.detail } }] };
  const contents = document.contents;
  if (contents === null) return { settings: {}, problems };
  if (!isMap(contents)) return { settings: {}, problems: [{ rule: 'config-invalid', place: places.at(rangeStart(contents)), args: { kind: 'not-mapping' } }] };
  let settings: RuleSettings = {};
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (key !== 'rules') {
      problems.push({ rule: 'config-invalid', place: places.at(rangeStart(pair.key)), args: { kind: 'unknown-key', key, suggestion: closestWord(key, CONFIG_KEYS) } });
    } else if (isMap(pair.value)) {
      const read = readRuleSettings(pair.value, places);
      settings = read.settings;
      problems.push(...read.problems);
    } else if (plainValue(pair.value) !== null) {
      problems.push({ rule: 'config-invalid', place: places.at(rangeStart(pair.value)), args: { kind: 'rules-type', got: shown(plainValue(pair.value)) } });
    }
  }
  return { settings, problems };
}
