import { sanitize } from 'hast-util-sanitize';
import { visit } from 'unist-util-visit';
import type { Root } from 'hast';
import { sanitizeSchema } from '../../util/sanitize-schema.ts';

/**
 * A hast tree held to `sanitizeSchema`. The sanitiser keeps only the class names the schema
 * allows on an element; an element whose classes were all removed would be written `class=""`:
 * the empty list is dropped.
 */
export function sanitizeTree(tree: Root): Root {
  const safe = sanitize(tree, sanitizeSchema) as Root;
  visit(safe, 'element', (element) => {
    const classes = element.properties.className;
    if (Array.isArray(classes) && classes.length === 0) delete element.properties.className;
  });
  return safe;
}
