/**
 * The builds of one `press preview`: the one build function, run in this process with a warm
 * browser and print page, again at every change. Each build hands over its web page first and
 * only then prints (once the preview page shows the new web edition, or after {@link WEB_HEAD_START}).
 * Changes coalesce (a short quiet time after the last one); a newer change aborts the build in
 * progress (its print page is closed, its result dropped) and starts the next at once. The last good web page and print stay until a build
 * gives new ones: a build that fails keeps them and shows its messages.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { build, BuildError, type BuildResult } from '../build.ts';
import { WarmPrintPage } from '../browser/warm-print-page.ts';
import { BrowserNotFoundError } from '../browser/find-browser.ts';
import { BrowserStoppedError } from '../browser/browser-stopped.ts';
import { TEMPLATES_DIR } from '../template/load-template.ts';
import { pdfPageCount } from '../render/pdf/page-count.ts';
import { pdfPageTexts, placeBlocks, sourceBlocks, type PageMap } from './page-map.ts';

/** A message of the last build, for the messages panel (and the editor's lint markers). */
export interface PreviewMessage {
  /** The file it points into, as the build names it (the source, or the configuration file). */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: 'error' | 'warning' | 'note';
  text: string;
  rule: string;
}

/** What the preview shows, as the page is told over server-sent events. */
export interface PreviewState {
  /** Changes at every change of this state. */
  version: number;
  /** A build is running (or waiting for the changes to settle). */
  building: boolean;
  /** Builds finished (superseded ones not counted). */
  builds: number;
  /** The last build finished without errors. */
  ok: boolean;
  messages: PreviewMessage[];
  /** A failure that is not about the source (no browser, the browser stopped twice). */
  failure: string | null;
  /** The web page shown, by the number of the build that made it. */
  web: number | null;
  /** The print shown, by the number of its build, and its pages. */
  pdf: { build: number; pages: number } | null;
  /** The page map of the print shown, by the number of its build. */
  map: number | null;
}

/** Settings of a {@link PreviewSession}. */
export interface PreviewSessionOptions {
  input: string;
  browserPath?: string;
  /** Quiet time after a change before a build starts (ms). */
  settleMs?: number;
  /** Called whenever the state changes. */
  onChange?: (state: PreviewState) => void;
  /** Called after every finished build with the files it read and its template's folder (to watch them). */
  onReads?: (files: string[], templateDir: string) => void;
  /** Called after every finished build (not a superseded one) with what it gave. */
  onBuilt?: (state: PreviewState, milliseconds: number) => void;
  /** Called as each build hands over its web page, starts its print, gives its print, or is superseded. */
  onEvent?: (event: PreviewEvent) => void;
  /** Longest the print waits for the web edition to be shown (ms; default {@link WEB_HEAD_START}). */
  webHeadStartMs?: number;
}

/**
 * Quiet time after a change before a build starts: editors write a file in a few steps, a few
 * milliseconds apart. Short: a build started too soon is aborted by the next step's change anyway.
 */
export const SETTLE_MS = 20;

/** Longest the print waits for the preview page to show the new web edition (none open, a hidden tab). */
export const WEB_HEAD_START = 300;

/** What a preview's build reports as it goes, in order (for tests: `onEvent`). */
export type PreviewEvent = { kind: 'web' | 'pdf' | 'print-start' | 'superseded'; build: number };

/** The preview's builds and what they gave. */
export class PreviewSession {
  private readonly pool: WarmPrintPage;
  /** Resolves the wait of the print of the build whose web page the preview page is to show. */
  private webWaiter: { build: number; resolve: () => void } | undefined;
  /** The newest build the preview page said it shows (it may say so before the print waits for it). */
  private shownBuild = 0;
  private state: PreviewState = { version: 0, building: false, builds: 0, ok: true, messages: [], failure: null, web: null, pdf: null, map: null };
  private html: string | undefined;
  private pdfBytes: Uint8Array | undefined;
  private pageMap: PageMap | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: { number: number; controller: AbortController; done: Promise<void> } | undefined;
  /** Stops the page map being made of the last print (a newer change wants the process). */
  private mapping: AbortController | undefined;
  private started = 0;
  private closed = false;

  constructor(private readonly options: PreviewSessionOptions) {
    this.pool = new WarmPrintPage(options.browserPath ? { executablePath: options.browserPath } : {});
  }

  /** Start the browser and the first build. */
  start(): void {
    this.pool.warm();
    this.startBuild();
  }

  /** The current state. */
  current(): PreviewState {
    return this.state;
  }

  /** The web page shown (the last good one). */
  webPage(): string | undefined {
    return this.html;
  }

  /** The preview page shows the web page of build `build` (or a newer one): the print waiting for that starts. */
  webShown(build: number): void {
    this.shownBuild = Math.max(this.shownBuild, build);
    if (this.webWaiter && this.webWaiter.build <= build) this.webWaiter.resolve();
  }

  /** The print shown (the last one printed). */
  pdf(): Uint8Array | undefined {
    return this.pdfBytes;
  }

  /** Where the blocks landed in the print shown. */
  map(): PageMap | undefined {
    return this.pageMap;
  }

