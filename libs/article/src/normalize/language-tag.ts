import { NormalisationError } from '../normalisation-error';

/**
 * A BCP 47 tag in its canonical form (RFC 5646 §4.5): case as §2.1.1 recommends (`fr-BE`,
 * `zh-Hant-TW`) and deprecated subtags replaced (`iw` → `he`), as Intl.getCanonicalLocales does;
 * it also refuses what is not a well-formed tag. `fr_BE`, a POSIX habit, is read as `fr-BE`.
 */
export function languageTag(value: string, field: string): string {
  const tag = value.trim().replace(/_/g, '-');
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (canonical) return canonical;
  } catch {
    // RangeError: not a well-formed tag; reported below.
  }
  throw new NormalisationError(field, `${JSON.stringify(value)} is not a BCP 47 language tag`);
}
