/**
 * Runs `task` every `intervalMs`, never two at once, off any request or consumer path. A failing
 * task is reported and tried again at the next tick; the timer never keeps the process alive.
 */
export class Periodic {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly onError: (error: Error) => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.task().catch((error: unknown) => this.onError(error as Error));
    await this.running;
    this.running = undefined;
  }
}
