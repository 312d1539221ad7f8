import type { SqlDatabase } from './sql-database';

/** One operator action: who, what, on what, with what outcome. */
export interface AuditEntry {
  /** `operator:<name>` from the dashboard, `cli:<user>` from the CLI. */
  readonly actor: string;
  /** `replay-dead-letter`, `pause-partner`, `resume-partner`, `rebuild`… */
  readonly action: string;
  readonly target: string;
  readonly detail: string;
  readonly at: string;
}

/** Operator actions, append only: the record of who replayed, paused or rebuilt what. */
export class AuditLog {
  constructor(private readonly db: SqlDatabase) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.db.execute(
      'INSERT INTO ops_audit (actor, action, target, detail, at) VALUES ($1, $2, $3, $4, $5)',
      [entry.actor, entry.action, entry.target, entry.detail, entry.at],
    );
  }

  /** Newest first. */
  recent(limit = 50): Promise<AuditEntry[]> {
    return this.db.query<AuditEntry>(
      'SELECT actor, action, target, detail, at FROM ops_audit ORDER BY id DESC LIMIT $1',
      [limit],
    );
  }
}
