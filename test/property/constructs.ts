import { visit } from 'unist-util-visit';
import type { Report } from '../../pipeline/types.ts';

/**
 * Counts the constructs the generated documents really held, as the parser read them, so that a
 * test notices when the generator stops producing one (a property over documents that never
 * hold a table says nothing about tables).
 */
export class ConstructTally {
  private readonly counts = new Map<string, number>();

  /** Every construct a tally expects to see. */
  static readonly CONSTRUCTS = [
    'heading 1',
    'heading 2',
    'heading 3',
    'heading 4',
    'heading 5',
    'heading 6',
    'paragraph',
    'emphasis',
    'strong',
    'strikethrough',
    'inline code',
    'hard break',
    'external link',
    'internal link',
    'image',
    'missing image',
    'figure',
    'bullet list',
    'ordered list',
    'task done',
    'task to do',
    'nested list',
    'nested quote',
    'fenced code',
    'indented code',
    'table',
    'aligned column',
    'table caption',
    'footnote',
    'thematic break',
    'raw HTML block',
    'inline raw HTML',
    'front matter',
    'table of contents',
    'Chinese punctuation made full width',
    'emoji',
    'combining mark',
    'full-width letter',
  ] as const;

  private count(name: (typeof ConstructTally.CONSTRUCTS)[number]): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  /** Count what one parsed document holds. */
  add(report: Report, markdown: string): void {
    visit(report.tree, (node, _index, parent) => {
      switch (node.type) {
        case 'heading':
          this.count(`heading ${node.depth}`);
          break;
        case 'paragraph':
          this.count('paragraph');
          break;
        case 'emphasis':
          this.count('emphasis');
          break;
        case 'strong':
          this.count('strong');
          break;
        case 'delete':
          this.count('strikethrough');
          break;
        case 'inlineCode':
          this.count('inline code');
          break;
        case 'break':
          this.count('hard break');
          break;
        case 'link':
          this.count(node.url.startsWith('#') ? 'internal link' : 'external link');
          break;
        case 'image':
          this.count(node.data?.loaded ? 'image' : 'missing image');
          break;
        case 'figure':
          this.count('figure');
          break;
        case 'list':
          this.count(node.ordered ? 'ordered list' : 'bullet list');
          if (parent?.type === 'listItem') this.count('nested list');
          break;
        case 'listItem':
          if (node.checked === true) this.count('task done');
          if (node.checked === false) this.count('task to do');
          break;
        case 'blockquote':
          if (parent?.type === 'blockquote') this.count('nested quote');
          break;
        case 'code':
          this.count(markdown.slice(node.position?.start.offset ?? 0).trimStart().startsWith('```') || markdown.slice(node.position?.start.offset ?? 0).trimStart().startsWith('~~~') ? 'fenced code' : 'indented code');
          break;
        case 'table':
          this.count('table');
          if (node.align?.some((align) => align !== null)) this.count('aligned column');
          if (node.data?.caption) this.count('table caption');
          break;
        case 'footnoteDefinition':
          this.count('footnote');
          break;
        case 'thematicBreak':
          this.count('thematic break');
          break;
        case 'html':
          this.count(parent?.type === 'paragraph' || parent?.type === 'tableCell' || parent?.type === 'heading' ? 'inline raw HTML' : 'raw HTML block');
          break;
        default:
          break;
      }
    });
    if (markdown.startsWith('---\n')) this.count('front matter');
    if (report.meta.toc) this.count('table of contents');
    if (report.file.messages.some((message) => message.ruleId === 'cjk-punctuation')) this.count('Chinese punctuation made full width');
    if (/\p{Extended_Pictographic}/u.test(markdown)) this.count('emoji');
    if (/[\u0300-\u036f]/.test(markdown)) this.count('combining mark');
    if (/[Ａ-Ｚａ-ｚ]/u.test(markdown)) this.count('full-width letter');
  }

  /** Constructs seen fewer than `minimum` times, with their counts. */
  rare(minimum: number): string[] {
    return ConstructTally.CONSTRUCTS.filter((name) => (this.counts.get(name) ?? 0) < minimum).map((name) => `${name}: ${this.counts.get(name) ?? 0}`);
  }
}
