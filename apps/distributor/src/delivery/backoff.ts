/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * the n-th retry waits a uniform random time up to min(max, initial × 2^(n-1)), so endpoints that
 * fail together do not come back as a thundering herd.
 */
export function retryDelayMs(
  attempts: number,
  initialMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(Math.max(attempts - 1, 0), 40));
  return Math.round(random() * ceiling);
}
