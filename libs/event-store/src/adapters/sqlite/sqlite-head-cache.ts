import { EventMetadata } from '@bihuan/core';
import { HeadRow, SqliteStatements } from './sqlite-statements';

/**
 * Stream heads (last revision and hash per stream) as this connection last saw them. There is no
 * head table: on a miss the head is the stream's newest event, one lookup in the
 * `(stream, revision)` index, its hash read out of the stored metadata.
 *
 * Why: every append needs its stream's head (expected revision, prevHash), and most appends go to
 * streams this process wrote a moment ago. Reading it from memory saves a SELECT per append, and
 * not keeping a head table saves a random B-tree page write per commit (~8.5% of a one-insert
 * transaction at synchronous=FULL, up to 64 pages per 64-append batch).
 *
 * Why it is safe with several processes on one file: `PRAGMA data_version` changes exactly when
 * ANOTHER connection has committed. `begin()` runs first in every write transaction, i.e. while this
 * connection holds the file's only write lock; if the version moved since the last check, the
 * cache is dropped and heads are read from the events again. Nothing can commit in between, so a
 * cached head is never older than the log. Writes through this same connection that bypass the
 * store would not be noticed: nothing but the store may write `events`.
 */
export class HeadCache {
  private readonly committed = new Map<string, HeadRow>();
  private readonly staged = new Map<string, HeadRow>();
  private dataVersion: number | null = null;

  constructor(
    private readonly sql: SqliteStatements,
    /** Streams remembered at most (oldest written first out): a bound on memory, not a tuning knob. */
    private readonly capacity = 10_000,
  ) {}

  /** First statement of every write transaction: forgets what another connection may have changed. */
  begin(): void {
    this.staged.clear();
    const version = this.sql.dataVersion.get()!;
    if (version !== this.dataVersion) {
      this.committed.clear();
      this.dataVersion = version;
    }
  }

  /** The stream's head including what this transaction staged; null when the stream does not exist. */
  get(stream: string): HeadRow | null {
    const head = this.staged.get(stream) ?? this.committed.get(stream);
    if (head) return head;
    const row = this.sql.selectHead.get(stream);
    if (!row) return null;
    const read = { revision: row.revision, hash: (JSON.parse(row.metadata) as EventMetadata).hash! };
    this.remember(stream, read);
    return read;
  }

  /** Records an append's new head: seen by later appends of this transaction, remembered after COMMIT. */
  stage(stream: string, revision: number, hash: string): void {
    this.staged.set(stream, { revision, hash });
  }

  /** After COMMIT: the staged heads are now the streams' newest events. */
  committedNow(): void {
    for (const [name, head] of this.staged) this.remember(name, head);
    this.staged.clear();
  }

  /** After a rollback (or a failed COMMIT): trust nothing remembered, read the log again. */
  rolledBack(): void {
    this.staged.clear();
    this.committed.clear();
    this.dataVersion = null;
  }

  private remember(stream: string, head: HeadRow): void {
    this.committed.delete(stream);
    this.committed.set(stream, head);
    if (this.committed.size > this.capacity) this.committed.delete(this.committed.keys().next().value as string);
  }
}
