/** A subscription request as W3C WebSub §5.1 defines it, checked. */
export interface HubRequest {
  readonly mode: 'subscribe' | 'unsubscribe';
  readonly topic: string;
  readonly callback: string;
  /** Asked for; the hub decides (§5.1: the hub MAY choose another). */
  readonly leaseSeconds?: number;
  readonly secret?: string;
}

/** The form fields of a POST to the hub, or why they are not a request (answered 400). */
export function readHubRequest(form: unknown): HubRequest | string {
  if (typeof form !== 'object' || form === null)
    return 'the body must be application/x-www-form-urlencoded';
  const fields = form as Record<string, unknown>;
  const text = (name: string): string | undefined => {
    const value = fields[name];
    return typeof value === 'string' ? value : undefined;
  };
  const mode = text('hub.mode');
  if (mode !== 'subscribe' && mode !== 'unsubscribe')
    return 'hub.mode must be subscribe or unsubscribe';
  const topic = text('hub.topic');
  if (!topic) return 'hub.topic is required';
  const callback = text('hub.callback');
  if (!callback) return 'hub.callback is required';
  const lease = text('hub.lease_seconds');
  if (lease !== undefined && !/^\d{1,9}$/.test(lease))
    return 'hub.lease_seconds must be a whole number of seconds';
  const secret = text('hub.secret');
  // §5.1: the secret MUST be less than 200 bytes.
  if (secret !== undefined && (secret === '' || Buffer.byteLength(secret, 'utf8') >= 200)) {
    return 'hub.secret must be 1 to 199 bytes';
  }
  return {
    mode,
    topic,
    callback,
    ...(lease === undefined ? {} : { leaseSeconds: Number(lease) }),
    ...(secret === undefined ? {} : { secret }),
  };
}

/** The lease granted: the one asked for within the hub's bounds, the default when none was asked. */
export function grantedLease(
  asked: number | undefined,
  bounds: { readonly min: number; readonly default: number; readonly max: number },
): number {
  if (asked === undefined) return bounds.default;
  return Math.min(bounds.max, Math.max(bounds.min, asked));
}
