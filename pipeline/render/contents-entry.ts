import type { Heading } from 'mdast';
import type { VFile } from 'vfile';
import { outlineLevel } from './outline-level.ts';

/**
 * Whether a heading is an entry of the contents (web page and PDF): it has an id and is not the
 * title heading (a document titled by its top heading shows that heading as its title, not as the
 * first part). The contents and the PDF's page-number pass must agree on this.
 */
export function isContentsEntry(heading: Heading, file: VFile): boolean {
  return heading.data?.id !== undefined && heading.data.id !== '' && outlineLevel(heading, file) !== 'title';
}
