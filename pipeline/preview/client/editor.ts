/**
 * The editing pane (`press preview --edit`): CodeMirror 6 with Markdown highlighting and the
 * build's messages as lint diagnostics in the text. Saving (the button, Ctrl/Cmd-S) sends the
 * text with the version it was loaded from; the server refuses it (409) when the file changed on
 * disk since, and the pane then shows the text on disk beside the one in the editor, which
 * stays as it is: nothing is lost, the writer chooses.
 */
import { basicSetup } from 'codemirror';
import { EditorView, keymap } from '@codemirror/view';
import { markdown } from '@codemirror/lang-markdown';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import type { PreviewMessage } from './types.ts';

interface SourceText {
  text: string;
  version: string;
}

/** The editing pane. */
export class SourceEditor {
  private readonly view: EditorView;
  private version = '';
  private saved = '';
  private readonly status: HTMLElement;

  constructor(
    pane: HTMLElement,
    private readonly conflict: HTMLElement,
    private readonly onLine: (line: number) => void,
  ) {
    const tools = document.createElement('div');
    tools.className = 'tools';
    const save = document.createElement('button');
    save.type = 'button';
    save.textContent = 'Save';
    save.addEventListener('click', () => void this.save());
    this.status = document.createElement('span');
    this.status.className = 'save-status';
    this.status.setAttribute('role', 'status');
    tools.append(save, this.status);
    pane.append(tools);
    this.view = new EditorView({
      parent: pane,
      extensions: [
        keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => (void this.save(), true) }]),
        basicSetup,
        markdown(),
        lintGutter(),
        EditorView.lineWrapping,
        EditorView.cspNonce.of(document.documentElement.dataset['styleNonce'] ?? ''),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) this.showDirty();
          if (update.selectionSet && !update.docChanged) this.onLine(update.state.doc.lineAt(update.state.selection.main.head).number);
        }),
      ],
    });
  }

  /** Load the source (again), unless the editor holds changes not saved. */
  async load(force = false): Promise<void> {
    if (!force && this.dirty()) return;
    const response = await fetch('/api/source', { cache: 'no-store' });
    if (!response.ok) return;
    const source = (await response.json()) as SourceText;
    if (source.version === this.version && !force) return;
    this.replace(source);
  }

  /** The build's messages about the source, as diagnostics. */
  setMessages(messages: readonly PreviewMessage[]): void {
    const { doc } = this.view.state;
    const offset = (line: number, column: number) => {
      const at = doc.line(Math.min(Math.max(1, line), doc.lines));
      return Math.min(at.to, at.from + Math.max(0, column - 1));
    };
    const diagnostics: Diagnostic[] = messages.map((message) => {
      const from = offset(message.line, message.column);
      const to = message.endLine !== undefined ? Math.max(from, offset(message.endLine, message.endColumn ?? 1)) : from;
      return { from, to, severity: message.severity === 'note' ? 'info' : message.severity, message: `${message.text} [${message.rule}]`, source: 'report-press' };
    });
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
  }

  /** Put the cursor on a line and show it. */
  jump(line: number, column = 1): void {
    const { doc } = this.view.state;
    const at = doc.line(Math.min(Math.max(1, line), doc.lines));
    const position = Math.min(at.to, at.from + column - 1);
    this.view.dispatch({ selection: { anchor: position }, effects: EditorView.scrollIntoView(position, { y: 'center' }) });
    this.view.focus();
  }

  /** Save the text, refused if the file changed on disk since it was loaded. */
  async save(): Promise<void> {
    const text = this.view.state.doc.toString();
    const response = await fetch('/api/source', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text, version: this.version }) });
    if (response.ok) {
      this.version = ((await response.json()) as { version: string }).version;
      this.saved = text;
      this.conflict.hidden = true;
      this.status.textContent = 'saved';
      return;
    }
    if (response.status === 409) {
      const refused = (await response.json()) as { disk: SourceText; yours: string };
      this.showConflict(refused.disk, refused.yours);
      return;
    }
    this.status.textContent = `not saved (${response.status})`;
  }

  private dirty(): boolean {
    return this.view.state.doc.toString() !== this.saved;
  }

  private showDirty(): void {
    this.status.textContent = this.dirty() ? 'not saved' : '';
  }

  private replace(source: SourceText): void {
    const head = Math.min(this.view.state.selection.main.head, source.text.length);
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: source.text }, selection: { anchor: head } });
    this.version = source.version;
    this.saved = source.text;
    this.showDirty();
  }

  /** Both texts: the editor keeps the writer's; they take the disk's, or save theirs over it. */
  private showConflict(disk: SourceText, yours: string): void {
    this.status.textContent = 'not saved: the file changed on disk';
    const heading = document.createElement('p');
    heading.textContent = 'The file changed on disk since it was loaded; nothing was written. Both texts are below; the editor still holds yours.';
    const texts = document.createElement('div');
    texts.className = 'texts';
    const column = (title: string, text: string, id: string) => {
      const box = document.createElement('div');
      const label = document.createElement('strong');
      label.textContent = title;
      const pre = document.createElement('pre');
      pre.id = id;
      pre.textContent = text;
      box.append(label, pre);
      return box;
    };
    texts.append(column('Yours (in the editor)', yours, 'conflict-yours'), column('On disk now', disk.text, 'conflict-disk'));
    const keep = document.createElement('button');
    keep.type = 'button';
    keep.textContent = 'Save mine over it';
    keep.addEventListener('click', () => {
      this.version = disk.version;
      void this.save();
    });
    const take = document.createElement('button');
    take.type = 'button';
    take.textContent = 'Take the one on disk';
    take.addEventListener('click', () => {
      this.replace(disk);
      this.conflict.hidden = true;
    });
    this.conflict.replaceChildren(heading, texts, keep, take);
    this.conflict.hidden = false;
  }
}
