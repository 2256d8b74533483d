import { DatabaseConnection, Driver, QueryCompiler, SqliteDialect, SqliteDialectConfig, TransactionSettings } from 'kysely';
import { ConnectionQueue } from './connection-queue';

type CompileQuery = QueryCompiler['compileQuery'];

/**
 * Kysely's SQLite driver with the connection handed out by a {@link ConnectionQueue}: one holder
 * at a time, in arrival order. The inner driver still does the work (statements, transactions,
 * savepoints); its own mutex is then never contended, so it no longer wakes every waiter each time
 * the connection frees.
 */
class FifoSqliteDriver implements Driver {
  private readonly queue = new ConnectionQueue();

  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.queue.acquire();
    try {
      return await this.inner.acquireConnection();
    } catch (error) {
      this.queue.release();
      throw error;
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    try {
      await this.inner.releaseConnection(connection);
    } finally {
      this.queue.release();
    }
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection);
  }

  async savepoint(connection: DatabaseConnection, name: string, compileQuery: CompileQuery): Promise<void> {
    await this.inner.savepoint!(connection, name, compileQuery);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compileQuery: CompileQuery): Promise<void> {
    await this.inner.rollbackToSavepoint!(connection, name, compileQuery);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compileQuery: CompileQuery): Promise<void> {
    await this.inner.releaseSavepoint!(connection, name, compileQuery);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** Kysely's SqliteDialect, its driver wrapped in {@link FifoSqliteDriver}. */
export class FifoSqliteDialect extends SqliteDialect {
  constructor(config: SqliteDialectConfig) {
    super(config);
  }

  override createDriver(): Driver {
    return new FifoSqliteDriver(super.createDriver());
  }
}
