/**
 * The Idempotency-Key of a delivery (draft-ietf-httpapi-idempotency-key-header: a quoted
 * structured-field string): the story's guid and version, the same on every attempt and on any
 * repeat, so a receiver keeps the first and drops the rest.
 */
export function idempotencyKey(guid: string, version: number): string {
  return `"${`${guid}@${version}`.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
