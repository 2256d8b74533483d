import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SequentialIdGenerator } from '@bihuan/core';
import { SqliteEventStore } from '@bihuan/event-store';
import { CalendarService, CommandExecution, PolicyRegistry, ReadModelSync, testConfig } from '@bihuan/platform';
import { FakeClock } from '@bihuan/testing';
import { DIRECTORY_CATEGORY, DIRECTORY_ID } from '../domain/directory.model';
import { DIRECTORY_DECIDER } from './directory-rules';
import { seedDirectory, storedDirectory } from './directory-seed';
import { DIRECTORY_STREAM, LiveDirectory } from './live-directory';

/** The live directory on a real SQLite log: seeded once by racing starters, current after every write. */
describe('LiveDirectory on SQLite', () => {
  let dir: string;
  let store: SqliteEventStore;
  const clock = new FakeClock('2025-03-03T01:00:00.000Z');
  const executionOf = (prefix: string) =>
    new CommandExecution(
      store,
      clock,
      new SequentialIdGenerator(prefix),
      new ReadModelSync(),
      new CalendarService(store, clock),
      new PolicyRegistry(store, () => clock.now().toISOString()),
    );

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-directory-'));
    store = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), clock });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('two starters seeding at once write the seed once', async () => {
    const config = testConfig({ directory: { seed: 'none', rootName: '某省卫生健康委员会' } });
    await Promise.all([seedDirectory(executionOf('a'), clock, config), seedDirectory(executionOf('b'), clock, config)]);
    await seedDirectory(executionOf('c'), clock, config);
    const events = await store.readStream(DIRECTORY_STREAM);
    expect(events.map((e) => e.type)).toEqual(['UnitCreated', 'UserCreated', 'DirectoryImported']);
    const state = await storedDirectory(store, config);
    expect(state.units.get('root')).toMatchObject({ name: '某省卫生健康委员会', kind: 'province', parentId: null });
    expect(state.users.get('admin')).toMatchObject({ role: 'admin', unitId: 'root', status: 'active' });
  });

  it('folds the stream at start, follows later writes, and answers Jurisdiction and UserDirectory from them at once', async () => {
    const config = testConfig();
    await seedDirectory(executionOf('s'), clock, config);
    const live = new LiveDirectory(store);
    await live.start();
    try {
      expect(live.jurisdiction.contains('county-a1', 'hosp-a1-2')).toBe(true);
      expect(live.users.get('inspector-a1')).toMatchObject({ unit: 'county-a1', active: true });

      const execution = executionOf('w');
      const write = (type: 'MoveUnit' | 'DisableUser', data: object) =>
        execution.execute(
          { id: 'admin', role: 'admin', unit: 'prov' },
          { category: DIRECTORY_CATEGORY, id: DIRECTORY_ID, decider: DIRECTORY_DECIDER, build: () => ({ type, data }) as never },
        );
      const moved = await write('MoveUnit', { unitId: 'hosp-a1-2', parentId: 'county-a2' });
      await live.caughtUpTo(moved.position!);
      expect(live.jurisdiction.contains('county-a1', 'hosp-a1-2')).toBe(false);
      expect(live.jurisdiction.contains('county-a2', 'hosp-a1-2')).toBe(true);
      expect(
        live.jurisdiction
          .institutionsUnder('county-a2')
          .map((u) => u.id)
          .sort(),
      ).toEqual(['hosp-a1-2', 'hosp-a2-1']);

      const disabled = await write('DisableUser', { userId: 'inspector-a1' });
      await live.caughtUpTo(disabled.position!);
      expect(live.users.get('inspector-a1')?.active).toBe(false);
      expect(live.position).toBe(disabled.position);
      expect(await live.behind(disabled.position!)).toBe(0);

      // A second view started now folds the same directory from the stream alone.
      const again = new LiveDirectory(store);
      await again.start();
      expect(again.jurisdiction.get('hosp-a1-2')?.parentId).toBe('county-a2');
      expect(again.profileOf('hosp-a1-1')).toMatchObject({ institutionType: 'general_hospital', level: 'level3' });
      // Applicant credit finds an institution by its 统一社会信用代码 (unique in the directory).
      expect(again.institutionWithCreditCode(again.profileOf('hosp-a1-2')!.creditCode)).toBe('hosp-a1-2');
      expect(again.institutionWithCreditCode('91330100799655058B')).toBeUndefined();
      await again.stop();
    } finally {
      await live.stop();
    }
  });
});
