import { Client, ClientConfig } from 'pg';
import { NOTIFY_CHANNEL } from './postgres-schema';

/**
 * Wakes this process's subscriptions when another process commits to the log (every batch that
 * wrote events NOTIFYs at COMMIT). Only a hint: a notified subscription reads from its checkpoint
 * as after a poll, and polling still runs, so a lost notification or a dropped listener connection
 * costs at most one poll interval. That is why errors here are swallowed, not raised.
 */
export class PgCommitListener {
  private client: Client | null = null;

  private constructor(private readonly onCommit: () => void) {}

  /** Listens on its own connection (LISTEN needs one that the pool never lends to anyone else). */
  static async start(config: ClientConfig, onCommit: () => void): Promise<PgCommitListener> {
    const listener = new PgCommitListener(onCommit);
    const client = new Client(config);
    client.on('error', () => listener.drop());
    client.on('notification', () => listener.onCommit());
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
      listener.client = client;
    } catch {
      await client.end().catch(() => undefined);
    }
    return listener;
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private drop(): void {
    void this.stop();
  }
}
