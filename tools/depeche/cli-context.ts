import type { Kafka } from 'kafkajs';
import type { DepecheCliEnv } from './depeche-cli.env';

/** Where a command writes: tests pass their own. `progress` is the terminal's error stream. */
export interface CliOutput {
  out(text: string): void;
  readonly progress: { write(text: string): void; readonly isTTY?: boolean };
}

export interface CliContext {
  readonly env: DepecheCliEnv;
  readonly kafka: Kafka;
  readonly output: CliOutput;
  /** The repository root, where dist/ holds the built apps. */
  readonly root: string;
  /** Who the audit log names: `cli:<user>`. */
  readonly actor: string;
  /** Resolves when the user asks to stop (Ctrl-C); long commands end cleanly then. */
  readonly interrupted: Promise<void>;
}
