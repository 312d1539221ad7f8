import { Client } from 'pg';

/**
 * The PostgreSQL channel every insert into `article_changes` notifies (LISTEN/NOTIFY; a trigger,
 * migration 0008, which writes the name itself). NOTIFY is delivered when the transaction commits
 * and dropped when it rolls back, so a listener never hears of a change it cannot read yet;
 * identical notifications of one transaction are folded into one.
 */
export const CHANGES_CHANNEL = 'depeche_changes';

export interface ChangeListener {
  close(): Promise<void>;
}

export interface ChangeListenerOptions {
  /** Called on every notification, and after each (re)connection: one may have been missed. */
  readonly onChange: () => void;
  readonly onError: (error: unknown) => void;
  /** Wait before reconnecting after a lost connection. */
  readonly retryMs?: number;
}

/**
 * Listens for committed changes on a connection of its own (LISTEN holds its session, so it
 * cannot share the pool). A lost connection is reopened after `retryMs`; meanwhile the callers'
 * poll of MAX(seq) still finds every change, only later. Resolves once the first attempt is done,
 * whether it succeeded or not.
 */
export async function listenForChanges(
  connectionString: string,
  options: ChangeListenerOptions,
): Promise<ChangeListener> {
  const listener = new PostgresChangeListener(connectionString, options);
  await listener.connect();
  return listener;
}

class PostgresChangeListener implements ChangeListener {
  private client: Client | undefined;
  private readonly dead = new WeakSet<Client>();
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly connectionString: string,
    private readonly options: ChangeListenerOptions,
  ) {}

  async connect(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString, keepAlive: true });
    client.on('notification', () => this.options.onChange());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('the LISTEN connection ended')));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.options.onChange();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    if (client && !this.dead.has(client)) {
      this.dead.add(client);
      await client.end().catch(() => undefined);
    }
  }

  private lost(client: Client, error: unknown): void {
    // 'error' and 'end' both fire for one loss, and close() ends the client on purpose.
    if (this.dead.has(client)) return;
    this.dead.add(client);
    client.end().catch(() => undefined);
    if (this.closed) return;
    this.options.onError(error);
    this.retry = setTimeout(() => void this.connect(), this.options.retryMs ?? 1_000);
  }
}
