import type { Delivery, DeliveryKind, DeliveryQueue } from '@depeche/persistence';
import { decideOutcome, isEndpointFailure, type RetryPolicy } from './decide-outcome';
import { DeliveredBatch } from './delivered-batch';
import { retryAfterMs } from './retry-after';
import type { EndpointGates } from './endpoint-gates';
import type { Sender, SendReport } from './send-report';

export interface WorkerSettings {
  readonly owner: string;
  readonly leaseMs: number;
  readonly pollMs: number;
  readonly maxInFlight: number;
  /** How long a freed slot waits for others before a claim fills them (default 2 ms). */
  readonly claimCoalesceMs?: number;
  readonly perTarget: number;
  readonly retry: RetryPolicy;
  readonly now: () => Date;
  readonly log: (level: 'warn' | 'error', message: string) => void;
  /** Every attempt's outcome, for operators (ops.events). */
  readonly report?: (
    delivery: Delivery,
    outcome: 'delivered' | 'failed' | 'dead',
    detail: string,
    status: number | null,
    sender: Sender,
  ) => void;
}

/**
 * Claims due deliveries and sends them, each target behind its gate (bounded concurrency and a
 * circuit), so a slow or failing partner holds only its own slots. Wakes on notify() (new rows
 * from this process) and every pollMs (rows from other processes, retries coming due).
 */
export class DeliveryWorker {
  private inFlight = 0;
  private pumping = false;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private soon: NodeJS.Timeout | undefined;
  private stopping = false;
  private readonly running = new Set<Promise<void>>();
  /** The pump under way, if any (its claim may still dispatch rows). */
  private pumped: Promise<void> | undefined;
  private readonly delivered: DeliveredBatch;
  /** Deliveries claimed for this worker by the fan-out, waiting for a free slot of their target. */
  private readonly waiting = new Map<string, { delivery: Delivery; heldAt: number }[]>();

  constructor(
    private readonly queue: DeliveryQueue,
    private readonly gates: EndpointGates,
    private readonly senders: Readonly<Record<DeliveryKind, Sender>>,
    private readonly settings: WorkerSettings,
  ) {
    this.delivered = new DeliveredBatch(queue, settings.owner, settings.now);
  }

  start(): void {
    this.timer = setInterval(() => this.notify(), this.settings.pollMs);
    this.notify();
  }

  notify(): void {
    if (this.stopping) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    this.pumped = this.pump()
      .catch((error: unknown) =>
        this.settings.log('warn', `claim failed: ${(error as Error).message}`),
      )
      .finally(() => {
        this.pumping = false;
        if (this.again) {
          this.again = false;
          this.notify();
        }
      });
  }

  /**
   * How many more deliveries to `targetId` the fan-out may claim for this worker now: its free
   * slots plus one more round held in memory, none while its circuit is open. Held rows wait at
   * most a few requests' time, far inside their lease.
   */
  room(targetId: string): number {
    if (this.stopping) return 0;
    const allowance = this.gates.allowance(targetId, this.settings.now().getTime());
    if (allowance <= 0) return 0;
    const held = this.waiting.get(targetId)?.length ?? 0;
    return Math.max(0, allowance + this.settings.perTarget - held);
  }

  /** Deliveries the fan-out inserted already claimed by this worker: sent as slots allow. */
  dispatch(deliveries: readonly Delivery[]): void {
    if (this.stopping) {
      // Claimed while stopping (a claim or a fan-out that was under way): back to the queue now.
      this.track(
        Promise.allSettled(deliveries.map((d) => this.queue.release(d.id, this.settings.owner))),
      );
      return;
    }
    const heldAt = this.settings.now().getTime();
    for (const delivery of deliveries) {
      const list = this.waiting.get(delivery.targetId) ?? [];
      list.push({ delivery, heldAt });
      this.waiting.set(delivery.targetId, list);
    }
    for (const targetId of new Set(deliveries.map((d) => d.targetId))) this.startWaiting(targetId);
  }

