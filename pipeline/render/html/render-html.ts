import { toHtml } from 'hast-util-to-html';
import type { Report } from '../../types.ts';
import type { Template } from '../../template/load-template.ts';
import type { RenderOptions } from '../types.ts';
import { contentToHast } from './to-hast.ts';
import { pageShell, type HtmlVariant } from './shell.ts';

/** Options of the HTML renderer: which edition to write. */
export interface HtmlRenderOptions extends RenderOptions {
  variant: HtmlVariant;
}

/**
 * Render the report as one self-contained HTML page: the accessible web copy (`screen`) or the
 * page Chromium prints to PDF (`print`, which adds the print stylesheet and the template's fonts).
 */
export async function renderHtml(report: Report, template: Template, options: HtmlRenderOptions): Promise<string> {
  const content = contentToHast(report);
  return `${toHtml(pageShell(report, template, content, options.variant))}\n`;
}
