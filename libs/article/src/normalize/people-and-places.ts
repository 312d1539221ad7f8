import type { Author, Location, Subject } from '../article';
import type { AuthorInput, LocationInput, SubjectInput } from '../article-input';
import { NormalisationError } from '../normalisation-error';
import { cleanLine, normalizeLine } from '../text';
import { countryCode } from './territories';
import { optionalLine } from './text-fields';

/** Authors with a name, each name-and-role once. */
export function authorsOf(inputs: readonly AuthorInput[]): Author[] {
  const seen = new Set<string>();
  return inputs.flatMap((input): Author[] => {
    const author = { name: normalizeLine(input.name), role: normalizeLine(input.role) || 'writer' };
    const key = JSON.stringify(author);
    if (!/\S/u.test(author.name) || seen.has(key)) return [];
    seen.add(key);
    return [author];
  });
}

/** Subjects by code, each code once (the first name given for it wins). */
export function subjectsOf(inputs: readonly SubjectInput[]): Subject[] {
  const seen = new Set<string>();
  return inputs.flatMap((input): Subject[] => {
    // Cleaned like any text: wire copy's qcodes are not held to the contract's medtop pattern.
    const code = cleanLine(input.code);
    if (!code || seen.has(code)) return [];
    seen.add(code);
    return [{ code, ...optionalLine('name', input.name) }];
  });
}

/** A location needs a name; coordinates must be on the globe (WGS 84 degrees). */
export function locationOf(input: LocationInput | undefined): { location?: Location } {
  const name = normalizeLine(input?.name ?? '');
  if (!input || !/\S/u.test(name)) return {};
  return {
    location: {
      name,
      ...(input.countryCode === undefined
        ? {}
        : { countryCode: countryCode(input.countryCode, 'location.countryCode') }),
      ...coordinate('latitude', input.latitude, 90),
      ...coordinate('longitude', input.longitude, 180),
    },
  };
}

function coordinate<K extends 'latitude' | 'longitude'>(
  key: K,
  value: number | undefined,
  limit: number,
): Partial<Record<K, number>> {
  if (value === undefined) return {};
  if (!Number.isFinite(value) || Math.abs(value) > limit) {
    throw new NormalisationError(`location.${key}`, `${value} is outside ±${limit}°`);
  }
  return { [key]: value } as Record<K, number>;
}
