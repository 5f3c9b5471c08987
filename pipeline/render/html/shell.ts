import { h } from 'hastscript';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Heading } from 'mdast';
import type { Report } from '../../types.ts';
import type { Template } from '../../template/load-template.ts';
import { labelsFor } from './labels.ts';
import { mimeType } from '../../util/assets.ts';
import { FORMAT_SLUGS } from '../../gongwen/meta.ts';
import { gongwenHead, gongwenMain, gongwenRecord, issuerMark, issuerMarkSizePt, printRecord, RECORD_LAYOUT_ID } from '../../gongwen/html.ts';
import { letterPageCss } from '../../gongwen/letter-page.ts';
import { displayDate } from '../display-date.ts';
import { isContentsEntry } from '../contents-entry.ts';
import { MAIN_ID, TOC_LABEL_ID, tocPageId } from './page-ids.ts';
import { fontStack, localFaceCss, resolvePrintFonts, type FontRoleName } from '../../fonts/print-fonts.ts';

/** Text of a print contents entry's page number before the PDF renderer knows the page. */
const TOC_PAGE_PLACEHOLDER = '0';

/** Which edition of the page: the web copy, or the page Chromium prints to PDF. */
export type HtmlVariant = 'screen' | 'print';

/**
 * The whole page around the content: `<html lang>`, head with title and metadata, a skip link,
 * `<header>` with the title block, a `<nav>` table of contents (when `toc` is set), `<main>`, and a
 * `<footer>` with the publication details.
 */
export function pageShell(report: Report, template: Template, content: HastRoot, variant: HtmlVariant, numbers?: ReadonlyMap<Heading, string>): HastRoot {
  const { meta } = report;
  const labels = labelsFor(meta.lang);
  const title = report.file.data.title?.text ?? meta.title ?? firstHeadingText(report) ?? report.file.stem ?? 'Report';
  const metaTags: Element[] = [h('meta', { charset: 'utf-8' }), h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }), h('title', title)];
  if (meta.author) metaTags.push(h('meta', { name: 'author', content: meta.author }));
  if (meta.description ?? meta.subject) metaTags.push(h('meta', { name: 'description', content: meta.description ?? meta.subject ?? '' }));
  if (meta.keywords.length > 0) metaTags.push(h('meta', { name: 'keywords', content: meta.keywords.join(', ') }));
  metaTags.push(h('meta', { name: 'generator', content: 'report-press' }));
  metaTags.push(h('meta', { name: 'color-scheme', content: 'light dark' }));
  if (variant === 'print') {
    for (const href of resolvePrintFonts(template).stylesheets) metaTags.push(h('link', { rel: 'stylesheet', href }));
  }
  const css = `${fontVariables(template, variant)}\n${template.screenCss}${variant === 'print' ? `\n${template.printCss}` : ''}`;
  metaTags.push(h('style', css));

  const body: ElementContent[] = [];
  if (variant === 'screen') body.push(h('a', { className: ['skip-link'], href: '#content' }, labels.skipLink));
  const gongwen = meta.gongwen;
  const header = gongwen ? gongwenHead(meta, gongwen) : titleBlock(report, content);
  if (header) body.push(header);
  // The web copy always has its navigation; the print edition only when the author asks for it.
  // Any heading counts, also one in a quote or list: the navigation lists them all, and the PDF
  // renderer fills in a page for each (it found no entry when only nested headings had one).
  let hasHeadings = false;
  visit(report.tree, 'heading', (heading: Heading) => {
    // The title heading is no entry: a document whose only heading is its title has no contents.
    if (isContentsEntry(heading, report.file)) hasHeadings = true;
  });
  // A 公文 opens with its 版头 and title: contents only when asked for.
  if (((variant === 'screen' && !gongwen) || meta.toc) && hasHeadings) body.push(tableOfContents(report, labels.contents, variant, numbers));
  const seal = report.file.data.gongwenSeal;
  const sealSrc = seal ? `data:${mimeType(seal)};base64,${Buffer.from(seal.bytes).toString('base64')}` : undefined;
  const mainContent = gongwen ? gongwenMain(meta, gongwen, content.children as ElementContent[], variant, sealSrc, report.file.data.title?.source === 'heading' ? report.file.data.title.text : undefined) : (content.children as ElementContent[]);
  body.push(h('main', { id: MAIN_ID, className: ['report-body'], tabIndex: -1 }, mainContent));
  const footer = gongwen ? gongwenRecord(gongwen) : footerBlock(report, labels.published);
  if (footer) body.push(...(gongwen && variant === 'print' ? printRecord(footer) : [footer]));
  if (gongwen && footer && variant === 'print') metaTags.push(h('style', { id: RECORD_LAYOUT_ID }, ''));
  if (gongwen?.format === '信函' && variant === 'print') {
    const mark = issuerMark(meta, gongwen);
    metaTags.push(h('style', letterPageCss(mark, issuerMarkSizePt(mark), fontStack(resolvePrintFonts(template).boldStacks.title), template.page.marginMm)));
  }

  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: meta.lang, className: [`template-${template.name}`, `variant-${variant}`, ...(gongwen ? [`gw-${FORMAT_SLUGS[gongwen.format]}`] : [])] }, [h('head', metaTags), h('body', body)]),
    ],
  };
}

