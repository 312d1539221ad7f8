import type { Delivery } from '@depeche/persistence';
import type { AttemptResult } from './attempt-result';

/**
 * What a sender came to with one claimed delivery:
 * - `attempted`: an HTTP attempt was made; the retry rules judge its result;
 * - `done`: nothing needs sending (the WebSub feed already carries the change);
 * - `postpone`: not yet, and not a failure (the feed is not rebuilt yet);
 * - `dead`: the target is gone or refuses for good.
 */
export type SendReport =
  | { readonly kind: 'attempted'; readonly result: AttemptResult }
  | { readonly kind: 'done'; readonly reason: string }
  | { readonly kind: 'postpone'; readonly at: Date; readonly reason: string }
  | { readonly kind: 'dead'; readonly reason: string };

export interface Sender {
  send(delivery: Delivery, now: Date): Promise<SendReport>;
  /** 410 Gone: the endpoint is disabled, the subscription ended. */
  disable(targetId: string, reason: string): Promise<void>;
  /** Whose target it is, for the operators' report (`public` for a public feed's subscriber). */
  partnerOf(targetId: string): Promise<string>;
}
