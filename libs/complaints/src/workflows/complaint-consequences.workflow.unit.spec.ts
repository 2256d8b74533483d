import { EventMetadata, Message, SYSTEM_ACTOR, WorkflowOutput } from '@bihuan/core';
import { ComplaintDecided } from '../domain/complaint-ticket.events';
import { DEFAULT_COMPLAINT_CONSEQUENCES_POLICY } from './complaint-consequences.policy';
import { ComplaintConsequencesState, complaintConsequencesWorkflow } from './complaint-consequences.workflow';

const workflow = complaintConsequencesWorkflow();

function message<T extends string, D extends object>(type: T, data: D, eventId = 'ev-1'): Message<T, D> {
  const metadata: EventMetadata = {
    eventId,
    correlationId: 'corr-1',
    causationId: 'cmd-1',
    actor: { id: 'u-ha', role: 'hospital', unit: 'hosp-a' },
    occurredAt: '2025-03-06T02:00:00.000Z',
    recordedAt: '2025-03-06T02:00:00.010Z',
    schemaVersion: 1,
    prevHash: null,
    hash: 'h',
  };
  return { type, data, metadata };
}

const decided = (over: Partial<ComplaintDecided['data']> = {}, eventId = 'ev-1') =>
  message(
    'ComplaintDecided',
    {
      ticketId: 'tk-1',
      round: 1,
      institutionId: 'hosp-a',
      category: 'red-envelopes-kickbacks',
      decision: 'substantiated',
      findings: 'Took 2000 yuan before surgery',
      implicatedStaffId: 'staff-9',
      decidedAt: '2025-03-06T02:00:00.000Z',
      ...over,
    } as ComplaintDecided['data'],
    eventId,
  );

/** given inputs → when input → then outputs, with the state folded from the given inputs. */
function run(given: Message[], when: Message): readonly WorkflowOutput[] {
  const state = given.reduce<ComplaintConsequencesState>((s, m) => workflow.evolve(s, m), workflow.initialState);
  return workflow.decide(when, state);
}

describe('complaint-consequences workflow', () => {
  it('sends an ethics record and credit points for a substantiated red-envelope complaint naming staff', () => {
    const outputs = run([], decided());
    expect(outputs).toHaveLength(2);
    expect(outputs[0]).toMatchObject({
      kind: 'send',
      stream: 'ethicsArchive-staff-9',
      command: {
        type: 'AddEthicsRecord',
        data: {
          staffId: 'staff-9',
          institutionId: 'hosp-a',
          recordKind: 'complaint-substantiated',
          decision: 'substantiated',
          category: 'red-envelopes-kickbacks',
          source: { kind: 'complaint', ticketId: 'tk-1', round: 1, eventId: 'ev-1' },
        },
        metadata: { correlationId: 'corr-1', causationId: 'ev-1', actor: SYSTEM_ACTOR, now: '2025-03-06T02:00:00.000Z' },
      },
    });
    expect(outputs[1]).toMatchObject({
      kind: 'send',
      stream: 'creditArchive-hosp-a',
      command: {
        type: 'AddCreditPoints',
        data: {
          institutionId: 'hosp-a',
          behaviour: 'red-envelopes-kickbacks',
          policyVersion: DEFAULT_COMPLAINT_CONSEQUENCES_POLICY.policyVersion,
        },
        metadata: { causationId: 'ev-1' },
      },
    });
  });

  it('gives deterministic command ids, so a redelivered decision yields the same commands', () => {
    const ids = (o: readonly WorkflowOutput[]) => o.map((x) => (x.kind === 'send' ? x.command.metadata.commandId : x.kind));
    expect(ids(run([], decided()))).toEqual(ids(run([], decided())));
  });

  it('a partly substantiated decision adds an ethics record but no credit points', () => {
    const outputs = run([], decided({ decision: 'partly-substantiated' }));
    expect(outputs).toHaveLength(1);
    expect(outputs[0]).toMatchObject({ command: { type: 'AddEthicsRecord', data: { recordKind: 'complaint-partly-substantiated' } } });
  });

  it('a substantiated complaint without staff, in an unlisted category, has no consequence', () => {
    expect(run([], decided({ implicatedStaffId: null, category: 'environment' }))).toEqual([
      { kind: 'ignore', reason: 'no consequence for this decision' },
    ]);
    expect(run([], decided({ decision: 'not-substantiated', implicatedStaffId: null }))).toMatchObject([{ kind: 'ignore' }]);
  });

  it('a later round (重办) does not send the same consequence twice', () => {
    expect(run([decided()], decided({ round: 2 }, 'ev-2'))).toMatchObject([{ kind: 'ignore' }]);
    const other = run([decided()], decided({ round: 2, implicatedStaffId: 'staff-10' }, 'ev-2'));
    expect(other).toEqual([expect.objectContaining({ kind: 'send', stream: 'ethicsArchive-staff-10' })]);
  });

  it('completes when the ticket is closed or declined, and ignores inputs afterwards', () => {
    const closed = message('ComplaintClosed', { ticketId: 'tk-1' }, 'ev-9');
    expect(run([], closed)).toEqual([{ kind: 'complete' }]);
    expect(run([closed], decided())).toEqual([{ kind: 'ignore', reason: 'workflow completed' }]);
  });

  it('routes by ticket id and listens to decisions and endings only', () => {
    expect(workflow.instanceId(decided())).toBe('tk-1');
    expect(workflow.instanceId(message('Other', {}))).toBeNull();
    expect(workflow.inputs).toEqual(['ComplaintDecided', 'ComplaintClosed', 'ComplaintDeclined']);
  });

  it('takes the listed categories from its policy, and leaves the number of points to the credit policy', () => {
    const strict = complaintConsequencesWorkflow({
      ...DEFAULT_COMPLAINT_CONSEQUENCES_POLICY,
      policyVersion: 'p2',
      creditPointsCategories: ['environment'],
    });
    const outputs = strict.decide(decided({ implicatedStaffId: null, category: 'environment' }), strict.initialState);
    expect(outputs).toMatchObject([{ command: { type: 'AddCreditPoints', data: { behaviour: 'environment', policyVersion: 'p2' } } }]);
    expect(outputs[0]).not.toHaveProperty('command.data.points');
  });
});