function fontVariables(template: Template, variant: HtmlVariant): string {
  const stack = (families: string[]) => families.map((family) => (/^[a-z-]+$/.test(family) ? family : `"${family}"`)).join(', ');
  // Print: only the template's own faces (no generic family, so no machine font), and the
  // @font-face rules of the faces it loads from local files.
  const print = variant === 'print' ? resolvePrintFonts(template) : undefined;
  const lines = Object.entries(template.fonts).map(([role, font]) => {
    if (!print) return `  --font-${role}: ${stack(font.screen)};`;
    // Print: also the stack for bold text, of faces with a real bold (a faked one prints as Type 3).
    return `  --font-${role}: ${fontStack(print.stacks[role as FontRoleName])};\n  --font-${role}-bold: ${fontStack(print.boldStacks[role as FontRoleName])};`;
  });
  // Formulas: the math face, then the body's faces (a CJK character in a formula); on screen the
  // reader's math font (`var(--font-math, math)` in base.css).
  if (print?.mathFace) lines.push(`  --font-math: ${fontStack([print.mathFace.family, ...print.stacks.body])};`);
  const faces = print ? `${localFaceCss(print)}\n` : '';
  return `${faces}:root {\n${lines.join('\n')}\n  --body-size: ${template.bodySizePt}pt;\n  --line-height-pt: ${template.lineHeightPt}pt;\n}`;
}

/** The title block; a title heading that opens the source moves out of `content` into it. */
function titleBlock(report: Report, content: HastRoot): Element | undefined {
  const { meta } = report;
  const children: ElementContent[] = [];
  const title = report.file.data.title;
  if (meta.title) children.push(h('h1', { className: ['title'] }, meta.title));
  else if (title?.source === 'file-name') children.push(h('h1', { className: ['title'] }, title.text));
  else if (title?.source === 'heading') {
    const index = content.children.findIndex((node) => node.type === 'element');
    const heading = content.children[index];
    if (heading?.type === 'element' && heading.tagName === 'h1') {
      content.children.splice(index, 1);
      heading.properties.className = ['title'];
      children.push(heading);
    }
  }
  if (meta.subtitle) children.push(h('p', { className: ['subtitle'] }, meta.subtitle));
  if (meta.speaker) children.push(h('p', { className: ['speaker'] }, meta.speaker));
  return children.length > 0 ? h('header', { className: ['title-block'] }, children) : undefined;
}

/**
 * The contents: one link per heading. In the print edition each entry also holds a
 * `span.toc-page` (id `toc-page-<heading id>`) that the PDF renderer fills with the page the
 * heading lands on (`pipeline/render/pdf/toc-pages.ts`); the leader between them is CSS.
 */
function tableOfContents(report: Report, label: string, variant: HtmlVariant = 'screen', numbers?: ReadonlyMap<Heading, string>): Element {
  const shift = report.file.data.title?.headingShift ?? (report.meta.title ? 1 : 0);
  const items: Element[] = [];
  visit(report.tree, 'heading', (heading: Heading) => {
    const id = heading.data?.id;
    // The title heading (no front-matter title) heads the page, not the contents.
    if (!id || !isContentsEntry(heading, report.file)) return;
    const level = heading.data?.level ?? heading.depth;
    const text = `${numbers?.get(heading) ?? ''}${toString(heading)}`;
    const link =
      variant === 'print'
        ? h('a', { href: `#${id}` }, [h('span', { className: ['toc-text'] }, text), h('span', { className: ['toc-page'], id: tocPageId(id) }, TOC_PAGE_PLACEHOLDER)])
        : h('a', { href: `#${id}` }, text);
    items.push(h('li', { className: [`toc-level-${level + shift}`] }, [link]));
  });
  return h('nav', { className: ['toc'], ariaLabelledBy: TOC_LABEL_ID }, [h('h2', { id: TOC_LABEL_ID, className: ['toc-title'] }, label), h('ol', items)]);
}

function footerBlock(report: Report, publishedLabel: string): Element | undefined {
  const { meta } = report;
  const parts: ElementContent[] = [];
  if (meta.author) parts.push(h('p', { className: ['issuer'] }, meta.author));
  if (meta.date) parts.push(h('p', { className: ['date'] }, [h('span', { className: ['date-label'] }, publishedLabel), h('time', { dateTime: meta.date }, displayDate(meta.date, meta.lang))]));
  return parts.length > 0 ? h('footer', { className: ['publication'] }, parts) : undefined;
}

function firstHeadingText(report: Report): string | undefined {
  const heading = report.tree.children.find((node): node is Heading => node.type === 'heading');
  return heading ? toString(heading) : undefined;
}
