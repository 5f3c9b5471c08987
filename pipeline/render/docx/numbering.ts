import { AlignmentType, LevelFormat, LevelSuffix, type ILevelsOptions, type NumberingDefinition } from 'docx';
import type { List } from 'mdast';
import type { Template } from '../../template/load-template.ts';
import type { WordProfile } from './word-profile.ts';
import { MAX_LIST_LEVEL } from './style-ids.ts';
import { ptToTwips } from './units.ts';

/** Numbering reference of bullet lists. */
export const BULLET_REFERENCE = 'bullet';
/** Numbering reference of ordered lists that start at 1. */
export const ORDERED_REFERENCE = 'ordered';

/** Numbering reference of task list items: indented like bullets, without a bullet (the ☐/☒ box is the marker). */
export const TASK_REFERENCE = 'task';

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

/** Numbering reference of automatically numbered headings. */
export const HEADING_REFERENCE = 'heading-numbers';

/**
 * The document's numbering: bullets (•, ◦, ▪ by level), task items (no marker but their box) and
 * decimal numbers, levels 0 to 8,
 * indented by the profile's step; and the template's heading numbers (`一、`, `（一）` …, with
 * nothing between number and text, the heading style's indents kept).
 */
export function numberingConfig(template: Template, profile: WordProfile): NumberingDefinition[] {
  const headingLevels = (template.headingNumbers ?? []).map((level, index) => ({
    level: index,
    format: level.format === 'chineseCounting' ? LevelFormat.CHINESE_COUNTING : LevelFormat.DECIMAL,
    text: level.text,
    alignment: AlignmentType.LEFT,
    suffix: LevelSuffix.NOTHING,
  }));
  return [
    { reference: BULLET_REFERENCE, levels: levels(template, profile, (index) => ({ format: LevelFormat.BULLET, text: BULLETS[index % BULLETS.length] ?? '•' })) },
    orderedDefinition(template, profile, 1),
    { reference: TASK_REFERENCE, levels: levels(template, profile, () => ({ format: LevelFormat.NONE, text: '' })) },
    ...(headingLevels.length > 0 ? [{ reference: HEADING_REFERENCE, levels: headingLevels }] : []),
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
