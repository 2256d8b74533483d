import { Kysely } from 'kysely';
import { RecordedEvent } from '@bihuan/event-store';
import { TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { MigrationSet } from '@bihuan/database';
import { PROCESSING_MIGRATIONS } from '../processing.migrations';
import { TableProjection } from './table-projection';

type Tables = { seen: { id: string; position: number } };

const SEEN: MigrationSet = {
  owner: 'spec',
  migrations: {
    '0001-seen': async (db) => {
      await db.schema
        .createTable('seen')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('position', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
};

function event(position: number, type = 'Seen'): RecordedEvent {
  const metadata = { eventId: `ev-${position}`, occurredAt: '2026-01-05T00:00:00.000Z' } as RecordedEvent['metadata'];
  return { type, data: {}, metadata, streamName: `case-${position}`, revision: 0, position };
}

describe.each(TEST_SQL_DIALECTS)('TableProjection on $name', (dialect) => {
  let test: TestSqlDatabase;
  const projection = (name = 'seen', ignoring = false): TableProjection<Tables> =>
    new TableProjection<Tables>(test.database, {
      name,
      tables: ['seen'],
      apply: async (e, db: Kysely<Tables>) => {
        if (e.type === 'Broken') throw new Error('cannot apply');
        if (e.type === 'Other') return;
        await db.insertInto('seen').values({ id: e.streamName, position: e.position }).execute();
      },
      ...(ignoring ? { ignores: (e: RecordedEvent) => e.type === 'Other' } : {}),
    });
  const seen = async (): Promise<number[]> =>
    (await test.database.db.withTables<Tables>().selectFrom('seen').select('position').orderBy('position').execute()).map(
      (r) => r.position,
    );

  beforeEach(async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS, SEEN]);
  });
  afterEach(() => test.dispose());

  it('writes a batch and its checkpoint together, and skips what the checkpoint covers', async () => {
    const p = projection();
    await p.handleBatch([event(0), event(1), event(2)]);
    await p.handleBatch([event(1), event(2), event(3)]);
    expect(await seen()).toEqual([0, 1, 2, 3]);
    expect(await p.checkpoints.load('seen')).toBe(3);
  });

  it('rolls the whole batch back when one event fails', async () => {
    const p = projection();
    await p.handleBatch([event(0)]);
    await expect(p.handleBatch([event(1), event(2, 'Broken')])).rejects.toThrow('cannot apply');
    expect(await seen()).toEqual([0]);
    expect(await p.checkpoints.load('seen')).toBe(0);
  });

  it('applies each event once when two runners of one projection race on the same batch', async () => {
    const batch = Array.from({ length: 20 }, (_, i) => event(i));
    await Promise.all([projection().handleBatch(batch), projection().handleBatch(batch)]);
    expect(await seen()).toEqual(batch.map((e) => e.position));
  });

  it('moves the checkpoint without a transaction over a batch it ignores whole, never backwards', async () => {
    const p = projection('seen', true);
    // Counted on the handle the projection writes through (derivedWrites may hand it a held connection).
    let transactions = 0;
    const counted = new WeakSet<object>();
    const derivedWrites = test.database.derivedWrites.bind(test.database);
    jest.spyOn(test.database, 'derivedWrites').mockImplementation((work) =>
      derivedWrites((db) => {
        if (!counted.has(db)) {
          counted.add(db);
          const real = db.transaction.bind(db);
          jest.spyOn(db, 'transaction').mockImplementation(() => {
            transactions += 1;
            return real();
          });
        }
        return work(db);
      }),
    );
    await p.handleBatch([event(0, 'Other'), event(1, 'Other')]); // nothing checkpointed yet
    expect(await p.checkpoints.load('seen')).toBe(1);
    await p.handleBatch([event(2), event(3, 'Other')]);
    await p.handleBatch([event(4, 'Other')]);
    expect(transactions).toBe(1);
    expect(await seen()).toEqual([2]);
    expect(await p.checkpoints.load('seen')).toBe(4);
    await p.handleBatch([event(3, 'Other')]); // a redelivery behind the checkpoint
    expect(await p.checkpoints.load('seen')).toBe(4);
  });

  it('reset empties its tables and forgets the checkpoint', async () => {
    const p = projection();
    await p.handleBatch([event(5)]);
    await p.reset();
    expect(await seen()).toEqual([]);
    expect(await p.checkpoints.load('seen')).toBeNull();
  });
});
