import { definitions } from 'mdast-util-definitions';
import { visit } from 'unist-util-visit';
import type { Image, Link, Root } from 'mdast';

/**
 * Replace reference-style links and images (`[text][ref]`, `![alt][ref]`) by plain links and
 * images with their definition's URL and title, so that every renderer and transform handles one
 * kind of node. The definitions stay in the tree (renderers show nothing for them).
 */
export function remarkResolveReferences() {
  return (tree: Root): void => {
    const definition = definitions(tree);
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (node.type === 'imageReference') {
        const target = definition(node.identifier);
        if (!target) return;
        const image: Image = { type: 'image', url: target.url, alt: node.alt ?? '', title: target.title ?? null };
        if (node.position) image.position = node.position;
        parent.children[index] = image;
      } else if (node.type === 'linkReference') {
        const target = definition(node.identifier);
        if (!target) return;
        const link: Link = { type: 'link', url: target.url, title: target.title ?? null, children: node.children };
        if (node.position) link.position = node.position;
        parent.children[index] = link;
      }
    });
  };
}
