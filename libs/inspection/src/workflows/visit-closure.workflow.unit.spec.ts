import { Message, SYSTEM_ACTOR, WorkflowOutput } from '@bihuan/core';
import { VisitClosureState, visitClosureWorkflow as workflow } from './visit-closure.workflow';

let n = 0;
function message(type: string, data: object): Message {
  n += 1;
  return {
    type,
    data,
    metadata: {
      eventId: `evt-${n}`,
      correlationId: 'corr-1',
      causationId: null,
      actor: SYSTEM_ACTOR,
      occurredAt: `2025-03-${String(10 + n).padStart(2, '0')}T02:00:00.000Z`,
      recordedAt: '2025-03-31T00:00:00.000Z',
      schemaVersion: 1,
      prevHash: null,
      hash: `h-${n}`,
    },
  };
}

const registered = (ids: string[]) => message('VisitFindingsRegistered', { visitId: 'v-1', findingIds: ids, allFindingIds: ids });
const signedOff = (id: string) => message('FindingSignedOff', { findingId: id, visitId: 'v-1', institutionId: 'inst-1' });
const withdrawn = (id: string) => message('FindingWithdrawn', { findingId: id, visitId: 'v-1', institutionId: 'inst-1' });
const reopened = (id: string) => message('FindingReopened', { findingId: id, visitId: 'v-1', institutionId: 'inst-1', notes: '反弹' });
const closed = message('VisitClosed', { visitId: 'v-1', findingIds: ['f-1', 'f-2'], closedAt: 'x' });
const visitReopened = message('VisitReopened', { visitId: 'v-1', findingId: 'f-1', reason: '反弹' });

/** Feeds inputs in order (as the runner would: decide, then fold the input); returns the last outputs. */
function run(inputs: Message[]): { state: VisitClosureState; outputs: readonly WorkflowOutput[] } {
  let state = workflow.initialState;
  let outputs: readonly WorkflowOutput[] = [];
  for (const input of inputs) {
    outputs = workflow.decide(input, state);
    state = workflow.evolve(state, input);
  }
  return { state, outputs };
}

const sends = (outputs: readonly WorkflowOutput[]) => outputs.filter((o) => o.kind === 'send');

describe('visit-closure workflow', () => {
  it('routes inputs by visitId and has a dash-free name', () => {
    expect(workflow.instanceId(signedOff('f-1'))).toBe('v-1');
    expect(workflow.instanceId(message('FindingSignedOff', { findingId: 'f-1' }))).toBeNull();
    expect(workflow.name).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
  });

  it('closes the visit when the last finding is settled', () => {
    expect(sends(run([registered(['f-1', 'f-2']), signedOff('f-1')]).outputs)).toEqual([]);
    const last = signedOff('f-2');
    const { outputs } = run([registered(['f-1', 'f-2']), withdrawn('f-1'), last]);
    expect(outputs).toEqual([
      {
        kind: 'send',
        stream: 'visit-v-1',
        command: {
          type: 'CloseVisit',
          data: { visitId: 'v-1', settledFindingIds: ['f-1', 'f-2'] },
          metadata: expect.objectContaining({
            causationId: last.metadata.eventId,
            correlationId: 'corr-1',
            actor: SYSTEM_ACTOR,
            now: last.metadata.occurredAt,
          }),
        },
      },
    ]);
  });

  it('derives the command id from the input, so a redelivery sends the same command', () => {
    const state = run([registered(['f-1'])]).state;
    const input = signedOff('f-1');
    const first = sends(workflow.decide(input, state));
    const again = sends(workflow.decide(input, state));
    expect(first).toHaveLength(1);
    expect(again).toEqual(first);
  });

  it('waits for the registration even when findings are signed off first', () => {
    expect(sends(run([signedOff('f-1')]).outputs)).toEqual([]);
    expect(sends(run([signedOff('f-1'), registered(['f-1'])]).outputs)).toHaveLength(1);
  });

  it('closes a clean visit (no findings) at once', () => {
    expect(sends(run([registered([])]).outputs)).toMatchObject([{ command: { type: 'CloseVisit', data: { settledFindingIds: [] } } }]);
  });

  it('reopens a closed visit when a re-check reopens a finding, and closes it again later', () => {
    const { outputs } = run([registered(['f-1', 'f-2']), signedOff('f-1'), signedOff('f-2'), closed, reopened('f-1')]);
    expect(sends(outputs)).toMatchObject([
      { stream: 'visit-v-1', command: { type: 'ReopenVisit', data: { visitId: 'v-1', findingId: 'f-1', reason: '反弹' } } },
    ]);
    const later = run([
      registered(['f-1', 'f-2']),
      signedOff('f-1'),
      signedOff('f-2'),
      closed,
      reopened('f-1'),
      visitReopened,
      signedOff('f-1'),
    ]);
    expect(sends(later.outputs)).toMatchObject([{ command: { type: 'CloseVisit' } }]);
  });

  it('ignores a reopened finding while the visit is still open, and its own recorded visit events', () => {
    expect(run([registered(['f-1', 'f-2']), signedOff('f-1'), reopened('f-1')]).outputs).toMatchObject([{ kind: 'ignore' }]);
    expect(run([registered(['f-1']), closed]).outputs).toMatchObject([{ kind: 'ignore' }]);
    expect(sends(run([registered(['f-1']), signedOff('f-1'), closed, signedOff('f-1')]).outputs)).toEqual([]);
  });
});
