import { RecordedEvent } from '@bihuan/event-store';
import { PROCESSING_MIGRATIONS } from '@bihuan/processing';
import { TEST_SQL_DIALECTS, TestSqlDatabase } from '@bihuan/testing';
import { ETHICS_MIGRATIONS, EthicsTables } from './ethics-read-model.schema';
import { ethicsProjection } from './ethics.projection';
import { ethicsOpenSteps } from './open-steps.queries';

const T0 = '2025-12-20T02:00:00.000Z';
const EVAL = 'H1.2025.S1';

const ev = (position: number, type: string, data: object): RecordedEvent => ({
  streamName: `ethicsEvaluation-${EVAL}`,
  revision: position - 1,
  position,
  type,
  data: { evaluationId: EVAL, ...data },
  metadata: {
    eventId: `e-${position}`,
    correlationId: 'c',
    causationId: null,
    actor: { id: 'u', role: 'hospital', unit: 'H1' },
    occurredAt: T0,
    recordedAt: T0,
    schemaVersion: 1,
    prevHash: null,
    hash: 'h',
  },
});

/** An evaluation is on its institution's list at every stage until its grade is final. */
describe.each(TEST_SQL_DIALECTS)('ethics open steps on $name', (dialect) => {
  let test: TestSqlDatabase;
  beforeEach(async () => {
    test = await dialect.open([PROCESSING_MIGRATIONS, ETHICS_MIGRATIONS]);
  });
  afterEach(() => test.dispose());

  it('lists an open evaluation with its stage for its own institution only, and drops it once finalised', async () => {
    const projection = ethicsProjection(test.database);
    const steps = async (institutions: string[]) =>
      (await ethicsOpenSteps(test.database.db.withTables<EthicsTables>(), institutions)).map((s) => [s.caseId, s.stage, s.link]);
    const link = '/hospital/ethics/H1/2025/S1';
    await projection.handle(
      ev(1, 'EthicsEvaluationOpened', {
        institutionId: 'H1',
        year: 2025,
        staffId: 'S1',
        departmentId: null,
        openedBy: 'u',
        policyVersion: 'p',
      }),
    );
    expect(await steps(['H1'])).toEqual([[EVAL, 'opened', link]]);
    expect(await steps(['H2'])).toEqual([]);
    expect(await steps([])).toEqual([]);
    await projection.handle(ev(2, 'SelfEvaluationSubmitted', { summary: 'diligent', selfScore: 95 }));
    expect(await steps(['H1'])).toEqual([[EVAL, 'selfSubmitted', link]]);
    await projection.handle(
      ev(3, 'EthicsEvaluationFinalised', { grade: 'good', downgradedByCap: false, passesPeriodicAssessment: true, finalScore: 88 }),
    );
    expect(await steps(['H1'])).toEqual([]);
  });

  it("names the evaluation by its year and the staff member's name in the archive, else the staff id", async () => {
    const projection = ethicsProjection(test.database);
    const summaries = async () => (await ethicsOpenSteps(test.database.db.withTables<EthicsTables>(), ['H1'])).map((s) => s.summary);
    const opened = { institutionId: 'H1', year: 2025, staffId: 'S1', departmentId: null, openedBy: 'u', policyVersion: 'p' };
    await projection.handle(ev(1, 'EthicsEvaluationOpened', opened));
    expect(await summaries()).toEqual(['2025年度 · S1']);
    const archive = { staffId: 'S1', institutionId: 'H1', departmentId: null, name: '王医生', implicit: false, openedBy: 'u' };
    await projection.handle({ ...ev(2, 'EthicsArchiveOpened', {}), streamName: 'ethicsArchive-S1', data: archive });
    expect(await summaries()).toEqual(['2025年度 · 王医生']);
  });
});
