import { WorkflowSpecification } from '@bihuan/testing';
import { delivered, drawPublished, inspector } from '../testing/credit-test-fixtures';
import { breachRecordId, commitmentBreachWorkflow } from './commitment-breach.workflow';
import { drawnVisitId, randomDrawVisitsWorkflow } from './random-draw-visits.workflow';

const breach = (staffId: string | null) =>
  delivered(
    'creditArchive-H1',
    'CommitmentBreached',
    {
      institutionId: 'H1',
      commitmentId: 'C1',
      breachId: 'BR1',
      kind: staffId ? 'staff' : 'institution',
      staffId,
      description: 'accepted a red envelope',
      evidence: ['photo-1'],
      occurredAt: '2025-03-01',
      causedBy: null,
      reportedBy: 'insp-1',
    },
    'ev-breach',
  );

describe('commitmentBreach workflow', () => {
  const spec = WorkflowSpecification(commitmentBreachWorkflow);

  it('names the supplier of a breached 廉洁诚信协议 in the institution’s adverse record', () => {
    const supplier = { name: '某某医药有限公司', creditCode: '91330100799655058B' };
    const input = breach(null);
    const agreement = { ...input, data: { ...input.data, kind: 'supplier-integrity', supplier } };
    spec
      .given([])
      .when(agreement)
      .thenMatches([
        {
          kind: 'send',
          stream: 'creditArchive-H1',
          command: {
            type: 'RecordCreditInformation',
            data: {
              institutionId: 'H1',
              infoClass: 'adverse',
              kind: 'commitment-breach',
              title: '违背廉洁诚信协议：供应商 某某医药有限公司（统一社会信用代码 91330100799655058B）',
            },
          },
        },
        { kind: 'complete' },
      ]);
  });

  it('turns a breach into an adverse record naming the breach event, and an ethics record for a staff pledge', () => {
    spec
      .given([])
      .when(breach('S1'))
      .thenMatches([
        {
          kind: 'send',
          stream: 'creditArchive-H1',
          command: {
            type: 'RecordCreditInformation',
            data: {
              recordId: breachRecordId('BR1'),
              infoClass: 'adverse',
              kind: 'commitment-breach',
              causedBy: { stream: 'creditArchive-H1', eventId: 'ev-breach' },
            },
            metadata: { causationId: 'ev-breach' },
          },
        },
        {
          kind: 'send',
          stream: 'ethicsArchive-S1',
          command: {
            type: 'AddEthicsRecord',
            data: { staffId: 'S1', recordKind: 'commitment-breached', source: { kind: 'commitment', eventId: 'ev-breach' } },
          },
        },
        { kind: 'complete' },
      ]);
    expect(
      spec
        .given([])
        .when(breach(null))
        .outputs()
        .map((o) => o.kind),
    ).toEqual(['send', 'complete']);
    spec
      .given([breach('S1')])
      .when(breach('S1'))
      .thenNothing();
  });
});

describe('randomDrawVisits workflow', () => {
  const spec = WorkflowSpecification(randomDrawVisitsWorkflow);
  const published = drawPublished(
    [
      { institutionId: 'H2', creditLevel: 'D', rank: 1, inspectorIds: ['I2'] },
      { institutionId: 'H3', creditLevel: 'C', rank: 2, inspectorIds: ['I1'] },
    ],
    'ev-pub',
  );

  it('plans one random visit per drawn pair with deterministic ids, as the publishing inspector', () => {
    spec
      .given([])
      .when(published)
      .thenMatches([
        {
          kind: 'send',
          stream: `visit-${drawnVisitId('D1', 'H2')}`,
          command: {
            type: 'PlanVisit',
            data: {
              visitId: drawnVisitId('D1', 'H2'),
              kind: 'random',
              institutionId: 'H2',
              inspectorIds: ['I2'],
              plannedDate: '2025-06-15',
              campaignId: 'D1',
            },
            metadata: { causationId: 'ev-pub', actor: inspector },
          },
        },
        { kind: 'send', command: { data: { institutionId: 'H3', inspectorIds: ['I1'] } } },
        { kind: 'complete' },
      ]);
    expect(spec.given([]).when(published).outputs()).toEqual(spec.given([]).when(published).outputs());
    spec.given([published]).when(published).thenNothing();
  });
});
