/**
 * The relationships of a package part (`word/_rels/document.xml.rels`): what each `r:id` points
 * to, and whether it leaves the package (`TargetMode="External"`), which the reader never follows.
 */
import path from 'node:path/posix';
import { attribute, childElements, parsePart, rootOf } from './xml.ts';
import type { DocxParts } from './package.ts';

/** One relationship of a part. */
export interface Relationship {
  id: string;
  /** The last segment of its type URI: `image`, `hyperlink`, `footnotes`, `attachedTemplate`… */
  type: string;
  /** The target as written. */
  target: string;
  /** The part it names inside the package (resolved against the source part), for internal targets. */
  part?: string;
  external: boolean;
}

/** The relationships of `partName`, by id (empty when it has none). */
export function readRelationships(parts: DocxParts, partName: string): Map<string, Relationship> {
  const folder = path.dirname(partName);
  const relsName = path.join(folder === '.' ? '' : folder, '_rels', `${path.basename(partName)}.rels`);
  const document = parsePart(parts, relsName);
  const result = new Map<string, Relationship>();
  if (document === undefined) return result;
  for (const element of childElements(rootOf(document))) {
    const id = attribute(element, 'Id');
    const target = attribute(element, 'Target');
    if (id === undefined || target === undefined) continue;
    const type = (attribute(element, 'Type') ?? '').split('/').pop() ?? '';
    const external = attribute(element, 'TargetMode') === 'External';
    const relationship: Relationship = { id, type, target, external };
    if (!external) {
      // Targets are relative to the source part's folder, or absolute from the package root.
      const resolved = target.startsWith('/') ? path.normalize(target).replace(/^\/+/, '') : path.normalize(path.join(folder, target));
      if (!resolved.startsWith('..')) relationship.part = resolved;
    }
    result.set(id, relationship);
  }
  return result;
}
