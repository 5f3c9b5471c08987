import { diffChars } from 'diff';

/**
 * Where each character of `rendered` stands in `written`, the source text it was made from
 * (escapes, entities and normalised punctuation make the two differ a little): an array of
 * `rendered.length + 1` offsets into `written`. A character the source does not have maps to the
 * place where it would be.
 */
export function alignCharacters(rendered: string, written: string): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const part of diffChars(rendered, written)) {
    const length = part.value.length;
    if (part.added) {
      at += length;
    } else if (part.removed) {
      for (let index = 0; index < length; index++) offsets.push(at);
    } else {
      for (let index = 0; index < length; index++) offsets.push(at + index);
      at += length;
    }
  }
  offsets.push(at);
  return offsets;
}
