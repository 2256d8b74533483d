import { MemoryEventStore } from '@bihuan/event-store';
import { handleCommand, PROCESSING_MIGRATIONS } from '@bihuan/processing';
import { FakeClock, TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { findingDecider, FindingCommand } from '../domain';
import * as F from '../domain/finding/finding.fixtures';
import { at, window } from '../domain/inspection.fixtures';
import { InspectionTables, INSPECTION_MIGRATIONS } from './inspection-read-model.schema';
import { ledgerProjection } from './ledger.projection';
import { FindingStepScope, findingOpenSteps } from './open-steps.queries';

const HOSPITAL: FindingStepScope = { hospitalOf: ['hosp-1'], inspectorOver: [] };
const INSPECTOR: FindingStepScope = { hospitalOf: [], inspectorOver: ['hosp-1', 'hosp-3'] };
const ELSEWHERE: FindingStepScope = { hospitalOf: ['hosp-2'], inspectorOver: ['hosp-2'] };

/** A finding's open steps, read from the ledger rows: each appears when its step is due and leaves when it is taken. */
describe.each(TEST_SQL_DIALECTS)('finding open steps on $name', (dialect) => {
  let test: TestSqlDatabase;
  let store: MemoryEventStore;
  let applied: number;

  beforeEach(async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS, INSPECTION_MIGRATIONS]);
    store = new MemoryEventStore(new FakeClock(at(0)));
    applied = 0;
  });
  afterEach(async () => {
    await test.dispose();
    await store.close();
  });

  /** Runs the commands, projects what they wrote, and answers the open steps for the scope at `now`. */
  const after = async (commands: FindingCommand[], scope: FindingStepScope, now = at(30)) => {
    for (const c of commands) await handleCommand(store, 'finding-f-1', findingDecider, c);
    const projection = ledgerProjection(test.database);
    const events = await store.readAll();
    for (const e of events.slice(applied)) await projection.handle(e);
    applied = events.length;
    const steps = await findingOpenSteps(test.database.db.withTables<InspectionTables>(), scope, now);
    return steps.map((s) => ({ kind: s.kind, dueAt: s.dueAt }));
  };

  it('names the finding by its description, on one line, cut short where it is long', async () => {
    const description =
      '外科病房医生收受患者红包，\n经查共三次，涉及金额合计约五千元；科室主任知情未报，医院未按规定开展医德医风教育和警示谈话';
    await after([F.open({ institutionId: 'hosp-1', description })], INSPECTOR);
    const [step] = await findingOpenSteps(test.database.db.withTables<InspectionTables>(), INSPECTOR, at(30));
    expect(step?.summary).toBe('外科病房医生收受患者红包，经查共三次，涉及金额合计约五千元；科室主任知情未报，医…');
  });

  it('a recorded finding waits on the inspectors for its notice, with no deadline yet, until the notice is issued', async () => {
    expect(await after([F.open({ institutionId: 'hosp-1' })], INSPECTOR)).toEqual([{ kind: 'rectification-notice', dueAt: null }]);
    expect(await after([], HOSPITAL)).toEqual([]);
    expect(await after([], ELSEWHERE)).toEqual([]);
    expect(await after([F.notice()], INSPECTOR)).toEqual([]);
  });

  it('a notice waits on the hospital for a plan until the plan is submitted; other units never see it', async () => {
    expect(await after([F.open({ institutionId: 'hosp-1' })], HOSPITAL)).toEqual([]);
    expect(await after([F.notice()], HOSPITAL)).toEqual([{ kind: 'rectification-plan', dueAt: F.RECTIFY_DUE }]);
    expect(await after([], INSPECTOR)).toEqual([]);
    expect(await after([], ELSEWHERE)).toEqual([]);
    expect(await after([F.plan({ id: 'h', role: 'hospital', unit: 'hosp-1' })], HOSPITAL)).toEqual([]);
  });

  it('an extension request, then a sign-off request wait on the inspectors until decided', async () => {
    const hospital = { id: 'h', role: 'hospital' as const, unit: 'hosp-1' };
    await after([F.open({ institutionId: 'hosp-1' }), F.notice(), F.plan(hospital)], INSPECTOR);
    expect(await after([F.requestExtension('x-1', hospital)], INSPECTOR)).toEqual([{ kind: 'extension-decision', dueAt: F.RECTIFY_DUE }]);
    expect(await after([], ELSEWHERE)).toEqual([]);
    expect(await after([F.denyExtension()], INSPECTOR)).toEqual([]);
    expect(
      await after(
        [
          F.attach('progress', F.PROGRESS_PHOTO, hospital),
          F.attach('signOff', F.SIGN_OFF_SCAN, hospital),
          F.progress(undefined, hospital),
          F.requestSignOff(hospital),
        ],
        INSPECTOR,
      ),
    ).toEqual([{ kind: 'sign-off-verification', dueAt: F.RECTIFY_DUE }]);
    expect(await after([], HOSPITAL)).toEqual([]);
    expect(await after([F.reject()], INSPECTOR)).toEqual([]);
  });

  it('a re-check waits on the inspectors once due (or its date passed before the wake-up), until recorded; a rebuild gives the same steps', async () => {
    const hospital = { id: 'h', role: 'hospital' as const, unit: 'hosp-1' };
    const signed = [F.open({ institutionId: 'hosp-1', severity: 'severe' }), F.notice(), F.plan(hospital)];
    await after(
      [
        ...signed,
        F.attach('progress', F.PROGRESS_PHOTO, hospital),
        F.attach('signOff', F.SIGN_OFF_SCAN, hospital),
        F.progress(undefined, hospital),
        F.requestSignOff(hospital),
      ],
      INSPECTOR,
    );
    expect(await after([F.signOff(window(at(9), at(99), 0))], INSPECTOR, at(50))).toEqual([]);
    expect(await after([], INSPECTOR, at(99, 1))).toEqual([{ kind: 'recheck', dueAt: at(99) }]); // late wake-up
    expect(await after([F.expire('recheck', at(99))], INSPECTOR, at(50))).toEqual([{ kind: 'recheck', dueAt: at(99) }]);

    const projection = ledgerProjection(test.database);
    await projection.reset();
    for (const e of await store.readAll()) await projection.handle(e);
    expect(await after([], INSPECTOR, at(50))).toEqual([{ kind: 'recheck', dueAt: at(99) }]);
    expect(await after([F.recheck('passed', at(100))], INSPECTOR, at(100))).toEqual([]);
  });
});
