/**
 * Colours of a chart palette: sRGB hex colours, and their relative luminance (WCAG 2), by which a
 * palette is checked to stay legible in greyscale print.
 */

/** A colour written `#rrggbb`. */
export const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/** The relative luminance of a `#rrggbb` colour (WCAG 2: 0 for black, 1 for white). */
export function relativeLuminance(colour: string): number {
  const channel = (offset: number) => {
    const value = parseInt(colour.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Least contrast ratio between two colours of a palette next in luminance: printed in greys, they stay apart. */
export const MIN_GREY_CONTRAST = 1.4;

/**
 * The pairs of colours of a palette too close in luminance to tell apart in greyscale print
 * (contrast ratio below {@link MIN_GREY_CONTRAST}); empty when the palette is fine.
 */
export function greyCollisions(palette: readonly string[]): [string, string][] {
  const sorted = [...palette].sort((a, b) => relativeLuminance(a) - relativeLuminance(b));
  const collisions: [string, string][] = [];
  for (let index = 1; index < sorted.length; index++) {
    const darker = sorted[index - 1] ?? '';
    const lighter = sorted[index] ?? '';
    if ((relativeLuminance(lighter) + 0.05) / (relativeLuminance(darker) + 0.05) < MIN_GREY_CONTRAST) collisions.push([darker, lighter]);
  }
  return collisions;
}
