import { lookup, promises as dns, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';

/** The addresses of a name and how long they may be used. */
export interface Resolved {
  readonly addresses: readonly LookupAddress[];
  readonly ttlMs: number;
}

export type Resolve = (hostname: string) => Promise<Resolved>;

/** Bounds on how long an answer is reused, whatever TTL the name's servers give. */
const MIN_TTL_MS = 1_000;
const MAX_TTL_MS = 60_000;
/** Names remembered at most (each a few addresses); the oldest go first. */
const MAX_NAMES = 10_000;
/** A failed resolution is answered again for this long: a dead name server costs one try. */
const FAILURE_TTL_MS = 5_000;

/**
 * The addresses of webhook and callback hosts, resolved once per TTL and shared by every delivery
 * to them: concurrent deliveries to one host wait on one resolution. node's dns.lookup, which
 * http.request calls per request, runs getaddrinfo on libuv's four threads: fifty partners at a
 * hundred changes a second made five thousand lookups a second, and one partner whose name
 * servers are slow held those threads for every other partner (and for file I/O). A failure is
 * remembered for five seconds, so a name whose servers do not answer costs one resolution then,
 * not one per delivery.
 */
export class AddressCache {
  private readonly answers = new Map<string, { resolved: Resolved; until: number }>();
  private readonly failures = new Map<string, { error: unknown; until: number }>();
  private readonly pending = new Map<string, Promise<Resolved>>();

  constructor(
    private readonly resolve: Resolve = resolveOffThreadPool,
    private readonly now: () => number = Date.now,
  ) {}

  async addresses(hostname: string): Promise<readonly LookupAddress[]> {
    const family = isIP(hostname);
    if (family !== 0) return [{ address: hostname, family }];
    const cached = this.answers.get(hostname);
    if (cached && cached.until > this.now()) return cached.resolved.addresses;
    const failed = this.failures.get(hostname);
    if (failed && failed.until > this.now()) throw failed.error;
    let pending = this.pending.get(hostname);
    if (!pending) {
      pending = this.resolve(hostname).then(
        (resolved) => {
          this.failures.delete(hostname);
          this.remember(hostname, resolved);
          return resolved;
        },
        (error: unknown) => {
          if (this.failures.size >= MAX_NAMES) this.failures.clear();
          this.failures.set(hostname, { error, until: this.now() + FAILURE_TTL_MS });
          throw error;
        },
      );
      void pending.finally(() => this.pending.delete(hostname)).catch(() => undefined);
      this.pending.set(hostname, pending);
    }
    return (await pending).addresses;
  }

  private remember(hostname: string, resolved: Resolved): void {
    const ttl = Math.min(MAX_TTL_MS, Math.max(MIN_TTL_MS, resolved.ttlMs));
    this.answers.delete(hostname);
    if (this.answers.size >= MAX_NAMES) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.answers.delete(oldest);
    }
    this.answers.set(hostname, { resolved, until: this.now() + ttl });
  }
}

const resolver = new dns.Resolver({ timeout: 3_000, tries: 2 });

/** c-ares' answers for a name the DNS does not hold (as opposed to one it could not look up). */
const NOT_IN_DNS = new Set(['ENOTFOUND', 'ENODATA']);

/**
 * A and AAAA records through c-ares (asynchronous sockets, no libuv thread), with their TTL.
 * `localhost` names are loopback (RFC 6761 §6.3). A name the DNS does not know (one in
 * /etc/hosts, say) goes to getaddrinfo as before.
 */
export async function resolveOffThreadPool(hostname: string): Promise<Resolved> {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) {
    return {
      addresses: [
        { address: '127.0.0.1', family: 4 },
        { address: '::1', family: 6 },
      ],
      ttlMs: MAX_TTL_MS,
    };
  }
  const [v4, v6] = await Promise.allSettled([
    resolver.resolve4(name, { ttl: true }),
    resolver.resolve6(name, { ttl: true }),
  ]);
  const records = [
    ...(v4.status === 'fulfilled' ? v4.value.map((r) => ({ ...r, family: 4 })) : []),
    ...(v6.status === 'fulfilled' ? v6.value.map((r) => ({ ...r, family: 6 })) : []),
  ];
  if (records.length > 0) {
    return {
      addresses: records.map(({ address, family }) => ({ address, family })),
      ttlMs: Math.min(...records.map((r) => r.ttl)) * 1000,
    };
  }
  // getaddrinfo (libuv's threads) only for a name the DNS says it does not know, such as one in
  // /etc/hosts; a name server that fails or does not answer is a failure, not a reason to block
  // a thread on the same servers.
  const unknown = [v4, v6].every(
    (r) =>
      r.status === 'rejected' && NOT_IN_DNS.has((r.reason as NodeJS.ErrnoException).code ?? ''),
  );
  if (!unknown) {
    const failure = [v4, v6].find((r) => r.status === 'rejected');
    throw failure?.status === 'rejected' ? failure.reason : new Error(`${name} has no address`);
  }
  return new Promise((resolve, reject) => {
    lookup(name, { all: true }, (error, addresses) =>
      error ? reject(error) : resolve({ addresses, ttlMs: MIN_TTL_MS }),
    );
  });
}
