import { describeResult, type AttemptResult } from './attempt-result';
import { retryDelayMs } from './backoff';
import { retryAfterMs } from './retry-after';

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly maxAgeMs: number;
  readonly initialMs: number;
  readonly maxMs: number;
}

/** What to do with a delivery after an attempt. `disable`: 410 Gone, the target is no more. */
export type Outcome =
  | { readonly action: 'delivered' }
  | { readonly action: 'retry'; readonly at: Date; readonly reason: string }
  | { readonly action: 'dead'; readonly reason: string; readonly disable: boolean };

export interface AttemptContext {
  /** Attempts made, this one included. */
  readonly attempts: number;
  /** When the delivery first became due. */
  readonly dueAt: Date;
  readonly now: Date;
}

/**
 * Issue 6's retry rules: 2xx delivered; 410 dead and the endpoint disabled; any other 4xx but
 * 408 (RFC 9110 §15.5.9) and 429 (RFC 6585 §4) permanent; 3xx permanent too (redirects are not
 * followed: the next hop could be an address the URL check refused). Everything else (5xx, 408, 429,
 * no response) is retried with backoff, no sooner than Retry-After, until the attempts or the age
 * run out.
 */
export function decideOutcome(
  result: AttemptResult,
  context: AttemptContext,
  policy: RetryPolicy,
  random: () => number = Math.random,
): Outcome {
  if (result.kind === 'response') {
    const { status } = result;
    if (status >= 200 && status < 300) return { action: 'delivered' };
    if (status === 410)
      return { action: 'dead', reason: 'HTTP 410 Gone: endpoint disabled', disable: true };
    if (isPermanent(status))
      return { action: 'dead', reason: `HTTP ${status} (permanent)`, disable: false };
  }
  if (result.kind === 'failure' && result.permanent) {
    return { action: 'dead', reason: result.message, disable: false };
  }
  const reason = describeResult(result);
  if (context.attempts >= policy.maxAttempts) {
    return {
      action: 'dead',
      reason: `gave up after ${context.attempts} attempts: ${reason}`,
      disable: false,
    };
  }
  const backoff = retryDelayMs(context.attempts, policy.initialMs, policy.maxMs, random);
  const asked =
    result.kind === 'response' ? retryAfterMs(result.retryAfter, context.now) : undefined;
  const at = new Date(context.now.getTime() + Math.max(backoff, asked ?? 0));
  if (at.getTime() - context.dueAt.getTime() > policy.maxAgeMs) {
    return {
      action: 'dead',
      reason: `gave up after ${policy.maxAgeMs / 1000} s: ${reason}`,
      disable: false,
    };
  }
  return { action: 'retry', at, reason };
}

function isPermanent(status: number): boolean {
  if (status >= 300 && status < 400) return true;
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** Whether the result says the endpoint is unwell (counts toward opening its circuit). */
export function isEndpointFailure(result: AttemptResult): boolean {
  if (result.kind === 'failure') return true;
  return result.status >= 500 || result.status === 408 || result.status === 429;
}
