import type { TransformFnParams } from 'class-transformer';

/**
 * Light clean-up of admin input before validation, so `fr_be`, ` FR ` and repeats are stored the
 * one way the rules compare them. Values that are not what they should be are left for the
 * validators to reject with a message.
 */
export const trimmedList = ({ value }: TransformFnParams): unknown =>
  Array.isArray(value)
    ? [...new Set(value.map((item: unknown) => (typeof item === 'string' ? item.trim() : item)))]
    : value;

/** ISO 3166-1 alpha-2 codes are upper case (the normaliser writes article codes that way). */
export const upperCaseList = ({ value }: TransformFnParams): unknown =>
  Array.isArray(value)
    ? [
        ...new Set(
          value.map((item: unknown) =>
            typeof item === 'string' ? item.trim().toUpperCase() : item,
          ),
        ),
      ]
    : value;

/** BCP 47 tags in canonical case (RFC 5646 §2.1.1), as the normaliser writes article languages. */
export const languageList = ({ value }: TransformFnParams): unknown =>
  Array.isArray(value) ? [...new Set(value.map(canonicalLanguage))] : value;

export const languageTag = ({ value }: TransformFnParams): unknown => canonicalLanguage(value);

function canonicalLanguage(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return Intl.getCanonicalLocales(value.trim().replace(/_/g, '-'))[0] ?? value;
  } catch {
    return value; // not well-formed: the validator says so
  }
}

/** A tag Intl accepts after canonicalisation (primary language subtag, then subtags). */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** URL-safe identifiers for partners and channels: `le-soir`, `international`. */
export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
