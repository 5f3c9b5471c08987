declare module 'subset-font' {
  /** Options of subset-font: the output format and variation-axis pinning. */
  interface SubsetFontOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
    preserveNameIds?: number[];
    variationAxes?: Record<string, number | { min: number; max: number; default?: number }>;
  }
  /** Subset a TTF/WOFF/WOFF2 font to the characters of `text` (harfbuzz hb-subset in wasm). */
  export default function subsetFont(font: Uint8Array, text: string, options?: SubsetFontOptions): Promise<Buffer>;
}
