import { imageUrl } from '../body/safe-url';
import { NormalisationError } from '../normalisation-error';

/**
 * An absolute http(s) URL in the WHATWG URL serialisation, resolved against `base` when given.
 * Unlike a link in the body, which can simply be dropped, these are part of the story's metadata:
 * one that cannot be used makes the article unusable.
 */
export function httpUrl(value: string, base: URL | undefined, field: string): string {
  const url = imageUrl(value, base);
  if (url === undefined) {
    throw new NormalisationError(field, `${JSON.stringify(value)} is not an http(s) URL`);
  }
  return url;
}
