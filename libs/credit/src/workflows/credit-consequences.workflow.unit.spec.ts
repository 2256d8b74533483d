import { WorkflowSpecification } from '@bihuan/testing';
import { creditPointsIdFor } from '../domain/archive/credit-cycle.decide';
import { delivered } from '../testing/credit-test-fixtures';
import { creditConsequencesWorkflow } from './credit-consequences.workflow';

const spec = WorkflowSpecification(creditConsequencesWorkflow());
const findingOpened = (over: object = {}) =>
  delivered(
    'finding-F1',
    'FindingOpened',
    {
      findingId: 'F1',
      institutionId: 'H1',
      category: 'insurance-fraud',
      severity: 'severe',
      description: 'billing for tests not done',
      ...over,
    },
    'ev-f1',
  );
const escalated = (rung: string, round = 1, eventId = 'ev-esc') =>
  delivered('finding-F1', 'FindingEscalated', { findingId: 'F1', institutionId: 'H1', round, rung }, eventId);

describe('creditConsequences workflow', () => {
  it("consumes only the inspection inputs: a substantiated complaint's points are complaintConsequences' alone", () => {
    expect(creditConsequencesWorkflow().inputs).toEqual(['FindingOpened', 'FindingEscalated', 'FindingWithdrawn']);
    const decided = delivered(
      'complaintTicket-T1',
      'ComplaintDecided',
      { ticketId: 'T1', round: 1, institutionId: 'H1', category: 'red-envelopes-kickbacks', decision: 'substantiated' },
      'ev-c1',
    );
    expect(spec.given([]).when(decided).instance()).toBeNull();
  });

  it('adds points for a finding in a listed adverse category and counted severity', () => {
    expect(spec.given([]).when(findingOpened()).instance()).toBe('finding.F1');
    spec
      .given([])
      .when(findingOpened())
      .thenMatches([
        {
          stream: `creditPoints-H1.${creditPointsIdFor({ kind: 'finding', findingId: 'F1' }, 'insurance-fraud')}`,
          command: { data: { behaviour: 'insurance-fraud', causedBy: { stream: 'finding-F1', eventId: 'ev-f1' } } },
        },
      ]);
    spec
      .given([])
      .when(findingOpened({ category: 'environment-signage' }))
      .thenNothing();
    spec
      .given([])
      .when(findingOpened({ severity: 'minor' }))
      .thenNothing();
  });

  it('adds points when a finding reaches listed supervision (挂牌督办), once per rectification round', () => {
    spec.given([]).when(escalated('summons')).thenNothing();
    const first = spec.given([]).when(escalated('listed-supervision')).outputs();
    expect(first).toMatchObject([{ command: { data: { behaviour: 'listed-supervision', causedBy: { eventId: 'ev-esc' } } } }]);
    spec
      .given([escalated('listed-supervision')])
      .when(escalated('listed-supervision', 1, 'ev-dup'))
      .thenNothing();
    spec
      .given([escalated('listed-supervision')])
      .when(escalated('listed-supervision', 2, 'ev-r2'))
      .thenMatches([{ kind: 'send' }]);
  });

  it('revokes every entry a withdrawn finding added', () => {
    const withdrawn = delivered(
      'finding-F1',
      'FindingWithdrawn',
      { findingId: 'F1', institutionId: 'H1', reason: 'recorded in error' },
      'ev-w',
    );
    const outputs = spec
      .given([findingOpened(), escalated('listed-supervision')])
      .when(withdrawn)
      .outputs();
    expect(outputs).toHaveLength(2);
    expect(outputs.every((o) => o.kind === 'send' && o.command.type === 'RevokeCreditPoints')).toBe(true);
    // each revocation goes to the stream of the entry it revokes
    expect(outputs.map((o) => (o.kind === 'send' ? o.stream : null))).toEqual(
      outputs.map((o) => (o.kind === 'send' ? `creditPoints-H1.${(o.command.data as { pointsId: string }).pointsId}` : 'none')),
    );
    spec.given([]).when(withdrawn).thenNothing();
  });

  it('gives the same outputs for a redelivered input (deterministic ids)', () => {
    expect(spec.given([]).when(findingOpened()).outputs()).toEqual(spec.given([]).when(findingOpened()).outputs());
  });
});
