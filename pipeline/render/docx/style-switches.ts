import type { ParagraphStyleSpec } from './word-profile.ts';

/**
 * Paragraph style properties the docx library cannot write: not snapping to the document grid
 * (it has no paragraph `w:snapToGrid`) and letter spacing of zero (it leaves out a spacing of 0,
 * so a style could not undo the spacing of the style it is based on).
 */
export interface StyleSwitches {
  /** Styles whose paragraphs do not snap to the document grid. */
  unsnapped: readonly string[];
  /** Styles whose runs have no letter spacing, whatever their base style has. */
  unspaced: readonly string[];
}

/** The switches a Word profile's paragraph styles ask for. */
export function styleSwitchesOf(paragraphStyles: Readonly<Record<string, ParagraphStyleSpec>>): StyleSwitches {
  const entries = Object.entries(paragraphStyles);
  return {
    unsnapped: entries.filter(([, spec]) => spec.snapToGrid === false).map(([id]) => id),
    unspaced: entries.filter(([, spec]) => spec.letterSpacingPt === 0).map(([id]) => id),
  };
}

/** Elements of `w:pPr` after `w:snapToGrid` in the schema's order (CT_PPrBase). */
const PPR_AFTER_SNAP_TO_GRID = ['spacing', 'ind', 'contextualSpacing', 'mirrorIndents', 'suppressOverlap', 'jc', 'textDirection', 'textAlignment', 'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle', 'rPr', 'sectPr', 'pPrChange'];

/** Elements of `w:rPr` after `w:spacing` in the schema's order (CT_RPr). */
const RPR_AFTER_SPACING = ['w', 'kern', 'position', 'sz', 'szCs', 'highlight', 'u', 'effect', 'bdr', 'shd', 'fitText', 'vertAlign', 'rtl', 'cs', 'em', 'lang', 'eastAsianLayout', 'specVanish', 'oMath'];

/** Write the switches into the paragraph styles of a styles part. */
export function applyStyleSwitches(xml: string, switches: StyleSwitches): string {
  return xml.replace(/<w:style\b[^>]*\bw:type="paragraph"[^>]*>[\s\S]*?<\/w:style>/g, (style) => {
    const id = /\bw:styleId="([^"]+)"/.exec(style)?.[1] ?? '';
    let result = style;
    if (switches.unsnapped.includes(id)) result = insertProperty(result, 'pPr', '<w:snapToGrid w:val="0"/>', PPR_AFTER_SNAP_TO_GRID);
    if (switches.unspaced.includes(id)) result = insertProperty(result, 'rPr', '<w:spacing w:val="0"/>', RPR_AFTER_SPACING);
    return result;
  });
}

/**
 * Put `element` into the style's `w:pPr` or `w:rPr` (made if missing) before the first of the
 * elements that follow it in the schema; a property already there is left alone.
 */
function insertProperty(style: string, container: 'pPr' | 'rPr', element: string, after: readonly string[]): string {
  const name = /^<w:(\w+)/.exec(element)?.[1] ?? '';
  const found = new RegExp(`<w:${container}>([\\s\\S]*?)</w:${container}>`).exec(style);
  if (!found) {
    if (style.includes(`<w:${container}/>`)) return style.replace(`<w:${container}/>`, `<w:${container}>${element}</w:${container}>`);
    // pPr comes before rPr, and both before the end of the style.
    const before = container === 'pPr' ? /<w:rPr>|<w:rPr\/>|<\/w:style>/ : /<\/w:style>/;
    return style.replace(before, (tag) => `<w:${container}>${element}</w:${container}>${tag}`);
  }
  const inner = found[1] ?? '';
  if (new RegExp(`<w:${name}[\\s/>]`).test(inner)) return style;
  const next = new RegExp(`<w:(${after.join('|')})[\\s/>]`).exec(inner);
  const placed = next ? `${inner.slice(0, next.index)}${element}${inner.slice(next.index)}` : `${inner}${element}`;
  return style.replace(found[0], `<w:${container}>${placed}</w:${container}>`);
}
