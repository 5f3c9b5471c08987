/**
 * The preview page's HTML: a frame of the page, no inline script or style (its script and
 * stylesheets are files of the preview server, as its Content-Security-Policy requires). The
 * script (`client/main.ts`) fills it in.
 */

/** What the page needs to know before its script runs. */
export interface PreviewPageOptions {
  /** The source's file name, for the title. */
  source: string;
  /** `--edit`: an editing pane. */
  edit: boolean;
  /** `--editor`: places can be opened in the user's editor. */
  editor: boolean;
  /** The nonce this load's policy allows `<style>` elements with (CodeMirror's). */
  styleNonce: string;
}

const escape = (text: string) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

/** The preview page. */
export function previewPage(options: PreviewPageOptions): string {
  const name = escape(options.source);
  return `<!doctype html>
<html lang="en" data-edit="${options.edit}" data-editor="${options.editor}" data-style-nonce="${escape(options.styleNonce)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name} · press preview</title>
<link rel="stylesheet" href="/assets/pdf_viewer.css">
<link rel="stylesheet" href="/assets/preview.css">
<script type="module" src="/assets/preview.js"></script>
</head>
<body>
<header class="bar">
  <strong class="name">${name}</strong>
  <span id="status" class="status" role="status" aria-live="polite">starting…</span>
  <span id="position" class="position" aria-live="polite"></span>
  <span class="views" role="group" aria-label="Views">
    ${options.edit ? '<button type="button" data-toggle="editor" aria-pressed="true">Source</button>' : ''}
    <button type="button" data-toggle="web" aria-pressed="true">Web</button>
    <button type="button" data-toggle="print" aria-pressed="true">Print</button>
  </span>
</header>
<section id="messages" class="messages" aria-label="Messages" hidden></section>
<section id="conflict" class="conflict" aria-label="Changed on disk" hidden></section>
<main class="panes">
  ${options.edit ? '<section id="editor" class="pane editor" aria-label="Source"></section>' : ''}
  <section class="pane web" data-pane="web" aria-label="Web edition"><iframe id="web" title="Web edition"></iframe></section>
  <section id="print" class="pane print" data-pane="print" aria-label="Print edition" tabindex="0"><div id="pages" class="pages"></div></section>
</main>
</body>
</html>
`;
}
