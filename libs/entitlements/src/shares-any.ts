/**
 * Whether two lists of names have one in common, ignoring case: section slugs and keywords come
 * from editors and admins who do not agree on capitals, and `Politique` is not another section.
 */
export function sharesAny(wanted: readonly string[], present: readonly string[]): boolean {
  const lowerPresent = new Set(present.map((name) => name.toLowerCase()));
  return wanted.some((name) => lowerPresent.has(name.toLowerCase()));
}
