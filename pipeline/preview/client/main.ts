/**
 * The preview page's script: follows the build's state over server-sent events and keeps the
 * panes in step — the web edition (replaced in place), the print's pages (pdf.js), the messages
 * (clickable), and with `--edit` the source in CodeMirror. A click in either edition, or on a
 * message, shows its source position and goes there (the editor, or `--editor`). The page marks
 * what it shows on `<html>` (`data-web`, `data-pdf`, `data-map`: the build numbers), for tests
 * and the bench.
 */
import { PdfPages, type PlacedBlock } from './pdf-pages.ts';
import { WebEdition } from './web-edition.ts';
import { SourceEditor } from './editor.ts';
import type { PreviewMessage, PreviewState } from './types.ts';

const root = document.documentElement;
const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = element('status');
const position = element('position');
const messagesPanel = element('messages');
const hasEditor = root.dataset['editor'] === 'true';
const sourceName = document.title.replace(/ · press preview$/, '');
let blocks: PlacedBlock[] = [];

/** Where a click pointed: shown, and opened in the editor pane or the user's editor. */
function goTo(line: number, column = 1, from: 'web' | 'print' | 'editor' | 'message', file?: string): void {
  const page = pageOf(line);
  position.textContent = `${file ?? sourceName}:${line}${column > 1 ? `:${column}` : ''}${page === undefined ? '' : ` · p. ${page}`}`;
  root.dataset['line'] = String(line);
  if (from !== 'web') web.reveal(line);
  if (from !== 'print') print.reveal(line);
  if (from === 'editor') return;
  if (editor) editor.jump(line, column);
  else if (hasEditor) void fetch('/api/open', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ line, column, ...(file ? { file } : {}) }) });
}

function pageOf(line: number): number | undefined {
  let best: PlacedBlock | undefined;
  for (const block of blocks) if (block.line <= line && (!best || block.line >= best.line)) best = block;
  return best?.page;
}

const web = new WebEdition(element<HTMLIFrameElement>('web'), (line) => goTo(line, 1, 'web'));
const print = new PdfPages(element('print'), element('pages'), (line) => goTo(line, 1, 'print'));
const editorPane = document.getElementById('editor');
const editor = editorPane ? new SourceEditor(editorPane, element('conflict'), (line) => goTo(line, 1, 'editor')) : undefined;
void editor?.load(true);

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-toggle]')) {
  button.addEventListener('click', () => {
    const pane = document.querySelector<HTMLElement>(button.dataset['toggle'] === 'editor' ? '#editor' : `[data-pane="${button.dataset['toggle'] ?? ''}"]`);
    if (!pane) return;
    pane.hidden = !pane.hidden;
    button.setAttribute('aria-pressed', String(!pane.hidden));
  });
}

function showMessages(state: PreviewState): void {
  const items: HTMLElement[] = [];
  if (state.failure) {
    const failure = document.createElement('li');
    failure.className = 'failure';
    failure.textContent = `press: ${state.failure}`;
    items.push(failure);
  }
  for (const message of state.messages) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = message.severity;
    button.textContent = formatMessage(message);
    button.addEventListener('click', () => goTo(message.line, message.column, 'message', message.file));
    item.append(button);
    items.push(item);
  }
  const list = document.createElement('ol');
  list.append(...items);
  messagesPanel.replaceChildren(list);
  messagesPanel.hidden = items.length === 0;
  messagesPanel.classList.toggle('has-errors', !state.ok);
  editor?.setMessages(state.messages.filter((message) => message.file.endsWith(sourceName)));
}

function formatMessage(message: PreviewMessage): string {
  return `${message.file}:${message.line}:${message.column}: ${message.severity}: ${message.text}${message.rule ? ` [${message.rule}]` : ''}`;
}

function showStatus(state: PreviewState): void {
  const errors = state.messages.filter((message) => message.severity === 'error').length;
  const text = state.building ? 'building…' : state.failure ? 'failed: the last good preview is shown' : errors > 0 ? `${errors} ${errors === 1 ? 'error' : 'errors'}: the last good preview is shown` : `built (${state.pdf?.pages ?? 0} pages)`;
  status.textContent = text;
  status.classList.toggle('error', !state.building && !state.ok);
  root.dataset['ok'] = String(state.ok);
  root.dataset['builds'] = String(state.builds);
}

/** Runs one update of a kind at a time; a newer request while one runs is done once after it. */
function serial(run: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const go = async () => {
    running = true;
    do {
      again = false;
      try {
        await run();
      } catch (failure) {
        console.error(failure);
      }
    } while (again);
    running = false;
  };
  return () => {
    if (running) again = true;
    else void go();
  };
}

let latest: PreviewState | undefined;
const updateWeb = serial(async () => {
  const wanted = latest?.web;
  if (wanted === null || wanted === undefined || String(wanted) === root.dataset['web']) return;
  const shown = await web.update();
  root.dataset['web'] = String(wanted);
  // The print of this build waits for this word, so that the two do not share the machine.
  if (shown !== undefined) void fetch('/api/web-shown', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ build: shown }) });
});
const updatePrint = serial(async () => {
  const wanted = latest?.pdf?.build;
  if (wanted === undefined || String(wanted) === root.dataset['pdf']) return;
  const response = await fetch('/api/pdf', { cache: 'no-store' });
  if (!response.ok) return;
  await print.show(await response.arrayBuffer());
  root.dataset['pdf'] = String(wanted);
});
const updateMap = serial(async () => {
  const wanted = latest?.map;
  if (wanted === null || wanted === undefined || String(wanted) === root.dataset['map']) return;
  const response = await fetch('/api/map', { cache: 'no-store' });
  if (!response.ok) return;
  const map = (await response.json()) as { blocks: PlacedBlock[] };
  blocks = map.blocks;
  print.setBlocks(blocks);
  web.setPages(new Map(blocks.map((block) => [block.line, block.page])));
  root.dataset['map'] = String(wanted);
});

const events = new EventSource('/events');
events.addEventListener('state', (event) => {
  const state = JSON.parse((event as MessageEvent<string>).data) as PreviewState;
  latest = state;
  showStatus(state);
  showMessages(state);
  updateWeb();
  updatePrint();
  updateMap();
  if (!state.building) void editor?.load();
});
events.addEventListener('error', () => {
  status.textContent = 'disconnected: is press preview still running?';
});
document.addEventListener('securitypolicyviolation', (event) => {
  root.dataset['cspViolations'] = String(Number(root.dataset['cspViolations'] ?? 0) + 1);
  console.error(`CSP: ${event.violatedDirective} ${event.blockedURI} ${event.sample} ${event.sourceFile}:${event.lineNumber}`);
});
