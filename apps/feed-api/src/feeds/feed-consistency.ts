import { FEED_CONSISTENCY_HEADERS, type FeedConsistency } from '@depeche/contracts';
import { Problem } from '@depeche/observability';
import { PROBLEM_TYPES } from '../http/problem';

type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** How long a feed request asking for consistency waits for this process's view to get there. */
export const CONSISTENCY_WAIT_MS = 5_000;

/** How far ahead of this process's clock a Depeche-After-Time may be (clocks of two hosts). */
const CLOCK_SKEW_MS = 30_000;

/** Whether the request asks for a consistent document at all (the front door leaves those alone). */
export function asksForConsistency(headers: RequestHeaders): boolean {
  return (
    headers[FEED_CONSISTENCY_HEADERS.afterChange] !== undefined ||
    headers[FEED_CONSISTENCY_HEADERS.afterTime] !== undefined
  );
}

/**
 * The request's FEED_CONSISTENCY_HEADERS; undefined when it sends neither. A header it sends must
 * be well formed (400 otherwise); one it leaves out asks nothing (seq 0, the epoch).
 */
export function consistencyOf(headers: RequestHeaders, now: Date): FeedConsistency | undefined {
  if (!asksForConsistency(headers)) return undefined;
  const change = headers[FEED_CONSISTENCY_HEADERS.afterChange];
  const time = headers[FEED_CONSISTENCY_HEADERS.afterTime];
  const afterChange = change === undefined ? 0 : Number(change);
  if (typeof change === 'object' || !Number.isSafeInteger(afterChange) || afterChange < 0) {
    throw badHeader(FEED_CONSISTENCY_HEADERS.afterChange, 'a change-log position (an integer)');
  }
  const afterTime = new Date(time === undefined ? 0 : Date.parse(String(time)));
  if (typeof time === 'object' || Number.isNaN(afterTime.getTime())) {
    throw badHeader(FEED_CONSISTENCY_HEADERS.afterTime, 'an RFC 3339 time');
  }
  // A time to come would hold the request for nothing until the wait runs out.
  if (afterTime.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw badHeader(FEED_CONSISTENCY_HEADERS.afterTime, 'a time that has come');
  }
  return { afterChange, afterTime };
}

function badHeader(name: string, what: string): Problem {
  return new Problem(400, `The ${name} header must be ${what}.`, {
    type: PROBLEM_TYPES.badParameter,
  });
}
