/** Enough for every version fanned out in the last hours at the expected rate, a few MB at most. */
const DEFAULT_CAPACITY = 20_000;

/**
 * The `correlation-id` of each item this process fanned out, by article and version, so that the
 * outcome of each delivery can carry it to ops.events (apps/ops/README.md). Best effort and in
 * memory: the delivery queue has no column for it, so a delivery sent by another process, or
 * after a restart, is reported without one (the field is optional in the contract).
 */
export class CorrelationIds {
  private readonly ids = new Map<string, string>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  remember(articleId: string, version: number, correlationId: string | undefined): void {
    if (correlationId === undefined) return;
    const key = `${articleId}@${version}`;
    this.ids.delete(key);
    this.ids.set(key, correlationId);
    // A Map iterates in insertion order: the first key is the oldest.
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.keys().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
  }

  of(articleId: string, version: number): string | undefined {
    return this.ids.get(`${articleId}@${version}`);
  }
}
