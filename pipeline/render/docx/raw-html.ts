import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { toText } from 'hast-util-to-text';
import { Paragraph, type FileChild } from 'docx';
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Html } from 'mdast';
import type { BlockState, InlineState } from './context.ts';
import { closeTag, type Mark } from './marks.ts';
import type { CharacterStyleId } from './style-ids.ts';
import { groupLinks, inlineState, pushBreak, pushText, withMark } from './dispatch.ts';
import { linkTarget } from './handlers/link.ts';
import { joinSoftBreaks } from './handlers/phrasing.ts';
import { sanitizeSchema } from '../../util/sanitize-schema.ts';
import { flag } from '../../util/messages.ts';

/** Inline HTML elements that become a character style in Word. */
const TAG_STYLES: Readonly<Record<string, CharacterStyleId>> = {
  b: 'Strong',
  strong: 'Strong',
  i: 'Emphasis',
  em: 'Emphasis',
  cite: 'Emphasis',
  dfn: 'Emphasis',
  var: 'Emphasis',
  u: 'Underline',
  ins: 'Underline',
  s: 'Strikethrough',
  del: 'Strikethrough',
  strike: 'Strikethrough',
  sub: 'Subscript',
  sup: 'Superscript',
  kbd: 'Keyboard',
  code: 'InlineCode',
  samp: 'InlineCode',
  tt: 'InlineCode',
  mark: 'Highlight',
};

/** Inline elements written as text in the paragraph (formatted or not). */
const PHRASING = new Set([...Object.keys(TAG_STYLES), 'a', 'abbr', 'bdi', 'bdo', 'br', 'data', 'img', 'q', 'rp', 'rt', 'ruby', 'small', 'span', 'time', 'wbr']);

/** Block elements whose content simply becomes paragraphs. */
const CONTAINERS = new Set(['p', 'div', 'section', 'article', 'aside', 'header', 'footer', 'main', 'nav', 'address', 'center']);

/** Elements without content or closing tag. */
const VOID = new Set(['br', 'wbr', 'img', 'hr', 'input', 'area', 'col', 'embed', 'source', 'track', 'meta', 'link', 'base', 'param']);

/** Elements the sanitiser removes together with their content. */
const STRIPPED = new Set(sanitizeSchema.strip ?? []);

/** Parse raw HTML as a fragment and hold it to the sanitize schema every output uses. */
export function sanitizedFragment(value: string): HastRoot {
  return sanitize(fromHtml(value, { fragment: true }), sanitizeSchema) as HastRoot;
}

/** Whether the source already carries a message of `ruleId` on the line where `node` starts. */
function reportedAt(state: BlockState, node: Html, ruleId: string): boolean {
  const line = node.position?.start.line;
  return line !== undefined && state.ctx.file.messages.some((message) => message.ruleId === ruleId && message.line === line);
}

/** Report an HTML comment (never dropped silently), unless the parse stage already did. */
export function reportComment(state: BlockState, node: Html): void {
  if (reportedAt(state, node, 'raw-html-comment')) return;
  flag(state.ctx.file, 'docx-raw-html', node, { kind: 'comment' });
}

function markFor(element: Element, node: Html, state: InlineState): Mark {
  const tag = element.tagName;
  const style = TAG_STYLES[tag];
  if (style !== undefined) return { kind: 'style', style, tag };
  if (tag === 'a') {
    const href = element.properties.href;
    return { kind: 'link', target: typeof href === 'string' ? linkTarget(href, node, state) : undefined, tag };
  }
  return { kind: 'plain', tag };
}

/** Write sanitised inline HTML (text, formatting elements, breaks) into the paragraph. */
export function writeHastInline(nodes: readonly (ElementContent | HastContent)[], node: Html, state: InlineState): void {
  for (const child of nodes) {
    if (child.type === 'text') {
      pushText(state, joinSoftBreaks(child.value).replace(/[\t\n\r ]+/g, ' '));
    } else if (child.type === 'comment') {
      reportComment(state.block, node);
    } else if (child.type === 'element') {
      if (child.tagName === 'br') {
        pushBreak(state);
      } else if (child.tagName === 'img') {
        const alt = child.properties.alt;
        flag(state.block.ctx.file, 'docx-raw-html', node, { kind: 'img' });
        pushText(state, `[${typeof alt === 'string' && alt ? alt : 'image'}]`);
      } else if (child.tagName !== 'wbr') {
        withMark(state, markFor(child, node, state), () => writeHastInline(child.children, node, state));
      }
    }
  }
}

