import type { Processor } from 'unified';
import { criticSyntax } from './micromark-critic.ts';
import { criticFromMarkdown } from './from-markdown-critic.ts';

/**
 * Parse CriticMarkup (`{++…++}`, `{--…--}`, `{~~…~>…~~}`, `{==…==}{>>…<<}`, `{>>…<<}`) into
 * suggestion nodes. Use it after the other syntax extensions: an extension's constructs are
 * tried before those registered earlier, so its `~~}` and `~>` win over GFM strikethrough's `~`.
 */
export function remarkCriticMarkup(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(criticSyntax());
  (data.fromMarkdownExtensions ??= []).push(criticFromMarkdown());
}
