import type { Entitlement, FeedFormat } from './entitlement';

/** Whether the partner may pull or be pushed this representation. */
export function mayUseFormat(entitlement: Entitlement, format: FeedFormat): boolean {
  return entitlement.formats.includes(format);
}
