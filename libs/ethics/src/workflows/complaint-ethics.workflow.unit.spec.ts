import { WorkflowSpecification } from '@bihuan/testing';
import { delivered } from '../domain/ethics-test-fixtures';
import { ethicsRecordIdFor } from '../domain/archive/ethics-archive.decider';
import { complaintEthicsWorkflow } from './complaint-ethics.workflow';
import { ComplaintDecidedData } from './ethics-input-events';

const spec = WorkflowSpecification(complaintEthicsWorkflow());
const decided = (over: Partial<ComplaintDecidedData> = {}, eventId = 'ev-decided-1') =>
  delivered('complaintTicket-T1', 'ComplaintDecided', {
    ticketId: 'T1', round: 1, institutionId: 'H1', category: 'service-attitude', decision: 'substantiated', findings: 'shouted at the patient', implicatedStaffId: 'S1', decidedAt: '2025-04-01T02:00:00.000Z', ...over,
  } as ComplaintDecidedData, eventId);

describe('complaintEthics workflow', () => {
  it('sends AddEthicsRecord to the named staff member\'s archive, naming the decision as its cause', () => {
    const input = decided();
    expect(spec.given([]).when(input).instance()).toBe('T1');
    spec.given([]).when(input).thenMatches([{
      kind: 'send',
      stream: 'ethicsArchive-S1',
      command: {
        type: 'AddEthicsRecord',
        data: {
          recordId: ethicsRecordIdFor('complaint', 'T1', 'S1'), staffId: 'S1', institutionId: 'H1', recordKind: 'complaint-substantiated',
          source: { kind: 'complaint', ticketId: 'T1', eventId: 'ev-decided-1' }, causedBy: { stream: 'complaintTicket-T1', eventId: 'ev-decided-1' },
        },
        metadata: { causationId: 'ev-decided-1', actor: { role: 'system' } },
      },
    }]);
  });

  it('records a partly substantiated decision with its own kind, and ignores unsubstantiated or unnamed ones', () => {
    spec.given([]).when(decided({ decision: 'partly-substantiated' })).thenMatches([{ command: { data: { recordKind: 'complaint-partly-substantiated' } } }]);
    spec.given([]).when(decided({ decision: 'not-substantiated' })).thenNothing();
    spec.given([]).when(decided({ implicatedStaffId: null })).thenNothing();
  });

  it('sends once per staff member per ticket (redelivery and a 重办 re-decision are no-ops), with a stable command id', () => {
    const first = decided();
    spec.given([first]).when(decided({ round: 2 }, 'ev-decided-2')).thenNothing();
    const a = spec.given([]).when(first).outputs();
    const b = spec.given([]).when(decided()).outputs();
    expect(a).toEqual(b);
  });
});
