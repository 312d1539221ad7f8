import { randomBytes } from 'node:crypto';

/** The key that signs sessions: from OPS_SESSION_SECRET, or made at start (see OpsEnv). */
export class OperatorSecret {
  readonly key: Buffer;

  constructor(configured: string | undefined) {
    this.key = configured ? Buffer.from(configured, 'utf8') : randomBytes(32);
  }
}
