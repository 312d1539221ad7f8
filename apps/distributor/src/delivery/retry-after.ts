/**
 * RFC 9110 §10.2.3: Retry-After is delay-seconds or an HTTP-date. Returns milliseconds from `now`,
 * or undefined when absent or unreadable (then the backoff alone decides).
 */
export function retryAfterMs(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
