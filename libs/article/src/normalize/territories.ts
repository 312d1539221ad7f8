import { NormalisationError } from '../normalisation-error';

/**
 * ISO 3166-1 alpha-2 codes in upper case, without repeats. A code that is not two letters is an
 * error, not something to skip: a denied territory silently dropped would widen distribution.
 */
export function countryCodes(values: readonly string[] | undefined, field: string): string[] {
  return [...new Set((values ?? []).map((value, i) => countryCode(value, `${field}.${i}`)))];
}

export function countryCode(value: string, field: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) {
    throw new NormalisationError(
      field,
      `${JSON.stringify(value)} is not an ISO 3166-1 alpha-2 code`,
    );
  }
  return code;
}
