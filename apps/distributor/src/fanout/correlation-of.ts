import { correlationIdOf, HEADERS } from '@depeche/contracts';
import type { ConsumedMessage } from '@depeche/kafka';

/** The item's `correlation-id` header (set by ingest from the article event), when usable. */
export function correlationOf(message: ConsumedMessage): string | undefined {
  const value = message.headers?.[HEADERS.correlationId];
  const first = Array.isArray(value) ? value[0] : value;
  return correlationIdOf(first?.toString());
}
