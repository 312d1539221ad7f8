/**
 * Text PostgreSQL's TEXT can hold: it refuses U+0000 (SQLite takes it), so a NUL from a message's
 * bytes (a JSON error quoting the raw value, a header) becomes U+FFFD rather than a write the
 * database refuses on every retry.
 */
export function storableText(text: string): string {
  return text.includes('\u0000') ? text.split('\u0000').join('\uFFFD') : text;
}
