declare module 'commonmark-spec' {
  /** One example of the CommonMark spec, as the package's `index.js` extracts it (tabs still shown as `→`). */
  export interface SpecExample {
    /** The Markdown source. */
    markdown: string;
    /** The reference HTML rendering. */
    html: string;
    /** Title of the spec section the example is in. */
    section: string;
    /** The example's number in the spec (1-based). */
    number: number;
  }

  /** The spec's text and every example in it. */
  const spec: { text: string; tests: SpecExample[] };
  export default spec;
}
