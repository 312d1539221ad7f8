import { decideOutcome, isEndpointFailure, type RetryPolicy } from './decide-outcome';
import { retryDelayMs } from './backoff';
import { retryAfterMs } from './retry-after';

const policy: RetryPolicy = {
  maxAttempts: 5,
  maxAgeMs: 3_600_000,
  initialMs: 1_000,
  maxMs: 60_000,
};
const now = new Date('2025-07-04T14:05:00.000Z');
const context = { attempts: 1, dueAt: now, now };
const half = () => 0.5;

describe('retry rules', () => {
  it('delivers on 2xx', () => {
    expect(decideOutcome({ kind: 'response', status: 204 }, context, policy).action).toBe(
      'delivered',
    );
  });

  it('dead-letters 4xx but 408 and 429, and disables on 410', () => {
    expect(decideOutcome({ kind: 'response', status: 400 }, context, policy)).toMatchObject({
      action: 'dead',
      disable: false,
    });
    expect(decideOutcome({ kind: 'response', status: 410 }, context, policy)).toMatchObject({
      action: 'dead',
      disable: true,
    });
    expect(decideOutcome({ kind: 'response', status: 408 }, context, policy, half).action).toBe(
      'retry',
    );
    expect(decideOutcome({ kind: 'response', status: 429 }, context, policy, half).action).toBe(
      'retry',
    );
    expect(decideOutcome({ kind: 'response', status: 503 }, context, policy, half).action).toBe(
      'retry',
    );
    expect(
      decideOutcome({ kind: 'failure', message: 'ECONNREFUSED' }, context, policy, half).action,
    ).toBe('retry');
  });

  it('waits at least what Retry-After asks', () => {
    const outcome = decideOutcome(
      { kind: 'response', status: 429, retryAfter: '120' },
      context,
      policy,
      half,
    );
    // backoff for attempt 1 is at most 1 s; Retry-After asks 120 s.
    expect(outcome).toEqual({
      action: 'retry',
      at: new Date(now.getTime() + 120_000),
      reason: 'HTTP 429',
    });
    const date = new Date(now.getTime() + 30_000).toUTCString();
    expect(retryAfterMs(date, now)).toBe(30_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });

  it('gives up after the maximum attempts or age', () => {
    expect(
      decideOutcome({ kind: 'response', status: 500 }, { ...context, attempts: 5 }, policy),
    ).toMatchObject({
      action: 'dead',
      reason: 'gave up after 5 attempts: HTTP 500',
    });
    const old = { attempts: 2, dueAt: new Date(now.getTime() - 3_600_000), now };
    expect(decideOutcome({ kind: 'response', status: 500 }, old, policy, half).action).toBe('dead');
  });

  it('backs off exponentially with full jitter, capped', () => {
    // ceiling = min(max, initial × 2^(attempts-1)); full jitter takes a uniform fraction of it.
    expect(retryDelayMs(1, 1_000, 60_000, () => 1)).toBe(1_000);
    expect(retryDelayMs(4, 1_000, 60_000, () => 1)).toBe(8_000);
    expect(retryDelayMs(20, 1_000, 60_000, () => 1)).toBe(60_000);
    expect(retryDelayMs(4, 1_000, 60_000, () => 0.25)).toBe(2_000);
  });

  it('counts server errors and silence, not refusals, against the circuit', () => {
    expect(isEndpointFailure({ kind: 'response', status: 500 })).toBe(true);
    expect(isEndpointFailure({ kind: 'failure', message: 'timeout' })).toBe(true);
    expect(isEndpointFailure({ kind: 'response', status: 400 })).toBe(false);
  });
});
