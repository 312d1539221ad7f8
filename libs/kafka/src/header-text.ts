import type { IHeaders } from 'kafkajs';

/**
 * A header's text (its first value when repeated); undefined when absent. kafkajs decodes a
 * header sent without a value (null, as Java clients and kafkajs itself may send) as null, though
 * its types say otherwise: read as absent, never dereferenced. One poison header must not throw
 * out of a batch handler, which the consumer would retry for ever.
 */
export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = (Array.isArray(value) ? value[0] : value) as Buffer | string | null | undefined;
  if (first === null || first === undefined) return undefined;
  return first.toString();
}
