declare module 'citeproc' {
  /** What citeproc-js asks its host for: locales (as XML) and items (CSL-JSON) by id. */
  export interface CiteprocSys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): object;
  }
  /** One cited item of a cluster, as citeproc-js takes it. */
  export interface CiteprocCitationItem {
    id: string;
    locator?: string;
    label?: string;
    prefix?: string;
    suffix?: string;
    'suppress-author'?: boolean;
  }
  /** A citation cluster: its id, items and how it is placed. */
  export interface CiteprocCitation {
    citationID: string;
    citationItems: CiteprocCitationItem[];
    properties: { noteIndex: number; mode?: 'composite' | 'author-only' | 'suppress-author' };
  }
  /** What `makeBibliography` returns: layout parameters, and each entry's HTML in order. */
  export type CiteprocBibliography = [
    { 'second-field-align': false | 'flush' | 'margin'; hangingindent?: boolean; entry_ids: string[][]; bibliography_errors: unknown[] },
    string[],
  ];
  /** The citeproc-js engine for one style and language. */
  export class Engine {
    constructor(sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean);
    opt: { 'default-locale': string[]; xclass: string; development_extensions: Record<string, boolean> };
    setOutputFormat(format: 'html' | 'text' | 'rtf'): void;
    updateItems(ids: string[]): void;
    /** With an empty list: back to an empty state (new registry), the compiled style kept. */
    restoreProcessorState(citations: CiteprocCitation[]): void;
    processCitationCluster(citation: CiteprocCitation, pre: [string, number][], post: [string, number][]): [{ bibchange: boolean; citation_errors: unknown[] }, [number, string, string][]];
    makeBibliography(): CiteprocBibliography | false;
  }
  const CSL: { Engine: typeof Engine };
  export default CSL;
}
