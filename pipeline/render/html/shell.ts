import { h } from 'hastscript';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Heading } from 'mdast';
import type { Report } from '../../types.ts';
import type { Template } from '../../template/load-template.ts';
import { labelsFor } from './labels.ts';

/** Which edition of the page: the web copy, or the page Chromium prints to PDF. */
export type HtmlVariant = 'screen' | 'print';

/**
 * The whole page around the content: `<html lang>`, head with title and metadata, a skip link,
 * `<header>` with the title block, a `<nav>` table of contents (when `toc` is set), `<main>`, and a
 * `<footer>` with the publication details.
 */
export function pageShell(report: Report, template: Template, content: HastRoot, variant: HtmlVariant): HastRoot {
  const { meta } = report;
  const labels = labelsFor(meta.lang);
  const title = meta.title ?? firstHeadingText(report) ?? report.file.stem ?? 'Report';
  const metaTags: Element[] = [h('meta', { charset: 'utf-8' }), h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }), h('title', title)];
  if (meta.author) metaTags.push(h('meta', { name: 'author', content: meta.author }));
  if (meta.description ?? meta.subject) metaTags.push(h('meta', { name: 'description', content: meta.description ?? meta.subject ?? '' }));
  if (meta.keywords.length > 0) metaTags.push(h('meta', { name: 'keywords', content: meta.keywords.join(', ') }));
  metaTags.push(h('meta', { name: 'generator', content: 'report-press' }));
  metaTags.push(h('meta', { name: 'color-scheme', content: 'light dark' }));
  if (variant === 'print') {
    for (const font of template.printFontFiles) {
      for (const weight of font.weights) metaTags.push(h('link', { rel: 'stylesheet', href: `press-fonts/${font.package}/${weight}.css` }));
    }
  }
  const css = `${fontVariables(template, variant)}\n${template.screenCss}${variant === 'print' ? `\n${template.printCss}` : ''}`;
  metaTags.push(h('style', css));

  const body: ElementContent[] = [];
  if (variant === 'screen') body.push(h('a', { className: ['skip-link'], href: '#content' }, labels.skipLink));
  const header = titleBlock(report);
  if (header) body.push(header);
  // The web copy always has its navigation; the print edition only when the author asks for it.
  if (variant === 'screen' || meta.toc) body.push(tableOfContents(report, labels.contents));
  body.push(h('main', { id: 'content', className: ['report-body'], tabIndex: -1 }, content.children as ElementContent[]));
  const footer = footerBlock(report, labels.published);
  if (footer) body.push(footer);

  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: meta.lang, className: [`template-${template.name}`, `variant-${variant}`] }, [h('head', metaTags), h('body', body)]),
    ],
  };
}

function fontVariables(template: Template, variant: HtmlVariant): string {
  const stack = (families: string[]) => families.map((family) => (/^[a-z-]+$/.test(family) ? family : `"${family}"`)).join(', ');
  const lines = Object.entries(template.fonts).map(([role, font]) => {
    const families = variant === 'print' ? [...font.print, 'serif'] : font.screen;
    return `  --font-${role}: ${stack(families)};`;
  });
  return `:root {\n${lines.join('\n')}\n  --body-size: ${template.bodySizePt}pt;\n  --line-height-pt: ${template.lineHeightPt}pt;\n}`;
}

function titleBlock(report: Report): Element | undefined {
  const { meta } = report;
  const children: ElementContent[] = [];
  if (meta.title) children.push(h('h1', { className: ['title'] }, meta.title));
  if (meta.subtitle) children.push(h('p', { className: ['subtitle'] }, meta.subtitle));
  if (meta.speaker) children.push(h('p', { className: ['speaker'] }, meta.speaker));
  return children.length > 0 ? h('header', { className: ['title-block'] }, children) : undefined;
}

function tableOfContents(report: Report, label: string): Element {
  const shift = report.meta.title ? 1 : 0;
  const items: Element[] = [];
  visit(report.tree, 'heading', (heading: Heading) => {
    const id = heading.data?.id;
    if (!id) return;
    const level = heading.data?.level ?? heading.depth;
    items.push(h('li', { className: [`toc-level-${level + shift}`] }, [h('a', { href: `#${id}` }, toString(heading))]));
  });
  return h('nav', { className: ['toc'], ariaLabelledBy: 'toc-label' }, [h('h2', { id: 'toc-label', className: ['toc-title'] }, label), h('ol', items)]);
}

function footerBlock(report: Report, publishedLabel: string): Element | undefined {
  const { meta } = report;
  const parts: ElementContent[] = [];
  if (meta.author) parts.push(h('p', { className: ['issuer'] }, meta.author));
  if (meta.date) parts.push(h('p', { className: ['date'] }, [`${publishedLabel}: `, h('time', { dateTime: meta.date }, meta.date)]));
  return parts.length > 0 ? h('footer', { className: ['publication'] }, parts) : undefined;
}

function firstHeadingText(report: Report): string | undefined {
  const heading = report.tree.children.find((node): node is Heading => node.type === 'heading');
  return heading ? toString(heading) : undefined;
}
