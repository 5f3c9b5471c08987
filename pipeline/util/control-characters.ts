/**
 * Control characters no output can hold: C0 controls but tab, line feed and carriage return,
 * DEL and the C1 controls. Word parts are XML, which forbids most of them; in a web page they
 * are parse errors; the PDF would print them as whatever the font has.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** `U+001B` for a character. */
export function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text without its control characters. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}
