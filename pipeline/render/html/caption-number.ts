import type { ElementContent } from 'hast';
import type { CrossrefTarget } from '../../types.ts';

/**
 * What a numbered caption starts with: its number in a `caption-number` span (`图1`, `Figure 1`),
 * then the separator when the caption has text.
 */
export function captionNumber(target: CrossrefTarget | undefined, hasText: boolean): ElementContent[] {
  if (!target) return [];
  const number: ElementContent = { type: 'element', tagName: 'span', properties: { className: ['caption-number'] }, children: [{ type: 'text', value: target.prefix }] };
  return hasText ? [number, { type: 'text', value: target.separator }] : [number];
}
