/** `[########------------]  40%  400/1000 label`: pure, so it is tested without a terminal. */
export function progressLine(done: number, total: number, label = '', width = 30): string {
  const ratio = total <= 0 ? 1 : Math.min(1, Math.max(0, done / total));
  const filled = Math.round(ratio * width);
  const percent = `${Math.floor(ratio * 100)}%`.padStart(4);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent}  ${done}/${total}${label ? ` ${label}` : ''}`;
}

export interface ProgressSink {
  write(text: string): void;
  readonly isTTY?: boolean;
}

/**
 * Redraws one line on a terminal (carriage return); elsewhere (CI logs, pipes) prints a line at
 * most every 10 % so that a log is not flooded.
 */
export class ProgressBar {
  private lastDecile = -1;

  constructor(
    private readonly sink: ProgressSink,
    private readonly label: string,
  ) {}

  update(done: number, total: number): void {
    const line = progressLine(done, total, this.label);
    if (this.sink.isTTY) {
      this.sink.write(`\r${line}`);
      return;
    }
    const decile = total <= 0 ? 10 : Math.floor((done / total) * 10);
    if (decile !== this.lastDecile) {
      this.lastDecile = decile;
      this.sink.write(`${line}\n`);
    }
  }

  finish(done: number, total: number): void {
    this.update(done, total);
    if (this.sink.isTTY) this.sink.write('\n');
  }
}
