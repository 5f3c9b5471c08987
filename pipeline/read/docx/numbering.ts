/**
 * List numbering (`word/numbering.xml`): for a paragraph's `w:numId` and `w:ilvl`, whether the
 * list is ordered (from `w:numFmt`) and where it starts (`w:start`, or a `w:lvlOverride`'s
 * `w:startOverride`). Counting items, restarts included, is the list builder's job.
 */
import type { Element } from '@xmldom/xmldom';
import { attribute, childElements, childValue } from './xml.ts';

/** One level of a list definition. */
export interface ListLevel {
  ordered: boolean;
  start: number;
  /** `w:numFmt`: `decimal`, `bullet`, `chineseCounting`… */
  format: string;
  /** `w:lvlText`: `%1.`, `●`. */
  text: string;
}

/** The list definitions of a document. */
export interface Numbering {
  /** The level of a numbering instance, undefined when it names none (numId 0 removes numbering). */
  level(numId: string, ilvl: number): ListLevel | undefined;
  /** Whether an instance restarts counting at this level (`w:startOverride`). */
  restarts(numId: string, ilvl: number): boolean;
  /** The abstract definition an instance uses: instances of one definition continue one count. */
  abstractOf(numId: string): string | undefined;
}

function readLevel(lvl: Element): ListLevel {
  const format = childValue(lvl, 'w:numFmt') ?? 'decimal';
  return { ordered: format !== 'bullet' && format !== 'none', start: Number(childValue(lvl, 'w:start') ?? '1') || 0, format, text: childValue(lvl, 'w:lvlText') ?? '' };
}

function readLevels(abstract: Element): Map<number, ListLevel> {
  const levels = new Map<number, ListLevel>();
  for (const lvl of childElements(abstract, 'w:lvl')) levels.set(Number(attribute(lvl, 'w:ilvl') ?? '0'), readLevel(lvl));
  return levels;
}

/** Read `word/numbering.xml` (its root element; undefined when the file has no lists). */
export function readNumbering(root: Element | undefined): Numbering {
  const abstracts = new Map<string, Map<number, ListLevel>>();
  const instances = new Map<string, { abstract: string; overrides: Map<number, { start?: number; level?: ListLevel }> }>();
  if (root !== undefined) {
    for (const abstract of childElements(root, 'w:abstractNum')) {
      const id = attribute(abstract, 'w:abstractNumId');
      if (id !== undefined) abstracts.set(id, readLevels(abstract));
    }
    for (const num of childElements(root, 'w:num')) {
      const numId = attribute(num, 'w:numId');
      const abstract = childValue(num, 'w:abstractNumId');
      if (numId === undefined || abstract === undefined) continue;
      const overrides = new Map<number, { start?: number; level?: ListLevel }>();
      for (const override of childElements(num, 'w:lvlOverride')) {
        const ilvl = Number(attribute(override, 'w:ilvl') ?? '0');
        const entry: { start?: number; level?: ListLevel } = {};
        const start = childValue(override, 'w:startOverride');
        if (start !== undefined) entry.start = Number(start) || 0;
        const [lvl] = childElements(override, 'w:lvl');
        if (lvl) entry.level = readLevel(lvl);
        overrides.set(ilvl, entry);
      }
      instances.set(numId, { abstract, overrides });
    }
  }
  return {
    level(numId, ilvl) {
      const instance = instances.get(numId);
      if (instance === undefined) return undefined;
      const override = instance.overrides.get(ilvl);
      const base = override?.level ?? abstracts.get(instance.abstract)?.get(ilvl);
      if (base === undefined) return undefined;
      return override?.start === undefined ? base : { ...base, start: override.start };
    },
    restarts(numId, ilvl) {
      return instances.get(numId)?.overrides.get(ilvl)?.start !== undefined;
    },
    abstractOf(numId) {
      return instances.get(numId)?.abstract;
    },
  };
}
