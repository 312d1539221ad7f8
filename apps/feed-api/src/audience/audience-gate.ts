import { Problem } from '@depeche/observability';
import { Injectable } from '@nestjs/common';
import { FeedApiEnv } from '../config/feed-api.env';
import { PROBLEM_TYPES } from '../http/problem';
import { Clock } from '../runtime/clock';
import { apiKeyOf } from './api-key';
import type { Audience } from './audience';
import { Authenticator } from './authenticator';
import { TokenBuckets } from './token-bucket';

/** RFC 6750 §3: a 401 names the scheme the client should use. */
const CHALLENGE = { 'www-authenticate': 'Bearer realm="depeche"' };

export function unauthenticated(detail: string): Problem {
  return new Problem(401, detail, { type: PROBLEM_TYPES.unauthenticated, headers: CHALLENGE });
}

/** What the gate reads of a request (Fastify's, whether routed by Nest or not). */
export interface GateRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly ip: string;
}

/**
 * Who is asking, before any endpoint runs: a request with a key must carry a valid one (401
 * otherwise, whatever the route), a request without one is the public. Then the rate limit: per
 * key, or per client address for the public (429 with Retry-After, RFC 6585 §4). One instance per
 * process, so the Nest guard and the plain feed route draw on the same buckets.
 */
@Injectable()
export class AudienceGate {
  private readonly buckets: TokenBuckets;
  private readonly wrongKeys = new TokenBuckets(WRONG_KEYS_PER_SECOND, WRONG_KEYS_BURST);

  constructor(
    private readonly authenticator: Authenticator,
    private readonly clock: Clock,
    env: FeedApiEnv,
  ) {
    this.buckets = new TokenBuckets(env.FEED_API_RATE_PER_SECOND, env.FEED_API_RATE_BURST);
  }

  /** The audience, or a thrown Problem (401, 429). */
  async admit(request: GateRequest): Promise<Audience> {
    const key = apiKeyOf(request.headers);
    let audience: Audience = PUBLIC;
    if (key !== undefined) audience = await this.partnerOf(key, request.ip);
    const wait = this.buckets.take(key ?? `address:${request.ip}`, this.clock.now().getTime());
    if (wait > 0) throw tooManyRequests(wait, 'Too many requests');
    return audience;
  }

  /**
   * The audience when it is known without a database read and without refusing anything: no key,
   * or a key whose valid answer is cached. undefined otherwise (a key to read, a wrong key): the
   * caller then takes `admit`, which reads, refuses and limits. Takes no token: see `takeAtOnce`.
   */
  audienceAtOnce(request: GateRequest): AdmittedAtOnce | undefined {
    const key = apiKeyOf(request.headers);
    if (key === undefined) return { audience: PUBLIC, bucket: `address:${request.ip}` };
    const partner = this.authenticator.knownAnswer(key)?.value;
    if (partner === undefined) return undefined;
    return { audience: { kind: 'partner', partner }, bucket: key };
  }

  /**
   * Takes the request's token when one is there. false: the bucket is empty, and nothing was
   * taken (an empty bucket gives nothing), so `admit` answers the same request with its 429.
   */
  takeAtOnce(admitted: AdmittedAtOnce): boolean {
    return this.buckets.take(admitted.bucket, this.clock.now().getTime()) === 0;
  }

  /**
   * The key's partner. Wrong keys are limited per client address (WRONG_KEYS_*): each unknown
   * key costs a database read, and a client guessing keys must not turn into a read per request.
   * Once an address is out of wrong-key tokens, keys whose answer is not already known are
   * refused with 429 before any read; valid keys from that address still pass, those whose answer
   * is cached and those found valid in the last RECENTLY_VALID_MS (read again, so a revocation
   * bites): behind a proxy every partner shares one address with whoever sends wrong keys, and a
   * partner polling less than once a second would otherwise be refused.
   */
  private async partnerOf(key: string, ip: string): Promise<Audience> {
    const address = `wrong-keys:${ip}`;
    const now = this.clock.now().getTime();
    if (!this.authenticator.knows(key) && !this.authenticator.wasValidLately(key)) {
      const wait = this.wrongKeys.waitOf(address, now);
      if (wait > 0) throw tooManyRequests(wait, 'Too many wrong API keys from this address');
    }
    const partner = await this.authenticator.partnerOf(key);
    if (partner) return { kind: 'partner', partner };
    this.wrongKeys.take(address, now);
    throw unauthenticated('The API key is not valid.');
  }
}

/** An audience known at once, with the rate-limit bucket its request draws on. */
export interface AdmittedAtOnce {
  readonly audience: Audience;
  readonly bucket: string;
}

/** Wrong API keys a client address may send: 10 at once, then one a second. */
const WRONG_KEYS_PER_SECOND = 1;
const WRONG_KEYS_BURST = 10;

/** RFC 6585 §4, with the seconds until the next request may pass. */
function tooManyRequests(waitSeconds: number, what: string): Problem {
  const retryAfter = Math.max(1, Math.ceil(waitSeconds));
  return new Problem(429, `${what}; retry in ${retryAfter} s.`, {
    type: PROBLEM_TYPES.rateLimited,
    headers: { 'retry-after': String(retryAfter) },
  });
}

const PUBLIC: Audience = { kind: 'public' };
