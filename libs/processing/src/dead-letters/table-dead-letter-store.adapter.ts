import { Generated, Kysely } from 'kysely';
import { SqlDatabase } from '@bihuan/database';
import { DeadLetter, DeadLetterStore } from './dead-letter-store.port';

/** The `dead_letters` table (processing migrations); `seq` is the order of parking. */
export type DeadLetterTables = {
  dead_letters: {
    seq: Generated<number>;
    id: string;
    workflow: string;
    instance: string | null;
    input: string;
    error: string;
    attempts: number;
    at: string;
  };
};

type Row = Omit<DeadLetterTables['dead_letters'], 'seq'>;

const COLUMNS = ['id', 'workflow', 'instance', 'input', 'error', 'attempts', 'at'] as const;

/**
 * Dead letters in the read-model database (SQLite or PostgreSQL), so they survive restarts and
 * every process sees them: admins list and retry them from any API host.
 */
export class TableDeadLetterStore implements DeadLetterStore {
  private readonly db: Kysely<DeadLetterTables>;

  constructor(readonly database: SqlDatabase) {
    this.db = database.db.withTables<DeadLetterTables>();
  }

  /** Delete and insert in one transaction: a letter parked again takes a new `seq`, i.e. goes last. */
  async put(letter: DeadLetter): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('dead_letters').where('id', '=', letter.id).execute();
      await trx
        .insertInto('dead_letters')
        .values({
          id: letter.id,
          workflow: letter.workflow,
          instance: letter.instance,
          input: JSON.stringify(letter.input),
          error: letter.error,
          attempts: letter.attempts,
          at: letter.at,
        })
        .execute();
    });
  }

  async get(id: string): Promise<DeadLetter | null> {
    const row = await this.db.selectFrom('dead_letters').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? toLetter(row) : null;
  }

  async list(workflow?: string): Promise<DeadLetter[]> {
    let query = this.db.selectFrom('dead_letters').select(COLUMNS).orderBy('seq');
    if (workflow !== undefined) query = query.where('workflow', '=', workflow);
    return (await query.execute()).map(toLetter);
  }

  /** How many are parked (the metrics read it at every scrape: a count, not the rows). */
  async count(): Promise<number> {
    const { n } = await this.db
      .selectFrom('dead_letters')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('dead_letters').where('id', '=', id).execute();
  }
}

function toLetter(row: Row): DeadLetter {
  return {
    id: row.id,
    workflow: row.workflow,
    instance: row.instance,
    input: JSON.parse(row.input) as DeadLetter['input'],
    error: row.error,
    attempts: row.attempts,
    at: row.at,
  };
}
