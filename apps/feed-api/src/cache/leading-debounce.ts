/**
 * Runs `run` at most once per `windowMs`, on the leading edge: a trigger when nothing ran in the
 * last window runs at once (next macrotask, so triggers of the same tick are folded in); later
 * triggers are folded into one run at the end of the window. A lone change is thus rebuilt
 * without waiting, and a burst still costs one rebuild per window. Real time (`now`), not the
 * injectable Clock: tests freeze that one, and this is about pacing work, not about what is visible.
 */
export class LeadingDebounce {
  private timer: NodeJS.Timeout | undefined;
  private lastRun = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly windowMs: number,
    private readonly run: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Whether a run is scheduled and has not started. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  trigger(): void {
    if (this.timer !== undefined) return;
    const delay = Math.max(0, this.lastRun + this.windowMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.lastRun = this.now();
      this.run();
    }, delay);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
