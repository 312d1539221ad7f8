/**
 * Polls `probe` until it returns something other than undefined, or fails after `timeoutMs` with
 * `describe()` of the last state, so a timeout says what was missing.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  { timeoutMs = 60_000, intervalMs = 200, describe = () => '' }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms. ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export interface WaitOptions {
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
  readonly describe?: () => string;
}
