import type { Element, Root as HastRoot } from 'hast';
import { visit } from 'unist-util-visit';

/** Longest marker (digits) the templates' list indent of 2 em holds; longer ones get more room. */
const DIGITS_THE_INDENT_HOLDS = 3;

/**
 * Give each ordered list whose last number has more digits than the templates' indent holds a
 * wider indent, in `ch` (the width of a digit in the list's own font): markers sit outside the
 * text, and a long one (`123456789.`) would otherwise reach past the page margin, where print
 * cuts it off.
 */
export function widenLongListMarkers(tree: HastRoot): void {
  visit(tree, 'element', (list: Element) => {
    if (list.tagName !== 'ol') return;
    const start = Number(list.properties.start ?? 1);
    const items = list.children.filter((child) => child.type === 'element' && child.tagName === 'li').length;
    if (!Number.isFinite(start) || items === 0) return;
    const widest = Math.max(String(start).length, String(start + items - 1).length);
    if (widest <= DIGITS_THE_INDENT_HOLDS) return;
    // The digits, the full stop and a gap before the text.
    list.properties.style = `padding-inline-start: calc(${widest + 1}ch + 0.5em)`;
  });
}
