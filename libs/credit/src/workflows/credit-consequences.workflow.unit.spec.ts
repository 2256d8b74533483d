import { WorkflowSpecification } from '@bihuan/testing';
import { delivered } from '../domain/credit-test-fixtures';
import { creditPointsIdFor } from '../domain/archive/credit-cycle.decide';
import { creditConsequencesWorkflow } from './credit-consequences.workflow';

const spec = WorkflowSpecification(creditConsequencesWorkflow());
const decided = (over: object = {}, eventId = 'ev-c1') =>
  delivered('complaintTicket-T1', 'ComplaintDecided', { ticketId: 'T1', round: 1, institutionId: 'H1', category: 'red-envelopes-kickbacks', decision: 'substantiated', findings: 'took a red envelope', decidedAt: '2025-03-01', ...over }, eventId);
const findingOpened = (over: object = {}) =>
  delivered('finding-F1', 'FindingOpened', { findingId: 'F1', institutionId: 'H1', category: 'insurance-fraud', severity: 'severe', description: 'billing for tests not done', ...over }, 'ev-f1');
const escalated = (rung: string, round = 1, eventId = 'ev-esc') => delivered('finding-F1', 'FindingEscalated', { findingId: 'F1', institutionId: 'H1', round, rung }, eventId);

describe('creditConsequences workflow', () => {
  it('adds points for a substantiated complaint of a listed behaviour, naming the decision', () => {
    expect(spec.given([]).when(decided()).instance()).toBe('complaint.T1');
    spec.given([]).when(decided()).thenMatches([{
      kind: 'send',
      stream: 'creditArchive-H1',
      command: {
        type: 'AddCreditPoints',
        data: { institutionId: 'H1', behaviour: 'red-envelopes-kickbacks', pointsId: creditPointsIdFor({ kind: 'complaint', ticketId: 'T1' }, 'red-envelopes-kickbacks'), causedBy: { stream: 'complaintTicket-T1', eventId: 'ev-c1' } },
        metadata: { causationId: 'ev-c1', actor: { role: 'system' } },
      },
    }]);
    spec.given([]).when(decided({ decision: 'partly-substantiated' })).thenNothing();
    spec.given([]).when(decided({ category: 'waiting' })).thenNothing();
    spec.given([decided()]).when(decided({ round: 2 }, 'ev-c2')).thenNothing(); // once per ticket
  });

  it('adds points for a finding in a listed adverse category and counted severity', () => {
    spec.given([]).when(findingOpened()).thenMatches([{ stream: 'creditArchive-H1', command: { data: { behaviour: 'insurance-fraud', causedBy: { stream: 'finding-F1', eventId: 'ev-f1' } } } }]);
    spec.given([]).when(findingOpened({ category: 'environment-signage' })).thenNothing();
    spec.given([]).when(findingOpened({ severity: 'minor' })).thenNothing();
  });

  it('adds points when a finding reaches listed supervision (挂牌督办), once per rectification round', () => {
    spec.given([]).when(escalated('summons')).thenNothing();
    const first = spec.given([]).when(escalated('listed-supervision')).outputs();
    expect(first).toMatchObject([{ command: { data: { behaviour: 'listed-supervision', causedBy: { eventId: 'ev-esc' } } } }]);
    spec.given([escalated('listed-supervision')]).when(escalated('listed-supervision', 1, 'ev-dup')).thenNothing();
    spec.given([escalated('listed-supervision')]).when(escalated('listed-supervision', 2, 'ev-r2')).thenMatches([{ kind: 'send' }]);
  });

  it('revokes every entry a withdrawn finding added', () => {
    const withdrawn = delivered('finding-F1', 'FindingWithdrawn', { findingId: 'F1', institutionId: 'H1', reason: 'recorded in error' }, 'ev-w');
    const outputs = spec.given([findingOpened(), escalated('listed-supervision')]).when(withdrawn).outputs();
    expect(outputs).toHaveLength(2);
    expect(outputs.every((o) => o.kind === 'send' && o.command.type === 'RevokeCreditPoints')).toBe(true);
    spec.given([]).when(withdrawn).thenNothing();
  });

  it('gives the same outputs for a redelivered input (deterministic ids)', () => {
    expect(spec.given([]).when(findingOpened()).outputs()).toEqual(spec.given([]).when(findingOpened()).outputs());
  });
});
