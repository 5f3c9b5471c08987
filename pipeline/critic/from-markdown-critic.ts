/**
 * CriticMarkup tokens (`micromark-critic.ts`) into the tree's suggestion nodes (`syntax.ts`).
 *
 * Each node's position covers the whole span with its attribution comment; `data.critic` holds
 * the source offsets of its content (and of a substitution's new text), which is what
 * `check --accept/--reject` keeps of it. An opener left unclosed becomes a text node marked
 * `data.criticUnclosed`, reported by `remarkSuggestions`.
 */
import type { CompileContext, Extension, Token } from 'mdast-util-from-markdown';
import type { Nodes, Paragraph, Text } from 'mdast';
import { parseAttribution, type Suggestion } from './syntax.ts';
import './node-types.ts';

const BACKSLASH_ESCAPE = /\\([!-/:-@[-`{-~])/g;

/** The from-markdown extension that builds suggestion nodes. */
export function criticFromMarkdown(): Extension {
  return {
    // Soft line breaks inside a span are kept, as in a paragraph.
    canContainEols: ['suggestionInsert', 'suggestionDelete', 'suggestionSubstitute', 'suggestionComment', 'paragraph'],
    enter: {
      criticInsert(token) {
        this.enter({ type: 'suggestionInsert', children: [], attribution: {} }, token);
      },
      criticDelete(token) {
        this.enter({ type: 'suggestionDelete', children: [], attribution: {} }, token);
      },
      criticSubstitute(token) {
        this.enter({ type: 'suggestionSubstitute', children: [], inserted: [], attribution: {} }, token);
      },
      criticHighlight(token) {
        this.enter({ type: 'suggestionComment', children: [], attribution: {} }, token);
      },
      criticInserted(token) {
        // A holder for the new text of a substitution, moved into `inserted` on exit.
        this.enter({ type: 'paragraph', children: [] }, token);
      },
      criticComment(token) {
        if (token._criticAttached !== true) this.enter({ type: 'suggestionComment', children: [], attribution: {} }, token);
      },
      criticUnclosed(token) {
        this.enter({ type: 'text', value: '', data: { criticUnclosed: true } }, token);
      },
    },
    exit: {
      criticInsert: exitSuggestion,
      criticDelete: exitSuggestion,
      criticSubstitute: exitSuggestion,
      criticHighlight: exitSuggestion,
      criticContent(token) {
        const node = currentSuggestion(this);
        if (node) node.data = { ...node.data, critic: { ...node.data?.critic, content: [offset(token.start), offset(token.end)] } };
      },
      criticInserted(token) {
        const holder = this.stack.at(-1) as Paragraph;
        this.exit(token);
        const node = this.stack.at(-1);
        if (node?.type !== 'suggestionSubstitute') return;
        node.children = node.children.filter((child) => child !== (holder as unknown));
        node.inserted = holder.children;
        node.data = { ...node.data, critic: { ...node.data?.critic, inserted: [offset(token.start), offset(token.end)] } };
      },
      criticComment(token) {
        // The content between `{>>` and `<<}`, line endings included, backslash escapes undone.
        const node = currentSuggestion(this);
        if (node) node.attribution = parseAttribution(this.sliceSerialize(token).slice(3, -3).replace(BACKSLASH_ESCAPE, '$1'));
        if (token._criticAttached !== true) this.exit(token);
      },
      criticUnclosed(token) {
        const node = this.stack.at(-1) as Text;
        node.value = this.sliceSerialize(token);
        this.exit(token);
      },
    },
  };
}

function exitSuggestion(this: CompileContext, token: Token): undefined {
  this.exit(token);
  return undefined;
}

function currentSuggestion(context: CompileContext): Suggestion | undefined {
  const node = context.stack.at(-1) as Nodes | undefined;
  return node && (node.type === 'suggestionInsert' || node.type === 'suggestionDelete' || node.type === 'suggestionSubstitute' || node.type === 'suggestionComment') ? node : undefined;
}

function offset(point: Token['start']): number {
  return point.offset;
}
