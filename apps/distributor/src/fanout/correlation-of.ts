import { correlationIdOf, HEADERS } from '@depeche/contracts';
import { headerText, type ConsumedMessage } from '@depeche/kafka';

/** The item's `correlation-id` header (set by ingest from the article event), when usable. */
export function correlationOf(message: ConsumedMessage): string | undefined {
  return correlationIdOf(headerText(message.headers, HEADERS.correlationId));
}
