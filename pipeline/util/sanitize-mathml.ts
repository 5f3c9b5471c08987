/**
 * MathML Core's presentation elements, which the page keeps (temml's output for `$…$`, and
 * MathML written as raw HTML): layout only. Not among them: `maction` (interaction), `mglyph`
 * (loads an image), `annotation-xml` (may hold HTML; see {@link MATHML_STRIPPED}).
 */
export const MATHML_TAG_NAMES: readonly string[] = [
  'math', 'semantics', 'annotation', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'msub', 'msup', 'msubsup', 'munder', 'mover', 'munderover',
  'mmultiscripts', 'mprescripts', 'none', 'mfrac', 'msqrt', 'mroot', 'mstyle', 'merror', 'mpadded', 'mphantom', 'mtable', 'mtr', 'mtd', 'menclose',
];

/** MathML elements removed with their content: `annotation-xml` may carry HTML. */
export const MATHML_STRIPPED: readonly string[] = ['annotation-xml'];

/** Attributes every MathML element may keep: how it is laid out, never a link, a style or a script. */
const LAYOUT = ['dir', 'displaystyle', 'scriptlevel', 'mathvariant', 'mathsize', 'mathcolor', 'mathbackground'];

/**
 * The attributes each MathML element keeps (hast property names): layout and spacing values
 * only. `href` (which some browsers follow on any MathML element), `style`, `class` and event
 * handlers are never among them.
 */
export const MATHML_ATTRIBUTES: Readonly<Record<string, (string | [string, ...string[]])[]>> = {
  math: [...LAYOUT, ['display', 'block', 'inline'], 'alttext'],
  annotation: ['encoding'],
  mo: [...LAYOUT, 'form', 'fence', 'separator', 'lspace', 'rspace', 'stretchy', 'symmetric', 'maxsize', 'minsize', 'largeop', 'movablelimits', 'accent'],
  mover: [...LAYOUT, 'accent'],
  munder: [...LAYOUT, 'accentunder'],
  munderover: [...LAYOUT, 'accent', 'accentunder'],
  mfrac: [...LAYOUT, 'linethickness'],
  mspace: [...LAYOUT, 'width', 'height', 'depth'],
  mpadded: [...LAYOUT, 'width', 'height', 'depth', 'lspace', 'voffset'],
  mtable: [...LAYOUT, 'columnalign', 'rowalign', 'columnspacing', 'rowspacing', 'columnlines', 'rowlines', 'frame', 'framespacing', 'width'],
  mtr: [...LAYOUT, 'columnalign', 'rowalign'],
  mtd: [...LAYOUT, 'columnalign', 'rowalign', 'columnspan', 'rowSpan'],
  menclose: [...LAYOUT, 'notation'],
  ...Object.fromEntries(['semantics', 'mrow', 'mi', 'mn', 'ms', 'mtext', 'msub', 'msup', 'msubsup', 'mmultiscripts', 'mprescripts', 'none', 'msqrt', 'mroot', 'mstyle', 'merror', 'mphantom'].map((tag) => [tag, LAYOUT])),
};
