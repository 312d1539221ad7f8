import type { Rendition } from '@depeche/renderers';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The content codings a representation is stored in, compressed once when it is built. */
export const CODINGS = ['br', 'gzip', 'identity'] as const;
export type Coding = (typeof CODINGS)[number];

/**
 * One cached representation: the rendition's bytes in every coding, compressed at build time so
 * no request ever compresses. Each coding has its own strong ETag (RFC 9110 §8.8.3: a strong
 * validator changes when the content coding does), derived from the rendition's.
 */
export interface Representation {
  readonly mediaType: string;
  readonly lastModified: Date;
  readonly bodies: Readonly<Record<Coding, Buffer>>;
  readonly etags: Readonly<Record<Coding, string>>;
}

export function precompress(rendition: Rendition): Representation {
  const base = rendition.etag.slice(1, -1);
  return {
    mediaType: rendition.mediaType,
    lastModified: rendition.lastModified,
    bodies: {
      identity: rendition.body,
      gzip: gzipSync(rendition.body, { level: 6 }),
      br: brotliCompressSync(rendition.body, {
        params: {
          // Quality 6, not 11: 11 takes ~10× longer on a 300 KB feed for a few per cent, and the
          // rebuild time counts against the freshness target (produce to visible p99 < 250 ms).
          [constants.BROTLI_PARAM_QUALITY]: 6,
          [constants.BROTLI_PARAM_SIZE_HINT]: rendition.body.length,
        },
      }),
    },
    etags: { identity: rendition.etag, gzip: `"${base}-gzip"`, br: `"${base}-br"` },
  };
}

/** Bytes held by a representation, for the cache's accounting. */
export function representationBytes(representation: Representation): number {
  const { identity, gzip, br } = representation.bodies;
  return identity.length + gzip.length + br.length;
}
