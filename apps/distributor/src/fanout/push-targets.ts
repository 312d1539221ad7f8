import type { Channel, Partner } from '@depeche/entitlements';
import type { WebhookTarget, WebsubSubscription } from '@depeche/persistence';

/** A verified WebSub subscription with the channel its topic names and, for a partner feed, the partner. */
export interface WebsubTarget {
  readonly subscription: WebsubSubscription;
  readonly channel: Channel;
  readonly partner?: Partner;
}

/** Everyone who may be pushed a change, read once per batch. */
export interface PushTargets {
  readonly webhooks: readonly WebhookTarget[];
  readonly websub: readonly WebsubTarget[];
}
