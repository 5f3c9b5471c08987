/**
 * How many documents the property tests generate, and from which seed. The seed is fixed, so a
 * run is reproducible; set `PROPERTY_SEED` to explore other documents, and `PROPERTY_RUNS`
 * (HTML and Word, each) or `PROPERTY_PDF_RUNS` to generate more or fewer. A failure prints the
 * seed and the path fast-check needs to replay it.
 */
import fc from 'fast-check';

function integer(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number, got ${value}`);
  return parsed;
}

/** Seed of every property test (`PROPERTY_SEED`). */
export const SEED = integer('PROPERTY_SEED', 20_240_611);

/** Documents built to HTML, and again to Word (`PROPERTY_RUNS`). */
export const RUNS = integer('PROPERTY_RUNS', 1000);

/** Documents printed to PDF (`PROPERTY_PDF_RUNS`). */
export const PDF_RUNS = integer('PROPERTY_PDF_RUNS', 20);

/**
 * fast-check parameters for `runs` documents from the seed. With `shrink: false` the first
 * failing document is reported as generated: shrinking retries the check hundreds of times,
 * which for a PDF (seconds each) would take hours.
 */
export function checkParameters(runs: number, shrink = true): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: runs, verbose: fc.VerbosityLevel.None, endOnFailure: !shrink };
}
