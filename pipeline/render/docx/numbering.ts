import { AlignmentType, LevelFormat, type ILevelsOptions, type NumberingDefinition } from 'docx';
import type { List } from 'mdast';
import type { Template } from '../../template/load-template.ts';
import type { WordProfile } from './word-profile.ts';
import { MAX_LIST_LEVEL } from './style-ids.ts';
import { ptToTwips } from './units.ts';

/** Numbering reference of bullet lists. */
export const BULLET_REFERENCE = 'bullet';
/** Numbering reference of ordered lists that start at 1. */
export const ORDERED_REFERENCE = 'ordered';

const BULLETS = ['•', '◦', '▪'] as const;

function levels(template: Template, profile: WordProfile, level: (index: number) => Omit<ILevelsOptions, 'level' | 'style'>): ILevelsOptions[] {
  const step = ptToTwips(template.bodySizePt) * profile.listIndentChars;
  return Array.from({ length: MAX_LIST_LEVEL + 1 }, (_, index) => ({
    level: index,
    alignment: AlignmentType.LEFT,
    ...level(index),
    style: { paragraph: { indent: { left: step * (index + 1), hanging: step } } },
  }));
}

/** Decimal numbering (`1.` at every level) starting at `start`. */
export function orderedDefinition(template: Template, profile: WordProfile, start: number): NumberingDefinition {
  return {
    reference: start === 1 ? ORDERED_REFERENCE : `${ORDERED_REFERENCE}-from-${start}`,
    levels: levels(template, profile, (index) => ({ format: LevelFormat.DECIMAL, text: `%${index + 1}.`, start })),
  };
}

/** The document's numbering: bullets (•, ◦, ▪ by level) and decimal numbers, levels 0 to 8, indented by the profile's step. */
export function numberingConfig(template: Template, profile: WordProfile): NumberingDefinition[] {
  return [
    { reference: BULLET_REFERENCE, levels: levels(template, profile, (index) => ({ format: LevelFormat.BULLET, text: BULLETS[index % BULLETS.length] ?? '•' })) },
    orderedDefinition(template, profile, 1),
  ];
}

/**
 * The numbering a list's items use: the bullet reference, the ordered one, or for an ordered list
 * that starts elsewhere (`3.`), a definition of its own that the docx library adds on first use.
 */
export function listNumbering(list: List, template: Template, profile: WordProfile): string | NumberingDefinition {
  if (!list.ordered) return BULLET_REFERENCE;
  const start = list.start ?? 1;
  return start === 1 ? ORDERED_REFERENCE : orderedDefinition(template, profile, Math.max(0, start));
}
