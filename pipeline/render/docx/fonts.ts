import type { IFontAttributesProperties } from 'docx';
import type { Template } from '../../template/load-template.ts';
import type { FontRoleName } from './word-profile.ts';

/** The Word font slots of a template's font role: Latin names for ASCII/hAnsi/cs, the CJK name for East Asian text. */
export function runFonts(template: Template, role: FontRoleName): IFontAttributesProperties {
  const font = template.fonts[role];
  return { ascii: font.latin, hAnsi: font.latin, cs: font.latin, eastAsia: font.word };
}

/** A font the document names, with the alternative name Word may use when it is missing (`w:altName`). */
export interface DeclaredFont {
  name: string;
  altName?: string;
}

/**
 * Every font the template's roles name, once each, in role order: East Asian names carry
 * their `wordFallback` as the alternative name; Latin names stand alone.
 */
export function declaredFonts(template: Template): DeclaredFont[] {
  const fonts = new Map<string, DeclaredFont>();
  for (const role of Object.values(template.fonts)) {
    if (!fonts.has(role.word)) {
      fonts.set(role.word, role.wordFallback && role.wordFallback !== role.word ? { name: role.word, altName: role.wordFallback } : { name: role.word });
    }
    if (!fonts.has(role.latin)) fonts.set(role.latin, { name: role.latin });
  }
  return [...fonts.values()];
}
