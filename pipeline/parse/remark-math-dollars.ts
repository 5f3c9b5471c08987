import type { Processor } from 'unified';
import type { Code, Construct, Effects, Extension, State } from 'micromark-util-types';

const DOLLAR = 36;

/** White space or a line ending as micromark codes it (space, tab, virtual space, line endings). */
function isSpace(code: Code | undefined): boolean {
  return code === undefined || code === null || code === 32 || code < 0;
}

function isDigit(code: Code): boolean {
  return code !== null && code >= 48 && code <= 57;
}

/**
 * remark-math's inline math held to pandoc's rule for single dollars, so that prices stay text
 * (`$5 and $10`, `$20,000 and $30,000`): the opening `$` must be followed by a non-space
 * character, the closing `$` preceded by one and not followed by a digit. `$$…$$` inside a
 * paragraph is read as remark-math reads it. The tokenizer is remark-math's own; only its
 * result is checked (the characters it consumed, and the one after the closing `$`).
 */
function pandocDollars(construct: Construct): Construct {
  const { tokenize } = construct;
  return {
    ...construct,
    tokenize(effects, ok, nok) {
      const consumed: Code[] = [];
      const recording: Effects = {
        ...effects,
        consume(code) {
          consumed.push(code);
          effects.consume(code);
        },
      };
      const closed: State = (code) => {
        let opening = 0;
        while (consumed[opening] === DOLLAR) opening++;
        if (opening === 1 && (isSpace(consumed[1]) || isSpace(consumed.at(-2)) || isDigit(code))) return nok(code);
        return ok(code);
      };
      return tokenize.call(this, recording, closed, nok);
    },
  };
}

/**
 * Applies pandoc's dollar rule ({@link pandocDollars}) to the inline math construct that
 * `remark-math`, used just before this plugin, registered for `$`.
 */
export function remarkMathDollars(this: Processor): void {
  const extensions = (this.data('micromarkExtensions') ?? []) as Extension[];
  for (const extension of extensions) {
    const constructs = extension.text?.[DOLLAR];
    if (constructs === undefined || constructs === null) continue;
    const list = Array.isArray(constructs) ? constructs : [constructs];
    if (!list.some((construct) => construct.name === 'mathText')) continue;
    const replaced = list.map((construct) => (construct.name === 'mathText' ? pandocDollars(construct) : construct));
    extension.text = { ...extension.text, [DOLLAR]: Array.isArray(constructs) ? replaced : (replaced[0] as Construct) };
  }
}
