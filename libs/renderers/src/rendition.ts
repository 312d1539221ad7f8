import { createHash } from 'node:crypto';

/** One rendered document, ready to cache and serve: render on change, never per request. */
export interface Rendition {
  /** UTF-8 bytes. */
  readonly body: Buffer;
  /** With `charset=utf-8` on the XML types (RFC 7303 §3.2); JSON is UTF-8 by definition (RFC 8259 §8.1). */
  readonly mediaType: string;
  /** A strong validator of exactly these bytes (RFC 9110 §8.8.3), e.g. `"7vrCuB2ctnZYp7nKXZMYVE"`. */
  readonly etag: string;
  /** The newest version time the document carries (HTTP Last-Modified, after rounding to seconds). */
  readonly lastModified: Date;
}

export function toRendition(
  text: string | Buffer,
  mediaType: string,
  lastModified: Date,
): Rendition {
  const body = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return { body, mediaType, etag: strongEtag(body), lastModified };
}

/** 22 base64url characters: 132 bits of the digest, ample against collisions among one feed's versions. */
const ETAG_LENGTH = 22;

/**
 * The base64url SHA-256 of the bytes, cut to {@link ETAG_LENGTH} characters, quoted: deterministic
 * across processes and machines (no inode or mtime in it), so every replica serving the same
 * rendition agrees.
 */
export function strongEtag(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, ETAG_LENGTH)}"`;
}
