import type { Element } from 'hast';
import type { Image } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import { mimeType } from '../../../util/assets.ts';

/** Collects the images of one page, so that they can be inlined after sanitising. */
export class InlineImages {
  private readonly sources: string[] = [];

  /** Register an image's data URI; returns the placeholder `src` the sanitiser lets through. */
  add(dataUri: string): string {
    this.sources.push(dataUri);
    return `press-image-${this.sources.length - 1}`;
  }

  /** The data URI behind a placeholder, if it is one of ours. */
  resolve(src: string): string | undefined {
    const match = /^press-image-(\d+)$/.exec(src);
    return match ? this.sources[Number(match[1])] : undefined;
  }

  private unavailable = 0;

  /**
   * A placeholder `id` for the text shown instead of an image: the sanitiser keeps ids but
   * removes classes, so the class `image-unavailable` is put on after sanitising.
   */
  markUnavailable(): string {
    return `press-image-unavailable-${this.unavailable++}`;
  }

  /** Whether an `id` is a placeholder from {@link markUnavailable}. */
  isUnavailable(id: string): boolean {
    const match = /^press-image-unavailable-(\d+)$/.exec(id);
    return match !== null && Number(match[1]) < this.unavailable;
  }
}

/**
 * An image the transform could read becomes an `img` with its data inlined (by placeholder);
 * one that could not be read (on the network, missing) becomes its alt text in brackets.
 */
export function createImageHandler(images: InlineImages, unavailable: string) {
  return (state: State, node: Image): Element => {
    const loaded = node.data?.loaded;
    let result: Element;
    if (loaded) {
      const src = images.add(`data:${mimeType(loaded)};base64,${Buffer.from(loaded.bytes).toString('base64')}`);
      const properties: Element['properties'] = { src, alt: node.alt ?? '', width: loaded.width, height: loaded.height };
      if (node.title) properties.title = node.title;
      result = { type: 'element', tagName: 'img', properties, children: [] };
    } else {
      const text = node.alt?.trim() ? node.alt : `${unavailable} ${node.url}`;
      result = { type: 'element', tagName: 'span', properties: { id: images.markUnavailable() }, children: [{ type: 'text', value: `[${text}]` }] };
    }
    state.patch(node, result);
    return state.applyData(node, result);
  };
}