  /**
   * A finished request frees a slot; the slots freed within a few milliseconds are filled by one
   * claim instead of one claim each (at thousands of deliveries a second, a claim per delivery
   * would be most of the database's work).
   */
  private notifySoon(): void {
    this.soon ??= setTimeout(() => {
      this.soon = undefined;
      this.notify();
    }, this.settings.claimCoalesceMs ?? 2);
  }

  /** Stops claiming and waits for the requests in flight to finish and be recorded. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    // Held rows go back to the queue now rather than when their lease runs out.
    const held = [...this.waiting.values()].flat();
    this.waiting.clear();
    await Promise.allSettled(
      held.map(({ delivery }) => this.queue.release(delivery.id, this.settings.owner)),
    );
    // A claim under way dispatches what it took, which goes back to the queue (dispatch).
    await this.pumped;
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Work stop() waits for. */
  private track(work: Promise<unknown>): void {
    const done: Promise<void> = work.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(done);
    void done.finally(() => this.running.delete(done));
  }

  /**
   * Claims as the fan-out hands over: up to one more round per target than it has free slots for,
   * held in memory. A slot freed while the next claim runs then starts a held row at once instead
   * of waiting for that claim (under a backlog, claims ran back to back and slots sat idle for
   * their whole duration), and each claim brings twice the rows.
   */
  private async pump(): Promise<void> {
    await this.tendWaiting();
    while (!this.stopping) {
      const free = this.settings.maxInFlight - this.inFlight;
      if (free <= 0) return;
      const now = this.settings.now();
      const limits = new Map<string, number>();
      const limited = [...this.gates.limits(now.getTime()).keys(), ...this.waiting.keys()];
      for (const target of new Set(limited)) limits.set(target, this.room(target));
      const excludeTargets = [...limits].filter(([, n]) => n === 0).map(([target]) => target);
      for (const target of excludeTargets) limits.delete(target);
      const claimed = await this.queue.claim({
        owner: this.settings.owner,
        now,
        leaseMs: this.settings.leaseMs,
        limit: free + this.settings.maxInFlight,
        // A target with every slot free: a round to send and a round to hold.
        perTarget: 2 * this.settings.perTarget,
        excludeTargets,
        targetLimits: limits,
      });
      if (claimed.length === 0) return;
      const before = this.inFlight;
      this.dispatch(claimed);
      // Everything claimed is held for targets with no free slot: claim again when one frees.
      if (this.inFlight === before) return;
    }
  }

  /**
   * A slot freed: rows held for its target first, then, where only maxInFlight held them back,
   * those of the other targets.
   */
  private startHeld(targetId: string): void {
    this.startWaiting(targetId);
    if (this.inFlight >= this.settings.maxInFlight) return;
    for (const other of [...this.waiting.keys()]) {
      if (this.inFlight >= this.settings.maxInFlight) return;
      this.startWaiting(other);
    }
  }

  private startWaiting(targetId: string): void {
    const list = this.waiting.get(targetId);
    // The target's slots, and the process's: held rows never take it past maxInFlight.
    while (
      list &&
      list.length > 0 &&
      this.inFlight < this.settings.maxInFlight &&
      this.gates.allowance(targetId, this.settings.now().getTime()) > 0
    ) {
      const next = list.shift();
      if (next) this.begin(next.delivery);
    }
    if (list?.length === 0) this.waiting.delete(targetId);
  }

  /**
   * On every pump: held rows start where their target has room again (a circuit that closed), and
   * rows held for half their lease (a target whose circuit stays open) go back to the queue, so a
   * lease never runs out on a row this worker still holds.
   */
  private async tendWaiting(): Promise<void> {
    const now = this.settings.now().getTime();
    for (const targetId of [...this.waiting.keys()]) this.startWaiting(targetId);
    for (const [targetId, list] of this.waiting) {
      const stale = list.filter(({ heldAt }) => now - heldAt >= this.settings.leaseMs / 2);
      if (stale.length === 0) continue;
      const kept = list.filter((entry) => !stale.includes(entry));
      if (kept.length > 0) this.waiting.set(targetId, kept);
      else this.waiting.delete(targetId);
      for (const { delivery } of stale) await this.queue.release(delivery.id, this.settings.owner);
    }
  }

