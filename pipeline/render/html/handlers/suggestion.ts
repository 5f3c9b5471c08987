import type { Element, ElementContent } from 'hast';
import type { State } from 'mdast-util-to-hast';
import type { PhrasingContent } from 'mdast';
import { moveId, type Suggestion, type SuggestionComment, type SuggestionDelete, type SuggestionInsert, type SuggestionSubstitute } from '../../../critic/syntax.ts';
import type { PageLabels, SuggestionLabelKind } from '../labels.ts';

/**
 * Suggestions on the web page (and in the `--marked` PDF): `<ins>` and `<del>` after a label
 * that says what changed and who changed it, shown and read aloud (`【插入：市发展改革委
 * 2024-12-01】`, since screen readers do not announce `ins` and `del` themselves); a comment is a
 * `role="note"` after its highlighted text (`<mark>`).
 */
export function createSuggestionHandlers(labels: PageLabels) {
  const children = (state: State, nodes: readonly PhrasingContent[], parent: Suggestion): ElementContent[] =>
    nodes.flatMap((child) => {
      const result = state.one(child, parent);
      return result === undefined ? [] : Array.isArray(result) ? (result as ElementContent[]) : [result as ElementContent];
    });
  const element = (tagName: string, className: string, content: ElementContent[]): Element => ({ type: 'element', tagName, properties: { className: [className] }, children: content });
  const label = (kind: SuggestionLabelKind, node: Suggestion): Element => element('span', 'suggestion-label', [{ type: 'text', value: labels.suggestion(kind, node.attribution) }]);
  const wrap = (state: State, node: Suggestion, kind: string, content: ElementContent[]): Element => {
    const result = element('span', `suggestion suggestion-${kind}`, content);
    state.patch(node, result);
    return result;
  };
  const moved = (node: Suggestion, plain: SuggestionLabelKind, move: SuggestionLabelKind): SuggestionLabelKind => (moveId(node.attribution) === undefined ? plain : move);
  return {
    suggestionInsert(state: State, node: SuggestionInsert): Element {
      return wrap(state, node, 'insert', [label(moved(node, 'insert', 'moveTo'), node), element('ins', 'suggestion-text', children(state, node.children, node))]);
    },
    suggestionDelete(state: State, node: SuggestionDelete): Element {
      return wrap(state, node, 'delete', [label(moved(node, 'delete', 'moveFrom'), node), element('del', 'suggestion-text', children(state, node.children, node))]);
    },
    suggestionSubstitute(state: State, node: SuggestionSubstitute): Element {
      return wrap(state, node, 'substitute', [
        label('substitute', node),
        element('del', 'suggestion-text', children(state, node.children, node)),
        element('ins', 'suggestion-text', children(state, node.inserted, node)),
      ]);
    },
    suggestionComment(state: State, node: SuggestionComment): Element {
      const anchored = node.children.length > 0 ? [element('mark', 'suggestion-anchor', children(state, node.children, node))] : [];
      const note: Element = { type: 'element', tagName: 'span', properties: { className: ['suggestion-note'], role: 'note' }, children: [{ type: 'text', value: labels.suggestion('comment', node.attribution) }] };
      return wrap(state, node, 'comment', [...anchored, note]);
    },
  };
}
