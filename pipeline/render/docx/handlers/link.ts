import { Bookmark } from 'docx';
import type { Link, LinkReference } from 'mdast';
import type { Node } from 'unist';
import type { InlineState } from '../context.ts';
import type { LinkTarget } from '../marks.ts';
import { groupLinks, pushChild, pushText, renderInline, withMark } from '../dispatch.ts';
import { citationBookmarkName } from '../citation-sources.ts';
import { referenceRuns } from '../crossref-fields.ts';
import { normalizeIdentifier } from '../footnotes.ts';
import { flag } from '../../../util/messages.ts';
import { urlScheme } from '../../../util/url-scheme.ts';

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel', 'ftp', 'ftps', 'news']);

/**
 * Where a URL goes in Word: `#id` to the bookmark of the heading with that id; a URL with a
 * safe scheme or a relative path as it is. Anything else is reported and gives no link.
 */
export function linkTarget(url: string, node: Node, state: InlineState): LinkTarget | undefined {
  const { ctx } = state.block;
  if (url.startsWith('#')) {
    let id = url.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // keep the id as written
    }
    const bookmark = ctx.bookmarks.get(id);
    if (bookmark !== undefined) return { kind: 'internal', bookmark };
    // Reported once for every output by remarkLinkCheck; Word shows the text without a link.
    return undefined;
  }
  const scheme = urlScheme(url);
  if (scheme !== undefined && !SAFE_SCHEMES.has(scheme) && !/^[a-z]$/i.test(scheme)) {
    flag(ctx.file, 'docx-link-unsafe', node, { scheme });
    return undefined;
  }
  return url === '' ? undefined : { kind: 'external', url };
}

function writeLink(node: Link | LinkReference, url: string | undefined, state: InlineState): void {
  const target = url === undefined ? undefined : linkTarget(url, node, state);
  withMark(state, { kind: 'link', target }, () => {
    if (node.children.length > 0) renderInline(node.children, state);
    else pushText(state, url ?? '');
  });
}

/**
 * `link`: an external hyperlink, or an internal one to a heading's bookmark; a cross-reference
 * (`@fig-…`), a REF field to its target's bookmark.
 */
export function link(node: Link, state: InlineState): void {
  const target = node.data?.crossReference;
  if (target) {
    for (const child of referenceRuns(target, state.block.ctx.bookmarks.get(target.id))) pushChild(state, child);
    return;
  }
  const citation = state.block.ctx.citations.get(node);
  if (citation !== undefined) {
    citationLink(node, citation, state);
    return;
  }
  writeLink(node, node.url, state);
}

/**
 * A citation: its hyperlink inside the bookmark `cite_<n>` whose custom property records the
 * citation as written (`citation-sources.ts`), so that `press import` gives it back.
 */
function citationLink(node: Link, index: number, state: InlineState): void {
  const inner: InlineState = { block: state.block, marks: [...state.marks], pieces: [] };
  writeLink(node, node.url, inner);
  pushChild(state, new Bookmark({ id: citationBookmarkName(index), children: groupLinks(inner.pieces) }));
}

/** `linkReference`: a link whose URL is in a definition elsewhere in the source. */
export function linkReference(node: LinkReference, state: InlineState): void {
  writeLink(node, state.block.ctx.definitions.get(normalizeIdentifier(node.identifier))?.url, state);
}
