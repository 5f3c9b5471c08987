import { Paragraph, Tab, TextRun, type FileChild } from 'docx';
import { mathmlToOmml } from '../mathml-omml.ts';
import type { InlineMath, Math } from 'mdast-util-math';
import type { BlockState, InlineState } from '../context.ts';
import { pushChild, pushText } from '../dispatch.ts';
import { OfficeMath } from '../office-math.ts';
import { equationNumberRuns } from '../crossref-fields.ts';
import { NUMBERED_EQUATION_STYLE_ID } from '../styles.ts';

/**
 * The formula as Office Math markup (`m:oMath`, OMML) made by mathml2omml (`mathml-omml.ts`) from the MathML temml
 * made of its TeX (`remarkMathCheck`): an equation Word, WPS and LibreOffice edit as such.
 * Undefined when the formula has no MathML (the build stops at its error first).
 */
function officeMath(node: Math | InlineMath): string | undefined {
  const mathml = node.data?.mathml;
  return mathml === undefined ? undefined : mathmlToOmml(mathml);
}

/** `inlineMath` (`$…$`): an equation in the line (`m:oMath` inside the paragraph). */
export function inlineMath(node: InlineMath, state: InlineState): void {
  const omml = officeMath(node);
  if (omml === undefined) pushText(state, node.value);
  else pushChild(state, new OfficeMath(omml, false));
}

/**
 * `math` (`$$…$$`): a display equation (`m:oMathPara`), alone in an Equation paragraph; a
 * numbered one (`{#eq-…}`) centred on a tab in a NumberedEquation paragraph, its number (a SEQ
 * field inside the bookmark references point at) at the right edge.
 */
export function math(node: Math, state: BlockState): FileChild[] {
  const omml = officeMath(node);
  const target = node.data?.crossref;
  if (target) {
    const formula = omml === undefined ? new TextRun(node.value) : new OfficeMath(omml, false);
    return [new Paragraph({ style: NUMBERED_EQUATION_STYLE_ID, children: [new TextRun({ children: [new Tab()] }), formula, new TextRun({ children: [new Tab()] }), ...equationNumberRuns(target, state.ctx.bookmarks.get(target.id))] })];
  }
  return [new Paragraph({ style: 'Equation', children: [omml === undefined ? new TextRun(node.value) : new OfficeMath(omml, true)] })];
}
