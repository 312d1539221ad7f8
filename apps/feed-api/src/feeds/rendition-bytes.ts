import { strongEtag, type Rendition } from '@depeche/renderers';

/** A rendition with new text and the same media type and date, its ETag recomputed. */
export function toRenditionOf(text: string, like: Rendition): Rendition {
  const body = Buffer.from(text, 'utf8');
  return {
    body,
    mediaType: like.mediaType,
    etag: strongEtag(body),
    lastModified: like.lastModified,
  };
}
