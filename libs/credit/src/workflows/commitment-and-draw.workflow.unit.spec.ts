import { WorkflowSpecification } from '@bihuan/testing';
import { delivered, drawMade, drawPublished, inspector, system } from '../testing/credit-test-fixtures';
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
  const visits = [
    { institutionId: 'H2', creditLevel: 'D' as const, rank: 1, inspectorIds: ['I2'] },
    { institutionId: 'H3', creditLevel: 'C' as const, rank: 2, inspectorIds: ['I1'] },
  ];
  const made = drawMade(visits, 'ev-made');
  const committed = (actor = inspector) =>
    delivered('randomDraw-D1', 'DrawCommitted', { drawId: 'D1', jurisdiction: 'city' }, 'ev-commit', actor);

  it('asks the draw to be made from its commitment, once, as the committing inspector (a leader’s: the system)', () => {
    spec
      .given([])
      .when(committed())
      .then([
        {
          kind: 'send',
          stream: 'randomDraw-D1',
          command: {
            type: 'MakeRandomDraw',
            data: { drawId: 'D1' },
            metadata: expect.objectContaining({ causationId: 'ev-commit', actor: inspector }),
          },
        },
      ]);
    spec.given([committed()]).when(committed()).thenNothing();
    const byLeader = spec
      .given([])
      .when(committed({ id: 'leader-1', role: 'leader', unit: 'city' }))
      .outputs();
    expect(byLeader).toMatchObject([{ kind: 'send', command: { metadata: { actor: system } } }]);
  });

  it('plans one random visit per drawn pair with deterministic ids, as the inspector who made it, then completes', () => {
    spec
      .given([committed()])
      .when(made)
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
            metadata: { causationId: 'ev-made', actor: inspector },
          },
        },
        { kind: 'send', command: { data: { institutionId: 'H3', inspectorIds: ['I1'] } } },
        { kind: 'complete' },
      ]);
    expect(spec.given([]).when(made).outputs()).toEqual(spec.given([]).when(made).outputs());
    spec.given([made]).when(made).thenNothing();
  });

  it('still plans the visits of a draw published before commitments', () => {
    const published = drawPublished(visits, 'ev-pub');
    expect(
      spec
        .given([])
        .when(published)
        .outputs()
        .map((o) => o.kind),
    ).toEqual(['send', 'send', 'complete']);
    spec.given([published]).when(made).thenNothing();
  });
});
