import { headingNumbers } from '../heading-numbers.ts';
import { outlineLevel } from '../outline-level.ts';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import type { Element, Root as HastRoot } from 'hast';
import type { Report } from '../../types.ts';
import type { Template } from '../../template/load-template.ts';
import type { RenderOptions } from '../types.ts';
import { contentToHast } from './to-hast.ts';
import { chartElements } from './chart-html.ts';
import { pageShell, type HtmlVariant } from './shell.ts';
import { embedFonts } from './embed-fonts.ts';
import { splitLongTextRuns } from './split-text-runs.ts';
import { labelFormulasForPrint } from './print-formulas.ts';
import { flag } from '../../util/messages.ts';

/** Options of the HTML renderer: which edition to write, and whether to carry its fonts. */
export interface HtmlRenderOptions extends RenderOptions {
  variant: HtmlVariant;
  /** Inline the template's web fonts, subset to the page's characters (screen edition). */
  embedFonts?: boolean;
}

/**
 * Render the report as one self-contained HTML page: the accessible web copy (`screen`) or the
 * page Chromium prints to PDF (`print`, which adds the print stylesheet and the template's fonts).
 */
export async function renderHtml(report: Report, template: Template, options: HtmlRenderOptions): Promise<string> {
  const numbers = headingNumbers(report.tree, template, (heading) => outlineLevel(heading, report.file));
  const content = contentToHast(report, numbers, options.sourceLines === true, await chartElements(report, template, options.variant));
  const page = pageShell(report, template, content, options.variant, numbers);
  if (options.embedFonts === true && options.variant === 'screen') await addEmbeddedFonts(page, report, template);
  // Chromium prints one long text node superlinearly: split it where that changes nothing printed.
  if (options.variant === 'print') splitLongTextRuns(page);
  if (options.variant === 'print') labelFormulasForPrint(page);
  return `${toHtml(page)}\n`;
}

async function addEmbeddedFonts(page: HastRoot, report: Report, template: Template): Promise<void> {
  const texts = textByRoleAndWeight(page);
  const embeddable = new Set(template.printFontFiles.filter((font) => 'package' in font || 'files' in font).map((font) => font.family));
  const fonts = await embedFonts(template, (family, weight) =>
    Object.entries(template.fonts)
      .filter(([, font]) => font.print.find((candidate) => embeddable.has(candidate)) === family)
      .map(([role]) => texts.get(`${role}/${weight >= 600 ? 'bold' : 'regular'}`) ?? '')
      .join(''),
  );
  const stacks = Object.entries(template.fonts).map(([role, font]) => `--font-${role}: ${[...font.print, ...font.screen].map((family) => (/^[a-z-]+$/.test(family) ? family : `"${family}"`)).join(', ')};`);
  const head = findElement(page, 'head');
  const css = `${fonts.css}\n:root { ${stacks.join(' ')} }`;
  head?.children.push(h('style', css));
  flag(report.file, 'embed-fonts', undefined, { kilobytes: (Buffer.byteLength(css) / 1024).toFixed(1), files: fonts.files });
}

const ROLE_OF_TAG: Record<string, string> = { h1: 'title', h2: 'heading1', h3: 'heading2', code: 'mono', pre: 'mono', kbd: 'mono', samp: 'mono', em: 'heading2' };
const BOLD_TAGS = new Set(['strong', 'b', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * The page's text keyed by `role/weight` (role as in the template's fonts: title for h1,
 * heading1 for h2, heading2 for h3, mono for code, body otherwise), so each face is subset only
 * to what it sets. Characters CSS itself adds (list markers) are few; the system fonts cover them.
 */
function textByRoleAndWeight(page: HastRoot): Map<string, string> {
  const texts = new Map<string, string>();
  const walk = (node: HastRoot | Element, role: string, bold: boolean) => {
    for (const child of node.children) {
      if (child.type === 'text') texts.set(`${role}/${bold ? 'bold' : 'regular'}`, (texts.get(`${role}/${bold ? 'bold' : 'regular'}`) ?? '') + child.value);
      else if (child.type === 'element' && child.tagName !== 'style' && child.tagName !== 'head') walk(child, ROLE_OF_TAG[child.tagName] ?? role, bold || BOLD_TAGS.has(child.tagName));
    }
  };
  walk(page, 'body', false);
  return texts;
}

function findElement(tree: HastRoot, tagName: string): Element | undefined {
  let found: Element | undefined;
  visit(tree, 'element', (element) => {
    if (!found && element.tagName === tagName) found = element;
  });
  return found;
}
