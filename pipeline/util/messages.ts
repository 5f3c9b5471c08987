import type { VFile } from 'vfile';
import type { Node } from 'unist';
import type { Options as MessageOptions } from 'vfile-message';
import { ruleText, type RuleArgs, type RuleId } from './catalogue/catalogue.ts';
import { effectiveSetting, fatalFor } from './rule-settings.ts';
import { messageLanguage } from './language.ts';

/**
 * Where a message points: a node, or an explicit line/column, in the source unless `path` names
 * another file (the configuration file).
 */
export type Place = Node | { line: number; column: number; path?: string } | undefined;

/** The arguments after the place: the rule's message arguments, none when it takes none. */
export type ArgsOf<R extends RuleId> = [RuleArgs<R>] extends [void] ? [] : [args: RuleArgs<R>];

/** A message waiting to be given (collected while its language or settings are not yet known). */
export type PendingMessage = { [R in RuleId]: { rule: R; place: Place; args: RuleArgs<R> } }[RuleId];

function toOptions(place: Place, ruleId: string): MessageOptions {
  if (!place) return { ruleId, source: 'report-press' };
  if ('type' in place) return place.position ? { place: place.position, ruleId, source: 'report-press' } : { ruleId, source: 'report-press' };
  return { place: { line: place.line, column: place.column }, ruleId, source: 'report-press' };
}

/**
 * Give a message of rule `rule` at `place`: its text from the catalogue in the report's
 * language, its severity from the rule's setting (`rules` in front matter or the configuration
 * file) or default. A rule set to `off` gives nothing. An error makes the build fail.
 */
export function flag<R extends RuleId>(file: VFile, rule: R, place: Place, ...args: ArgsOf<R>): void {
  give(file, rule, place, args[0] as RuleArgs<R>);
}

/** Give messages collected earlier, in order. */
export function flagAll(file: VFile, pending: readonly PendingMessage[]): void {
  for (const message of pending) give(file, message.rule, message.place, message.args);
}

function give<R extends RuleId>(file: VFile, rule: R, place: Place, args: RuleArgs<R>): void {
  const setting = effectiveSetting(file, rule) ?? 'warning';
  if (setting === 'off') return;
  const message = file.message(ruleText(rule, messageLanguage(file), args), toOptions(place, rule));
  message.fatal = fatalFor(setting);
  if (place && !('type' in place) && place.path !== undefined) message.file = place.path;
}

/** Whether the file holds any error. */
export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true);
}

/**
 * Format one message as `file:line:column: error|warning|note: text [rule-id]`; `file` is the
 * file the message points into (the source, or the configuration file).
 */
export function formatMessage(file: VFile, message: VFile['messages'][number]): string {
  const line = message.line ?? 1;
  const column = message.column ?? 1;
  const severity = message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'note';
  const rule = message.ruleId ? ` [${message.ruleId}]` : '';
  const where = message.file && message.file !== file.path ? message.file : file.path;
  return `${where}:${line}:${column}: ${severity}: ${message.reason}${rule}`;
}

/**
 * The lines a command prints for a file's messages: in source order, each formatted by
 * {@link formatMessage} and said once (the web page and the PDF are rendered from the same HTML,
 * so their messages come twice); with `quiet`, errors only.
 */
export function messageLines(file: VFile, quiet = false): string[] {
  const ordered = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return [...new Set(ordered.filter((message) => !quiet || message.fatal === true).map((message) => formatMessage(file, message)))];
}
