/**
 * RFC 3339 §5.6 date-time in UTC with an explicit `Z` (Atom, NewsML-G2 xs:dateTime, JSON Feed, ninjs).
 * Milliseconds are kept only when there are some, so whole-second times read as editors write them.
 */
export function rfc3339(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}
