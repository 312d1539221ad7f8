import type { Representation } from '../cache/representation';

export interface ConditionalHeaders {
  readonly ifNoneMatch?: string;
  readonly ifModifiedSince?: string;
}

/**
 * Whether a GET may be answered 304 Not Modified (RFC 9110 §13.2.2): If-None-Match when present,
 * with the weak comparison (§13.1.2) against every coding's ETag (they name the same content);
 * only without it, If-Modified-Since against Last-Modified at one-second precision (§13.1.3).
 */
export function notModified(headers: ConditionalHeaders, representation: Representation): boolean {
  if (headers.ifNoneMatch !== undefined) {
    const { etags } = representation;
    const asked = headers.ifNoneMatch;
    // The usual case, one tag exactly as we sent it, without parsing the list.
    if (asked === etags.gzip || asked === etags.identity || asked === etags.br) return true;
    const tags = asked.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    if (tags.includes('*')) return true;
    const ours = Object.values(etags);
    return tags.some((tag) => ours.includes(tag));
  }
  if (headers.ifModifiedSince !== undefined) {
    const since = Date.parse(headers.ifModifiedSince);
    if (Number.isNaN(since)) return false; // §13.1.3: an invalid date is ignored.
    return Math.floor(representation.lastModified.getTime() / 1000) * 1000 <= since;
  }
  return false;
}
