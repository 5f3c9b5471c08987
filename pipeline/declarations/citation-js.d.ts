declare module '@citation-js/core' {
  /** citation-js's plugin registry: `chain` parses input of a given type into CSL-JSON. */
  export const plugins: {
    input: { chain(input: string, options: { forceType: string; generateGraph: boolean }): object[] };
  };
  /** citation-js's logger; it keeps every message in `_log` (cleared by report-press). */
  export const logger: { _log: unknown[] };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
