import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { visit } from 'unist-util-visit';
import type { Link, Root } from 'mdast';
import type { VFile } from 'vfile';
import { flag } from '../util/messages.ts';
import { urlScheme } from '../util/url-scheme.ts';

/** Options of `remarkLinkFiles`. */
export interface RemarkLinkFilesOptions {
  /** Absolute folder of the source: relative links are resolved from here. */
  baseDir: string;
}

/** What a link's URL points to, as far as files go. */
type LinkTarget = { kind: 'none' } | { kind: 'outside'; why: 'absolute' | 'file-url' } | { kind: 'relative'; path: string };

/**
 * Where a link's URL leads: nowhere local (`#anchor`, `https:`, `mailto:`, `//host`…), a file
 * path that is absolute or a `file:` URL, or a path relative to the source (query and fragment
 * removed, percent-escapes decoded).
 */
export function linkTarget(url: string): LinkTarget {
  if (url === '' || url.startsWith('#') || url.startsWith('?') || url.startsWith('//')) return { kind: 'none' };
  const scheme = urlScheme(url);
  if (scheme !== undefined && !/^[a-z]:[\\/]/i.test(url)) return scheme === 'file' ? { kind: 'outside', why: 'file-url' } : { kind: 'none' };
  const written = url.split(/[?#]/)[0] ?? '';
  let decoded = written;
  try {
    decoded = decodeURIComponent(written);
  } catch {
    // Keep the path as written.
  }
  if (decoded === '') return { kind: 'none' };
  if (path.isAbsolute(decoded) || /^[a-z]:[\\/]/i.test(decoded)) return { kind: 'outside', why: 'absolute' };
  return { kind: 'relative', path: decoded };
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Report links to local files that will not work (warnings): a relative link whose file does
 * not exist (`link-target-missing`, e.g. `[附件](files/annex.pdf)` with no such file), and a link
 * that leaves the source's folder — `../`, an absolute path, a `file:` URL, or a symbolic link
 * leading out (`link-outside`): such links break once the report is published anywhere else.
 * Network links and `#anchors` (see `remarkLinkCheck`) are not looked at. Runs after
 * `remarkResolveReferences`, so that reference links are checked too.
 */
export function remarkLinkFiles(options: RemarkLinkFilesOptions) {
  return async (tree: Root, file: VFile): Promise<void> => {
    const links: Link[] = [];
    visit(tree, 'link', (link) => {
      links.push(link);
    });
    let root: string | undefined;
    for (const link of links) {
      const target = linkTarget(link.url);
      if (target.kind === 'none') continue;
      if (target.kind === 'outside') {
        flag(file, 'link-outside', link, { url: link.url, kind: target.why });
        continue;
      }
      root ??= await realpath(options.baseDir).catch(() => options.baseDir);
      const candidate = path.resolve(root, target.path);
      if (!isInside(root, candidate)) {
        flag(file, 'link-outside', link, { url: link.url, kind: 'leaves' });
        continue;
      }
      const real = await realpath(candidate).catch(() => undefined);
      if (real === undefined) flag(file, 'link-target-missing', link, { url: link.url });
      else if (!isInside(root, real)) flag(file, 'link-outside', link, { url: link.url, kind: 'leaves' });
    }
  };
}
