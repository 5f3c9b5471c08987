import type { Root, Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { readFrontMatter } from '../parse/front-matter.ts';
import { flagAll } from '../util/messages.ts';

/**
 * Read the YAML front matter into `file.data.meta` and take the YAML node out of the tree,
 * so that renderers only see content. Its problems are given after `meta` is set, so that they
 * are in the language it declares.
 */
export function remarkReportMeta() {
  return (tree: Root, file: VFile): void => {
    const first = tree.children[0];
    const yaml: Yaml | undefined = first?.type === 'yaml' ? first : undefined;
    const { meta, problems } = readFrontMatter(yaml, String(file.value));
    file.data.meta = meta;
    flagAll(file, problems);
    if (yaml) tree.children.shift();
  };
}
