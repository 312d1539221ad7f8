import { trimHtmlWhitespace } from '../text';

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_SCHEMES = new Set(['http:', 'https:']);

/**
 * An allow-list of schemes, checked on the URL as the WHATWG URL parser reads it (the way a
 * browser would follow it): `JaVaScRiPt:`, `java&#9;script:` and ` javascript:` are all
 * `javascript:` by then, and javascript:, vbscript:, data:, file: and the rest are refused.
 * Relative references resolve against `base`; the result is the parser's serialisation.
 */
export function linkUrl(raw: string | undefined, base: URL): string | undefined {
  return resolveUrl(raw, base, LINK_SCHEMES);
}

export function imageUrl(raw: string | undefined, base: URL | undefined): string | undefined {
  return resolveUrl(raw, base, IMAGE_SCHEMES);
}

function resolveUrl(
  raw: string | undefined,
  base: URL | undefined,
  schemes: ReadonlySet<string>,
): string | undefined {
  const reference = trimHtmlWhitespace(raw ?? '');
  // An empty href is the page itself: no link worth keeping.
  if (!reference) return undefined;
  let url: URL;
  try {
    url = new URL(reference, base);
  } catch {
    return undefined;
  }
  return schemes.has(url.protocol) ? url.href : undefined;
}
