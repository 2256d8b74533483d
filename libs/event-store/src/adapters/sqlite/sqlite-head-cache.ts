import { HeadRow, SqliteStatements } from './sqlite-statements';

/** A stream's head as the open write transaction will leave it, and whether its row exists yet. */
interface StagedHead extends HeadRow {
  readonly rowExists: boolean;
}

/**
 * The head table (`streams`: last revision and hash per stream) as this connection last saw it.
 *
 * Why: every append needs its stream's head (expected revision, prevHash), and most appends go to
 * streams this process wrote a moment ago. Reading it from memory saves a SELECT per append, and
 * staging the new heads until the end of the transaction writes each stream's row once per batch
 * however many of the batch's appends went to it.
 *
 * Why it is safe with several processes on one file: `PRAGMA data_version` changes exactly when
 * ANOTHER connection has committed. `begin()` runs first in every write transaction, i.e. while this
 * connection holds the file's only write lock; if the version moved since the last check, the
 * cache is dropped and heads are read from the table again. Nothing can commit in between, so a
 * cached head is never older than the table. Writes through this same connection that bypass the
 * store would not be noticed: nothing but the store may write `streams`.
 */
export class HeadCache {
  private readonly committed = new Map<string, HeadRow>();
  private readonly staged = new Map<string, StagedHead>();
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
    this.remember(stream, { revision: row.revision, hash: row.hash });
    return row;
  }

  /** Records an append's new head; its row is written by `writeStaged` at the end of the transaction. */
  stage(stream: string, revision: number, hash: string, previous: HeadRow | null): void {
    const earlier = this.staged.get(stream);
    this.staged.set(stream, { revision, hash, rowExists: earlier ? earlier.rowExists : previous !== null });
  }

  /** Last statements of the transaction: one row per stream that this batch appended to. */
  writeStaged(): void {
    for (const [name, head] of this.staged) {
      if (head.rowExists) this.sql.updateHead.run(head.revision, head.hash, name);
      else this.sql.insertHead.run(name, head.revision, head.hash);
    }
  }

  /** After COMMIT: the staged heads are now what the table holds. */
  committedNow(): void {
    for (const [name, head] of this.staged) this.remember(name, { revision: head.revision, hash: head.hash });
    this.staged.clear();
  }

  /** After a rollback (or a failed COMMIT): trust nothing remembered, read the table again. */
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
