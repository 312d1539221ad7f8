/** Printable ASCII only (U+0020–U+007E), so that it is safe in logs, headers and a TEXT column. */
const PRINTABLE_ASCII = /^[\x20-\x7e]{1,200}$/;

/**
 * The correlation id a producer set, or nothing when it is not 1–200 printable ASCII characters.
 * An unusable one is dropped rather than dead-lettering the event: it is tracing metadata, not
 * news, and the story it came with is valid and must not be lost over it. It is not truncated or
 * cleaned either: a changed id would silently join the wrong trace, while a missing one is visible.
 * The dead letter, if any, still carries the original headers unchanged.
 */
export function correlationIdOf(header: string | undefined): string | undefined {
  return header !== undefined && PRINTABLE_ASCII.test(header) ? header : undefined;
}
