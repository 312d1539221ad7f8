import { CircuitBreaker } from './circuit-breaker';

/**
 * Per-target isolation in one process: a bounded number of requests in flight per target, and a
 * circuit per target. A target with no allowance left is left out of the next claim, so its
 * backlog never takes the slots of another.
 */
export class EndpointGates {
  private readonly inFlight = new Map<string, number>();
  private readonly circuits = new Map<string, CircuitBreaker>();

  constructor(
    private readonly perTarget: number,
    private readonly circuitFailures: number,
    private readonly circuitOpenMs: number,
  ) {}

  /** Requests this target may start now. */
  allowance(target: string, now: number): number {
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
    for (const target of new Set([...this.inFlight.keys(), ...this.circuits.keys()])) {
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
