import type { Root, Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { readFrontMatter } from '../parse/front-matter.ts';

/**
 * Read the YAML front matter into `file.data.meta` and take the YAML node out of the tree,
 * so that renderers only see content.
 */
export function remarkReportMeta() {
  return (tree: Root, file: VFile): void => {
    const first = tree.children[0];
    const yaml: Yaml | undefined = first?.type === 'yaml' ? first : undefined;
    file.data.meta = readFrontMatter(yaml, file);
    if (yaml) tree.children.shift();
  };
}
