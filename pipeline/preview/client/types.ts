/** What the server says about the preview (see `pipeline/preview/session.ts`, which this mirrors). */
export interface PreviewMessage {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: 'error' | 'warning' | 'note';
  text: string;
  rule: string;
}

/** The state the server sends over server-sent events. */
export interface PreviewState {
  version: number;
  building: boolean;
  builds: number;
  ok: boolean;
  messages: PreviewMessage[];
  failure: string | null;
  web: number | null;
  pdf: { build: number; pages: number } | null;
  map: number | null;
}