/**
 * An inline `html` node. Markdown splits inline HTML into single tags, so `<sub>` pushes a mark,
 * the text after it is formatted by it, and `</sub>` pops it. Content of stripped elements
 * (`<script>`…) is dropped like the sanitiser drops it; comments are reported.
 */
export function writeInlineHtml(node: Html, state: InlineState): void {
  const value = node.value.trim();
  if (value.startsWith('<!--')) {
    reportComment(state.block, node);
    return;
  }
  const closing = /^<\/([a-zA-Z][a-zA-Z0-9-]*)\s*>$/.exec(value);
  if (closing?.[1]) {
    closeTag(state.marks, closing[1].toLowerCase());
    return;
  }
  const opening = /^<([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^>]*)?>$/s.exec(value);
  const tag = opening?.[1]?.toLowerCase();
  if (tag !== undefined && !VOID.has(tag) && !value.endsWith('/>')) {
    if (STRIPPED.has(tag)) {
      state.marks.push({ kind: 'strip', tag });
      return;
    }
    const element = sanitizedFragment(value).children.find((child): child is Element => child.type === 'element');
    state.marks.push(element ? markFor(element, node, state) : { kind: 'plain', tag });
    return;
  }
  const before = state.pieces.length;
  writeHastInline(sanitizedFragment(value).children, node, state);
  if (state.pieces.length === before && tag === undefined && value !== '') {
    flag(state.block.ctx.file, 'docx-raw-html', node, { kind: 'hidden', html: value.slice(0, 40) });
  }
}

function hasContent(nodes: readonly HastContent[]): boolean {
  return nodes.some((child) => (child.type === 'text' ? child.value.trim() !== '' : child.type === 'element' && child.tagName !== 'br' && child.tagName !== 'wbr'));
}

/**
 * A block `html` node, sanitised: runs of text and inline elements become paragraphs in the
 * style of the place; `p`, `div` and similar containers are unwrapped; `hr` is a thematic
 * break. Any other element (tables, lists, details…) cannot be represented: its plain text is
 * kept in a paragraph and a warning is given at the node's line.
 */
export function blockHtml(node: Html, state: BlockState): FileChild[] {
  const original = fromHtml(node.value, { fragment: true });
  let comments = false;
  for (const child of original.children) if (child.type === 'comment') comments = true;
  if (comments) reportComment(state, node);
  return hastBlocks(sanitize(original, sanitizeSchema) as HastRoot, node, state);
}

/** Leading white space of a block's first text and trailing of its last are not content (as in HTML). */
function trimEdges(nodes: readonly HastContent[]): HastContent[] {
  return nodes.map((child, index) => {
    if (child.type !== 'text') return child;
    let value = child.value;
    if (index === 0) value = value.trimStart();
    if (index === nodes.length - 1) value = value.trimEnd();
    return { ...child, value };
  });
}

function hastBlocks(parent: HastRoot | Element, node: Html, state: BlockState): FileChild[] {
  const blocks: FileChild[] = [];
  let phrasing: HastContent[] = [];
  const flush = () => {
    if (hasContent(phrasing)) {
      const inline = inlineState(state);
      writeHastInline(trimEdges(phrasing), node, inline);
      blocks.push(new Paragraph({ style: state.paragraphStyle, children: groupLinks(inline.pieces) }));
    }
    phrasing = [];
  };
  for (const child of parent.children) {
    if (child.type === 'text' || (child.type === 'element' && PHRASING.has(child.tagName))) {
      phrasing.push(child);
      continue;
    }
    if (child.type !== 'element') continue;
    flush();
    if (CONTAINERS.has(child.tagName)) {
      blocks.push(...hastBlocks(child, node, state));
    } else if (child.tagName === 'hr') {
      blocks.push(new Paragraph({ style: 'HorizontalRule' }));
    } else {
      flag(state.ctx.file, 'docx-raw-html', node, { kind: 'block', tag: child.tagName });
      const text = toText(child).trim();
      if (text) blocks.push(new Paragraph({ style: state.paragraphStyle, text }));
    }
  }
  flush();
  return blocks;
}
