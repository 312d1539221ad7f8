/**
 * One endpoint's circuit (Nygard, "Release It!", Circuit Breaker): closed until `threshold`
 * consecutive failures; then open for `openMs`, during which no request is sent; then half-open,
 * when one probe goes through: its success closes the circuit, its failure opens it again.
 * Kept per process: each worker learns an endpoint's health from its own attempts.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private probing = false;

  constructor(
    private readonly threshold: number,
    private readonly openMs: number,
  ) {}

  state(now: number): 'closed' | 'open' | 'half-open' {
    if (this.openedAt === undefined) return 'closed';
    return now - this.openedAt >= this.openMs ? 'half-open' : 'open';
  }

  /** How many requests may start now: all (Infinity) closed, none open, one probe half-open. */
  allowance(now: number): number {
    switch (this.state(now)) {
      case 'closed':
        return Infinity;
      case 'open':
        return 0;
      case 'half-open':
        return this.probing ? 0 : 1;
    }
  }

  /** Call when a request starts; marks the half-open probe as taken. */
  started(now: number): void {
    if (this.state(now) === 'half-open') this.probing = true;
  }

  /** The probe was never sent after all. */
  cancelled(): void {
    this.probing = false;
  }

  succeeded(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.probing = false;
  }

  failed(now: number): void {
    this.failures += 1;
    if (this.probing || this.failures >= this.threshold) this.openedAt = now;
    this.probing = false;
  }
}
