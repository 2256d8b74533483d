import { MemoryEventStore } from '@bihuan/event-store';
import { handleCommand, PROCESSING_MIGRATIONS } from '@bihuan/processing';
import { FakeClock, TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { findingDecider, FindingCommand } from '../domain';
import * as F from '../domain/finding/finding.fixtures';
import { at, inspector } from '../domain/inspection.fixtures';
import { evidenceFilesProjection } from './evidence-files.projection';
import { EvidenceFileQueries } from './evidence-files.queries';
import { INSPECTION_MIGRATIONS } from './inspection-read-model.schema';
import { ledgerProjection } from './ledger.projection';
import { LedgerQueries } from './ledger.queries';

describe.each(TEST_SQL_DIALECTS)('attached files read model on $name', (dialect) => {
  let test: TestSqlDatabase;
  const clock = new FakeClock(at(0));
  const store = new MemoryEventStore(clock);

  beforeAll(async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS, INSPECTION_MIGRATIONS]);
    const commands: FindingCommand[] = [
      F.open({ institutionId: 'hosp-1' }),
      F.attach('finding', F.FINDING_PHOTO, inspector, at(0, 1), '走廊拍摄'),
      F.notice(),
      F.plan({ id: 'h', role: 'hospital', unit: 'hosp-1' }),
      F.attach('progress', F.PROGRESS_PHOTO, { id: 'h', role: 'hospital', unit: 'hosp-1' }, at(2)),
      F.attach('progress', F.PROGRESS_PHOTO, { id: 'h', role: 'hospital', unit: 'hosp-1' }, at(3)), // the same file: nothing written
    ];
    for (const c of commands) {
      clock.set(c.metadata.now);
      await handleCommand(store, 'finding-f-1', findingDecider, c);
    }
  });
  afterAll(async () => {
    await test.dispose();
    await store.close();
  });

  it('lists a finding’s files in the order attached, with when and by whom, and counts them on its ledger row', async () => {
    const files = evidenceFilesProjection(test.database);
    const ledger = ledgerProjection(test.database);
    for (const e of await store.readAll()) {
      await files.handle(e);
      await ledger.handle(e);
    }
    const queries = new EvidenceFileQueries(test.database);
    const listed = await queries.files('finding', 'f-1');
    expect(listed).toEqual([
      { ...F.evidenceFile(F.FINDING_PHOTO), step: 'finding', note: '走廊拍摄', attachedAt: at(0, 1), attachedBy: 'u-inspector-1' },
      { ...F.evidenceFile(F.PROGRESS_PHOTO), step: 'progress', note: null, attachedAt: at(2), attachedBy: 'h' },
    ]);
    expect(await queries.files('visit', 'f-1')).toEqual([]);
    expect(await new LedgerQueries(test.database).row('f-1', at(3))).toMatchObject({ evidenceFiles: 2 });
    await files.reset();
    for (const e of await store.readAll()) await files.handle(e);
    expect(await queries.files('finding', 'f-1')).toEqual(listed); // rebuilt from the log, the same
  });
});
