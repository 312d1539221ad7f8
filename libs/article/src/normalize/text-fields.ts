import { NormalisationError } from '../normalisation-error';
import { normalizeLine } from '../text';

/** A one-line field that must hold something once normalised (`&nbsp;` alone does not). */
export function requiredLine(value: string, field: string): string {
  const line = normalizeLine(value);
  if (!/\S/u.test(line)) throw new NormalisationError(field, 'empty after normalisation');
  return line;
}

/** An optional one-line field, left out of the article when absent or empty once normalised. */
export function optionalLine<K extends string>(
  key: K,
  value: string | undefined,
): Partial<Record<K, string>> {
  const line = normalizeLine(value ?? '');
  return /\S/u.test(line) ? ({ [key]: line } as Record<K, string>) : {};
}

/** Trimmed, normalised, without empty entries and without repeats, first occurrence first. */
export function uniqueLines(values: readonly string[]): string[] {
  return [...new Set(values.map(normalizeLine).filter((v) => /\S/u.test(v)))];
}
