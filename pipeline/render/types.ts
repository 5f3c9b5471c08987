import type { Report } from '../types.ts';
import type { Template } from '../template/load-template.ts';

/** Options every renderer accepts. */
export interface RenderOptions {
  /**
   * Fixed time written into the output's metadata, so that two builds of the same source
   * give the same bytes (from the front-matter date, else SOURCE_DATE_EPOCH, else a default).
   */
  date: Date;
  /**
   * Web page and print page only: mark each block with the source line it starts on
   * (`data-source-line`), for `press preview`. Never in a normal build (its bytes stay the same).
   */
  sourceLines?: boolean;
}

/**
 * A renderer turns the one transformed tree into one output. It never changes the tree; it may
 * add messages to `report.file` (e.g. content that this format cannot show, at its position).
 */
export type Renderer<Output> = (report: Report, template: Template, options: RenderOptions) => Promise<Output>;
