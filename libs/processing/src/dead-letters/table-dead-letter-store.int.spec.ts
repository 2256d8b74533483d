import { TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { PROCESSING_MIGRATIONS } from '../processing.migrations';
import { TableDeadLetterStore } from './table-dead-letter-store.adapter';

const letter = {
  id: 'l1',
  workflow: 'w',
  instance: 'i',
  input: { eventId: 'e', type: 'T', streamName: 's-1', revision: 0, position: 1 },
  error: 'x',
  attempts: 3,
  at: '2025-03-03T01:00:00.000Z',
};

describe.each(TEST_SQL_DIALECTS)('TableDeadLetterStore on $name', (dialect) => {
  let test: TestSqlDatabase;
  beforeEach(async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS]);
  });
  afterEach(() => test.dispose());

  it('lists, replaces (the replaced letter goes last), counts and removes letters, as another store on the database sees them', async () => {
    const a = new TableDeadLetterStore(test.database);
    await a.put(letter);
    await a.put({ ...letter, id: 'l2', workflow: 'other', instance: null });
    await a.put({ ...letter, attempts: 5 });
    const b = new TableDeadLetterStore(test.database);
    expect(await b.list()).toEqual([
      { ...letter, id: 'l2', workflow: 'other', instance: null },
      { ...letter, attempts: 5 },
    ]);
    expect(await b.list('w')).toEqual([{ ...letter, attempts: 5 }]);
    expect(await b.count()).toBe(2);
    await b.remove('l1');
    expect(await b.get('l1')).toBeNull();
    expect(await b.get('l2')).toEqual({ ...letter, id: 'l2', workflow: 'other', instance: null });
    expect(await b.count()).toBe(1);
  });
});
