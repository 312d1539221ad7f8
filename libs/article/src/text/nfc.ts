/**
 * Characters that are their own NFC and never combine with a neighbour (Unicode NFC_Quick_Check
 * Yes, canonical combining class 0): everything below the combining diacritics at U+0300, and
 * General Punctuation but for the two singletons U+2000 and U+2001 (which NFC maps to U+2002 and
 * U+2003), and €. French copy is written almost entirely in them (é, «, », ’, —, U+202F).
 */
const MAYBE_NOT_NFC = /[\u0300-\u2001\u2070-\u20ab\u20ad-\uffff]/;

/** `text.normalize('NFC')`, without calling ICU when no character could change. */
export function toNfc(text: string): string {
  return MAYBE_NOT_NFC.test(text) ? text.normalize('NFC') : text;
}
