import type { VFile } from 'vfile';
import type { Node } from 'unist';
import type { Options as MessageOptions } from 'vfile-message';

/** Where a message points: a node or an explicit line/column. */
export type Place = Node | { line: number; column: number } | undefined;

function toOptions(place: Place, ruleId: string): MessageOptions {
  if (!place) return { ruleId, source: 'report-press' };
  if ('type' in place) return place.position ? { place: place.position, ruleId, source: 'report-press' } : { ruleId, source: 'report-press' };
  return { place, ruleId, source: 'report-press' };
}

/** Add a warning to the file: the output is still usable. */
export function warn(file: VFile, reason: string, place: Place, ruleId: string): void {
  file.message(reason, toOptions(place, ruleId));
}

/** Add an error to the file: the output would be wrong, so the build fails. */
export function error(file: VFile, reason: string, place: Place, ruleId: string): void {
  const message = file.message(reason, toOptions(place, ruleId));
  message.fatal = true;
}

/** Whether the file holds any error. */
export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true);
}

/** Format one message as `file:line:column: error|warning|note: text [rule-id]`. */
export function formatMessage(file: VFile, message: VFile['messages'][number]): string {
  const line = message.line ?? 1;
  const column = message.column ?? 1;
  const severity = message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'note';
  const rule = message.ruleId ? ` [${message.ruleId}]` : '';
  return `${file.path}:${line}:${column}: ${severity}: ${message.reason}${rule}`;
}
