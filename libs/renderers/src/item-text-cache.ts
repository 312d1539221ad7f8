import type { Article } from '@depeche/article';

/**
 * An item's UTF-8 bytes as they stand in its feed document, per story version and content level. A feed
 * is rebuilt at every change it may show; rendering its fifty unchanged items again each time was
 * most of feed-api's work at 200 changes a second. A version is a new Article object, so the cache
 * is keyed on it weakly and goes when nothing holds the version any more. Bytes, not strings: a
 * feed is then one Buffer.concat (0.6 ms for fifty items), where joining fifty cut-out strings and
 * encoding the result took 5 ms.
 */
export class ItemTextCache {
  private readonly texts = new WeakMap<Article, Map<string, Buffer>>();

  /**
   * The bytes of `article` rendered as `key` says (the content level, and for NewsML-G2 what the
   * clock decides of it), rendered by `render` the first time.
   */
  get(article: Article, key: string, render: () => string): Buffer {
    let byKey = this.texts.get(article);
    if (byKey === undefined) {
      byKey = new Map();
      this.texts.set(article, byKey);
    }
    let bytes = byKey.get(key);
    if (bytes === undefined) {
      bytes = Buffer.from(render(), 'utf8');
      byKey.set(key, bytes);
    }
    return bytes;
  }
}

/** `document` with `parts` inserted before the last `marker`, as UTF-8 bytes. */
export function spliceBefore(document: string, marker: string, parts: readonly Buffer[]): Buffer {
  const at = document.lastIndexOf(marker);
  return Buffer.concat([
    Buffer.from(document.slice(0, at), 'utf8'),
    ...parts,
    Buffer.from(document.slice(at), 'utf8'),
  ]);
}