  private begin(delivery: Delivery): void {
    this.gates.start(delivery.targetId, this.settings.now().getTime());
    this.inFlight += 1;
    const run = this.run(delivery).finally(() => {
      this.inFlight -= 1;
      this.running.delete(run);
      if (!this.stopping) this.startHeld(delivery.targetId);
      this.notifySoon();
    });
    this.running.add(run);
  }

  private async run(delivery: Delivery): Promise<void> {
    const sender = this.senders[delivery.kind];
    let report: SendReport;
    try {
      report = await sender.send(delivery, this.settings.now());
    } catch (error) {
      report = {
        kind: 'attempted',
        result: { kind: 'failure', message: (error as Error).message },
      };
    }
    const now = this.settings.now();
    const healthy = report.kind !== 'attempted' || !isEndpointFailure(report.result);
    if (report.kind === 'postpone') this.gates.cancel(delivery.targetId);
    else this.gates.finish(delivery.targetId, healthy, now.getTime());
    this.honourRetryAfter(delivery.targetId, report, now);
    try {
      await this.record(delivery, report, sender, now);
    } catch (error) {
      // The lease runs out and another claim retries it: at least once, never lost.
      this.settings.log(
        'warn',
        `outcome of ${delivery.id} not recorded: ${(error as Error).message}`,
      );
    }
  }

  /**
   * A 429 or 503 with Retry-After pauses the whole target, at most as long as the longest backoff
   * (a Retry-After of a year would otherwise stop an endpoint for a year).
   */
  private honourRetryAfter(targetId: string, report: SendReport, now: Date): void {
    if (report.kind !== 'attempted' || report.result.kind !== 'response') return;
    const { status, retryAfter } = report.result;
    if (status !== 429 && status !== 503) return;
    const wait = retryAfterMs(retryAfter, now);
    if (wait === undefined || wait <= 0) return;
    this.gates.pause(targetId, now.getTime() + Math.min(wait, this.settings.retry.maxMs));
  }

  private async record(
    delivery: Delivery,
    report: SendReport,
    sender: Sender,
    now: Date,
  ): Promise<void> {
    const { owner } = this.settings;
    switch (report.kind) {
      case 'done':
        await this.delivered.record(delivery.id, 0);
        this.settings.report?.(delivery, 'delivered', report.reason, null, sender);
        return;
      case 'postpone':
        await this.queue.postpone(delivery.id, owner, report.at, report.reason);
        return;
      case 'dead':
        await this.queue.deadLetter(delivery.id, owner, now, report.reason, null);
        this.settings.report?.(delivery, 'dead', report.reason, null, sender);
        return;
      case 'attempted':
        break;
    }
    const status = report.result.kind === 'response' ? report.result.status : null;
    const outcome = decideOutcome(
      report.result,
      { attempts: delivery.attempts, dueAt: new Date(delivery.dueAt), now },
      this.settings.retry,
    );
    switch (outcome.action) {
      case 'delivered':
        await this.delivered.record(delivery.id, status ?? 0);
        this.settings.report?.(delivery, 'delivered', `HTTP ${status ?? 0}`, status, sender);
        return;
      case 'retry':
        await this.queue.reschedule(delivery.id, owner, outcome.at, outcome.reason, status);
        this.settings.report?.(
          delivery,
          'failed',
          `${outcome.reason}; retry at ${outcome.at.toISOString()}`,
          status,
          sender,
        );
        return;
      case 'dead':
        await this.queue.deadLetter(delivery.id, owner, now, outcome.reason, status);
        this.settings.report?.(delivery, 'dead', outcome.reason, status, sender);
        if (outcome.disable) await sender.disable(delivery.targetId, outcome.reason);
        this.settings.log(
          'warn',
          `dead-lettered delivery ${delivery.id} to ${delivery.targetId}: ${outcome.reason}`,
        );
        return;
    }
  }
}
