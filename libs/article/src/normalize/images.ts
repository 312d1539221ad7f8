import type { Image } from '../article';
import type { ImageInput } from '../article-input';
import { NormalisationError } from '../normalisation-error';
import { cleanLine } from '../text';
import { httpUrl } from './http-url';
import { optionalLine } from './text-fields';

/** The story's images, their URLs absolute (resolved against the canonical URL). */
export function imagesOf(inputs: readonly ImageInput[], canonicalUrl: URL): Image[] {
  return inputs.map((input, i) => {
    const field = `images.${i}`;
    const mediaType = cleanLine(input.mediaType).toLowerCase();
    if (!mediaType) throw new NormalisationError(`${field}.mediaType`, 'empty');
    return {
      url: httpUrl(input.url, canonicalUrl, `${field}.url`),
      ...optionalLine('caption', input.caption),
      ...optionalLine('credit', input.credit),
      ...pixels('width', input.width, field),
      ...pixels('height', input.height, field),
      mediaType,
    };
  });
}

function pixels<K extends 'width' | 'height'>(
  key: K,
  value: number | undefined,
  field: string,
): Partial<Record<K, number>> {
  if (value === undefined) return {};
  if (!Number.isInteger(value) || value < 1) {
    throw new NormalisationError(`${field}.${key}`, `${value} is not a positive whole number`);
  }
  return { [key]: value } as Record<K, number>;
}
