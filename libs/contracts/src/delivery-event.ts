/**
 * A delivery outcome as the distributor reports it on the `ops.events` topic (JSON value, key =
 * article id), one per attempt. The distributor writes it, ops reads it: one type for both ends.
 * See apps/ops/README.md for the contract.
 */
export interface DeliveryEvent {
  readonly outcome: 'delivered' | 'failed' | 'dead';
  readonly partnerId: string;
  readonly articleId: string;
  readonly version: number;
  readonly format: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** The partner's HTTP status, when there was a response. */
  readonly statusCode?: number;
  readonly detail: string;
  /** The item's `correlation-id` header, when known. */
  readonly correlationId?: string;
  readonly at: string;
}
