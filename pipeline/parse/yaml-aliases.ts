import { isMap, isScalar, isSeq, visit, type Document } from 'yaml';
import { rangeStart } from './yaml-place.ts';

/** Most nodes aliases may bring in, counted as the `yaml` library counts them for its own guard. */
const MAX_ALIAS_COUNT = 100;

/** Why the aliases of a YAML document were not expanded, and where the first alias is. */
export interface AliasProblem {
  detail: string;
  offset: number | undefined;
}

/**
 * Replace every alias (`*name`) of a parsed YAML document by a copy of the node it names, placed
 * where the alias is written, so that the checks that follow see plain values
 * (`title: *name` is text, not an alias object). A document whose aliases would expand
 * exponentially (a "billion laughs" bomb) is left as it is and its problem returned, with the
 * offset of its first alias.
 */
export function expandAliases(document: Document): AliasProblem | undefined {
  try {
    document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (failure) {
    let offset: number | undefined;
    visit(document, {
      Alias(_key, node) {
        offset = rangeStart(node);
        return visit.BREAK;
      },
    });
    return { detail: failure instanceof Error ? failure.message : String(failure), offset };
  }
  visit(document, {
    Alias(_key, node) {
      const copy = node.resolve(document)?.clone();
      if (!isScalar(copy) && !isMap(copy) && !isSeq(copy)) return undefined;
      copy.range = node.range ?? null;
      delete copy.anchor;
      return copy;
    },
  });
  return undefined;
}
