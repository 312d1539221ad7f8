import { parameterValidation } from '../http/validation.pipe';
import { FEED_FILE, FeedParams, FeedQuery } from './feed.params';

/** The pipe Nest applies to every other route, with the same options. */
const pipe = parameterValidation();

/** A limit the DTO takes as it is: 1 to 999 written plainly (the range is checked below). */
const PLAIN_LIMIT = /^[1-9]\d{0,2}$/;
const MAX_LIMIT = 200;
/** The path the feed route serves, and its one parameter, as written on the request line. */
const FEED_PATH = '/v1/feeds/';
const LIMIT_QUERY = '?limit=';

/**
 * The feed route's parameters, validated by the FeedParams and FeedQuery DTOs as on Nest's
 * routes. The DTOs stay the only rules: a request that is plainly valid (a file FEED_FILE
 * matches, no limit or one of 1..200 in plain digits, values class-validator accepts unchanged)
 * skips class-transformer and class-validator, ~14% of the time of a cached answer; anything
 * else goes through the pipe, which accepts, converts or refuses it with its own messages.
 */
export async function feedRequestOf(
  params: unknown,
  query: unknown,
): Promise<{ params: FeedParams; query: FeedQuery }> {
  const file = (params as { file?: unknown } | undefined)?.file;
  const limit = (query as { limit?: unknown } | undefined)?.limit;
  if (typeof file === 'string' && FEED_FILE.test(file)) {
    if (limit === undefined) return { params: { file }, query: {} };
    if (typeof limit === 'string' && PLAIN_LIMIT.test(limit) && Number(limit) <= MAX_LIMIT) {
      return { params: { file }, query: { limit: Number(limit) } };
    }
  }
  return validated(params, query);
}

/**
 * The file and limit of a raw request target that feedRequestOf would take as it is, plainly
 * valid, without the pipe (for the front door): `/v1/feeds/{file}` with no query or `?limit=N`
 * alone. undefined for anything else (percent-escapes, other parameters, a limit out of range…),
 * which Fastify routes and the pipe judges.
 */
export function plainFeedTarget(target: string): { file: string; limit?: number } | undefined {
  if (!target.startsWith(FEED_PATH)) return undefined;
  const query = target.indexOf('?');
  const file = target.slice(FEED_PATH.length, query < 0 ? undefined : query);
  if (!FEED_FILE.test(file)) return undefined;
  if (query < 0) return { file };
  if (!target.startsWith(LIMIT_QUERY, query)) return undefined;
  const limit = target.slice(query + LIMIT_QUERY.length);
  if (!PLAIN_LIMIT.test(limit) || Number(limit) > MAX_LIMIT) return undefined;
  return { file, limit: Number(limit) };
}

async function validated(
  params: unknown,
  query: unknown,
): Promise<{ params: FeedParams; query: FeedQuery }> {
  // Path first, then query: the order Nest's router applies the pipe to the handler's arguments.
  const validParams = (await pipe.transform(params, {
    type: 'param',
    metatype: FeedParams,
  })) as FeedParams;
  const validQuery = (await pipe.transform(query ?? {}, {
    type: 'query',
    metatype: FeedQuery,
  })) as FeedQuery;
  return { params: validParams, query: validQuery };
}
