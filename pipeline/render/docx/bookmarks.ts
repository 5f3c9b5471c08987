import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';

/** Longest bookmark name Word accepts. */
const MAX_BOOKMARK_LENGTH = 40;

/**
 * A Word bookmark name for every heading id and every numbered figure, table and equation
 * (`data.crossref`): Word allows letters, digits and underscores, at most 40 characters,
 * starting with a letter. Names stay unique after shortening. Headings' names start `h_`,
 * numbered targets' `ref_`, bibliography entries' `bib_`.
 */
export function headingBookmarks(tree: Root): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  const add = (id: string, prefix: string) => {
    if (names.has(id)) return;
    const base = [...`${prefix}${id.replace(/[^\p{L}\p{N}_]/gu, '_')}`].slice(0, MAX_BOOKMARK_LENGTH).join('');
    let name = base;
    for (let counter = 2; used.has(name); counter++) {
      const suffix = `_${counter}`;
      name = [...base].slice(0, MAX_BOOKMARK_LENGTH - suffix.length).join('') + suffix;
    }
    used.add(name);
    names.set(id, name);
  };
  visit(tree, (node) => {
    // A bibliography entry (`ref-<key>`): citations link to it.
    if (node.type === 'paragraph' && node.data?.bibliographyEntry !== undefined) {
      add(node.data.bibliographyEntry.id, 'bib_');
      return;
    }
    // A heading with a written id (`{#sec-goals}`) is a target too: its name gives the label back.
    if (node.type === 'heading' && node.data?.id !== undefined && node.data.explicitId === undefined) add(node.data.id, 'h_');
    else if ((node.type === 'figure' || node.type === 'table' || node.type === 'math' || node.type === 'heading') && (node.type === 'heading' ? node.data?.id : node.data?.crossref?.id) !== undefined) {
      const id = (node.type === 'heading' ? node.data?.id : node.data?.crossref?.id) ?? '';
      const name = crossrefBookmarkName(id);
      if (name !== undefined && !used.has(name) && !names.has(id)) {
        used.add(name);
        names.set(id, name);
      } else {
        add(id, 'rfx_');
      }
    }
  });
  return names;
}

/** Prefix of the bookmark of a numbered target whose name gives its label back (see {@link crossrefBookmarkName}). */
const CROSSREF_PREFIX = 'ref_';

/**
 * The bookmark name of a numbered figure, table or equation, from which `press import` reads its
 * label back: `ref_` and the label with `_` doubled and `-` written `_` (`fig-gdp_2024` →
 * `ref_fig_gdp__2024`). Undefined when that is longer than Word allows (the target then gets a
 * shortened `rfx_` name, which gives no label back).
 */
export function crossrefBookmarkName(id: string): string | undefined {
  const name = `${CROSSREF_PREFIX}${id.replace(/_/g, '__').replace(/-/g, '_')}`;
  return [...name].length <= MAX_BOOKMARK_LENGTH && /^[\p{L}\p{N}_]+$/u.test(name) ? name : undefined;
}

/** The label a bookmark written by {@link crossrefBookmarkName} stands for, if it is one. */
export function crossrefLabelOf(bookmark: string): string | undefined {
  if (!bookmark.startsWith(CROSSREF_PREFIX)) return undefined;
  return bookmark.slice(CROSSREF_PREFIX.length).replace(/__|_/g, (match) => (match === '__' ? '_' : '-'));
}
