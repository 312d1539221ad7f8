import type { Partner } from '@depeche/entitlements';
import { Problem } from '@depeche/observability';
import type { FeedApiEnv } from '../config/feed-api.env';
import type { Clock } from '../runtime/clock';
import { AudienceGate, type GateRequest } from './audience-gate';
import type { Authenticator } from './authenticator';

const VALID = 'valid-key';
const partner = { id: 'le-soir' } as Partner;

/**
 * An authenticator that knows one key, and counts the database reads the gate asks of it. `forget`
 * drops the cached answers, as their second-long cache does between a partner's polls.
 */
function fakeAuthenticator() {
  const known = new Set<string>();
  const valid = new Set<string>();
  const fake = {
    reads: 0,
    knows: (key: string) => known.has(key),
    wasValidLately: (key: string) => valid.has(key),
    forget: () => known.clear(),
    partnerOf(key: string): Promise<Partner | undefined> {
      fake.reads++;
      known.add(key);
      if (key === VALID) valid.add(key);
      return Promise.resolve(key === VALID ? partner : undefined);
    },
  };
  return fake;
}

const from = (ip: string, key: string): GateRequest => ({
  ip,
  headers: { authorization: `Bearer ${key}` },
});

async function statusOf(gate: AudienceGate, request: GateRequest): Promise<number | string> {
  try {
    const audience = await gate.admit(request);
    return audience.kind;
  } catch (error) {
    if (error instanceof Problem) return error.status;
    throw error;
  }
}

describe('wrong API keys', () => {
  let now: number;
  let authenticator: ReturnType<typeof fakeAuthenticator>;
  let gate: AudienceGate;

  beforeEach(() => {
    now = Date.UTC(2026, 10, 29);
    authenticator = fakeAuthenticator();
    const clock: Clock = { now: () => new Date(now) };
    const env = { FEED_API_RATE_PER_SECOND: 1_000, FEED_API_RATE_BURST: 1_000 } as FeedApiEnv;
    gate = new AudienceGate(authenticator as unknown as Authenticator, clock, env);
  });

  it('are answered 401 ten at once from one address, then 429 without a database read', async () => {
    expect(await statusOf(gate, from('10.0.0.1', VALID))).toBe('partner');
    const statuses: (number | string)[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(await statusOf(gate, from('10.0.0.1', `guess-${i}`)));
    expect(statuses).toEqual([...Array<number>(10).fill(401), 429]);
    expect(authenticator.reads).toBe(11); // the valid key and ten guesses; the eleventh read nothing
    const refused = await gate.admit(from('10.0.0.1', 'guess-11')).catch((e: unknown) => e);
    expect((refused as Problem).options.headers).toEqual({ 'retry-after': '1' });
  });

  it('leave known valid keys and other addresses alone, and refill at one a second', async () => {
    expect(await statusOf(gate, from('10.0.0.1', VALID))).toBe('partner');
    for (let i = 0; i < 10; i++) await statusOf(gate, from('10.0.0.1', `guess-${i}`));
    expect(await statusOf(gate, from('10.0.0.1', 'guess-10'))).toBe(429);
    expect(await statusOf(gate, from('10.0.0.1', VALID))).toBe('partner');
    expect(await statusOf(gate, from('10.0.0.2', 'guess-0'))).toBe(401);
    now += 1_000;
    expect(await statusOf(gate, from('10.0.0.1', 'guess-10'))).toBe(401);
    expect(await statusOf(gate, from('10.0.0.1', 'guess-12'))).toBe(429);
  });

  it("leave a partner's key alone when its cached answer expired between polls (a shared proxy)", async () => {
    expect(await statusOf(gate, from('10.0.0.9', VALID))).toBe('partner');
    for (let i = 0; i < 10; i++) await statusOf(gate, from('10.0.0.9', `guess-${i}`));
    authenticator.forget();
    const reads = authenticator.reads;
    expect(await statusOf(gate, from('10.0.0.9', VALID))).toBe('partner');
    // Read again, so that a revocation would bite; a guess is still refused unread.
    expect(authenticator.reads).toBe(reads + 1);
    authenticator.forget();
    expect(await statusOf(gate, from('10.0.0.9', 'guess-10'))).toBe(429);
    expect(authenticator.reads).toBe(reads + 1);
  });
});
