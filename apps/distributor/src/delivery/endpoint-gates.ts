import { CircuitBreaker } from './circuit-breaker';

/**
 * Per-target isolation in one process: a bounded number of requests in flight per target, a
 * circuit per target, and the pause a target asked for with Retry-After. A target with no
 * allowance left is left out of the next claim, so its backlog never takes the slots of another.
 */
export class EndpointGates {
  private readonly inFlight = new Map<string, number>();
  private readonly circuits = new Map<string, CircuitBreaker>();
  /** Until when each target asked to be left alone (429 or 503 with Retry-After), epoch ms. */
  private readonly pausedUntil = new Map<string, number>();

  constructor(
    private readonly perTarget: number,
    private readonly circuitFailures: number,
    private readonly circuitOpenMs: number,
  ) {}

  /** Requests this target may start now. */
  allowance(target: string, now: number): number {
    const paused = this.pausedUntil.get(target);
    if (paused !== undefined) {
      if (now < paused) return 0;
      this.pausedUntil.delete(target);
    }
    const free = this.perTarget - (this.inFlight.get(target) ?? 0);
    return Math.max(0, Math.min(free, this.circuit(target).allowance(now)));
  }

  /** Targets known here that may start nothing now. */
  closedTargets(now: number): string[] {
    return [...this.limits(now)].filter(([, free]) => free === 0).map(([target]) => target);
  }

  /** Targets known here that may start fewer than `perTarget` requests now, and how many. */
  limits(now: number): Map<string, number> {
    const limits = new Map<string, number>();
    const known = [...this.inFlight.keys(), ...this.circuits.keys(), ...this.pausedUntil.keys()];
    for (const target of new Set(known)) {
      const free = this.allowance(target, now);
      if (free < this.perTarget) limits.set(target, free);
    }
    return limits;
  }

  start(target: string, now: number): void {
    this.inFlight.set(target, (this.inFlight.get(target) ?? 0) + 1);
    this.circuit(target).started(now);
  }

  finish(target: string, healthy: boolean, now: number): void {
    const left = (this.inFlight.get(target) ?? 1) - 1;
    if (left > 0) this.inFlight.set(target, left);
    else this.inFlight.delete(target);
    const circuit = this.circuit(target);
    if (healthy) circuit.succeeded();
    else circuit.failed(now);
  }

  /**
   * RFC 9110 §10.2.3 / RFC 6585 §4: the target answered 429 or 503 with Retry-After. Nothing more
   * starts for it until `until` (the answered delivery itself is retried no sooner either), rather
   * than its other deliveries going on until its circuit opens for a time of our choosing.
   */
  pause(target: string, until: number): void {
    this.pausedUntil.set(target, Math.max(until, this.pausedUntil.get(target) ?? 0));
  }

  /** A claimed row given back unattempted: frees the slot without judging the endpoint. */
  cancel(target: string): void {
    const left = (this.inFlight.get(target) ?? 1) - 1;
    if (left > 0) this.inFlight.set(target, left);
    else this.inFlight.delete(target);
    this.circuit(target).cancelled();
  }

  /** The target's circuit now, for the circuit-state gauge; a target never attempted is closed. */
  circuitState(target: string, now: number): 'closed' | 'open' | 'half-open' {
    return this.circuits.get(target)?.state(now) ?? 'closed';
  }

  private circuit(target: string): CircuitBreaker {
    let circuit = this.circuits.get(target);
    if (!circuit) {
      circuit = new CircuitBreaker(this.circuitFailures, this.circuitOpenMs);
      this.circuits.set(target, circuit);
    }
    return circuit;
  }
}