  /** Something the build reads changed: build again once the changes settle. */
  changed(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    // The build in progress is already out of date: stop it now, not after the quiet time.
    this.mapping?.abort(new Error('superseded by a newer change'));
    if (this.running && !this.running.controller.signal.aborted) this.options.onEvent?.({ kind: 'superseded', build: this.running.number });
    this.running?.controller.abort(new Error('superseded by a newer change'));
    if (!this.state.building) this.update({ building: true });
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.startBuild();
    }, this.options.settleMs ?? SETTLE_MS);
  }

  /** Stop building and close the browser. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.running?.controller.abort(new Error('the preview stopped'));
    this.mapping?.abort(new Error('the preview stopped'));
    await this.pool.close();
    await this.running?.done.catch(() => undefined);
  }

  private update(change: Partial<PreviewState>): void {
    this.state = { ...this.state, ...change, version: this.state.version + 1 };
    this.options.onChange?.(this.state);
  }

  private startBuild(): void {
    if (this.closed) return;
    this.running?.controller.abort(new Error('superseded by a newer change'));
    const number = ++this.started;
    const controller = new AbortController();
    const done = this.runBuild(number, controller.signal);
    this.running = { number, controller, done };
    if (!this.state.building) this.update({ building: true });
  }

  private isCurrent(number: number, signal: AbortSignal): boolean {
    return !this.closed && !signal.aborted && this.running?.number === number;
  }

  private async runBuild(number: number, signal: AbortSignal): Promise<void> {
    let html: string | undefined;
    let pdf: Uint8Array | undefined;
    let result: BuildResult | undefined;
    let failure: string | undefined;
    const started = performance.now();
    try {
      result = await build({
        input: this.options.input,
        outDir: path.dirname(this.options.input),
        formats: ['html', 'pdf'],
        browsers: this.pool,
        signal,
        sourceLines: true,
        ...(this.options.browserPath ? { browserPath: this.options.browserPath } : {}),
        beforePrint: async () => {
          if (html !== undefined) await this.webFetched(number, signal);
          if (this.isCurrent(number, signal)) this.options.onEvent?.({ kind: 'print-start', build: number });
        },
        deliver: (format, output) => {
          if (!this.isCurrent(number, signal)) return;
          // Each edition is shown as soon as it is made: the web page long before the print.
          if (format === 'html') {
            html = String(output);
            this.html = html;
            this.update({ web: number });
            this.options.onEvent?.({ kind: 'web', build: number });
          } else if (format === 'pdf' && output instanceof Uint8Array) {
            pdf = output;
            this.pdfBytes = pdf;
            this.pageMap = undefined;
            this.update({ pdf: { build: number, pages: pdfPageCount(pdf) }, map: null });
            this.options.onEvent?.({ kind: 'pdf', build: number });
          }
        },
      });
    } catch (caught) {
      if (!this.isCurrent(number, signal)) return;
      const known = caught instanceof BuildError || caught instanceof BrowserStoppedError || caught instanceof BrowserNotFoundError;
      failure = known ? caught.message : `build failed: ${caught instanceof Error ? (caught.message.split('\n')[0] ?? '') : String(caught)}`;
    }
    if (!this.isCurrent(number, signal)) return;
    this.running = undefined;
    this.update({
      building: this.timer !== undefined,
      builds: this.state.builds + 1,
      ok: result?.ok === true && failure === undefined,
      messages: result ? messagesOf(result) : this.state.messages,
      failure: failure ?? null,
    });
    this.options.onBuilt?.(this.state, performance.now() - started);
    if (result) this.options.onReads?.([...(result.report.file.data.reads?.keys() ?? [])], path.join(TEMPLATES_DIR, result.report.meta.template));
    if (pdf && html) await this.placeBlocks(number, html, pdf);
  }

  /** Until the preview page shows the web page of build `number` (told by {@link webShown}), at most {@link WEB_HEAD_START}. */
  private async webFetched(number: number, signal: AbortSignal): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const settle = () => {
      if (timer) clearTimeout(timer);
      if (this.webWaiter?.build === number) this.webWaiter = undefined;
    };
    if (this.shownBuild >= number) return;
    await new Promise<void>((resolve) => {
      this.webWaiter = { build: number, resolve };
      timer = setTimeout(resolve, this.options.webHeadStartMs ?? WEB_HEAD_START);
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
    settle();
  }

  private async placeBlocks(number: number, html: string, pdf: Uint8Array): Promise<void> {
    const mapping = new AbortController();
    this.mapping = mapping;
    try {
      const texts = await pdfPageTexts(pdf, mapping.signal);
      mapping.signal.throwIfAborted();
      const map = placeBlocks(sourceBlocks(html), texts);
      if (this.closed || this.pdfBytes !== pdf) return;
      this.pageMap = map;
      this.update({ map: number });
    } catch {
      // No map: the page cannot say where a line landed until the next print.
    }
  }
}

/** The messages of a build, each once, in source order. */
function messagesOf(result: BuildResult): PreviewMessage[] {
  const { file } = result.report;
  const seen = new Set<string>();
  const messages: PreviewMessage[] = [];
  const ordered = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  for (const message of ordered) {
    const entry: PreviewMessage = {
      file: message.file && message.file !== file.path ? message.file : file.path,
      line: message.line ?? 1,
      column: message.column ?? 1,
      ...(message.place && 'end' in message.place && message.place.end.line !== undefined ? { endLine: message.place.end.line, endColumn: message.place.end.column } : {}),
      severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'note',
      text: message.reason,
      rule: message.ruleId ?? '',
    };
    const key = JSON.stringify(entry);
    if (seen.has(key)) continue;
    seen.add(key);
    messages.push(entry);
  }
  return messages;
}

/** The version of a text the editor loaded: its SHA-256. */
export function textVersion(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
