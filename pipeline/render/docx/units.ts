/**
 * Unit conversions for Word: lengths in twips (1/20 pt), font sizes in half-points,
 * and image sizes in CSS pixels (96 to the inch), which the docx library takes.
 */

/** Twips in one point. */
export const TWIPS_PER_PT = 20;

/** Millimetres to twips (1 inch = 25.4 mm = 1440 twips), rounded. */
export function mmToTwips(mm: number): number {
  return Math.round((mm / 25.4) * 1440);
}

/** Points to twips, rounded. */
export function ptToTwips(pt: number): number {
  return Math.round(pt * TWIPS_PER_PT);
}

/** Points to half-points (the unit of `w:sz`), rounded. */
export function ptToHalfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/** Millimetres to CSS pixels at 96 to the inch. */
export function mmToPx(mm: number): number {
  return (mm / 25.4) * 96;
}

/** A4 paper in millimetres. */
export const A4_MM = { width: 210, height: 297 } as const;
