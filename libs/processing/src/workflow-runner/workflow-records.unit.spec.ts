import { derivedId, SYSTEM_ACTOR, TimerRequest, WorkflowOutput } from '@bihuan/core';
import { RecordedEvent } from '@bihuan/event-store';
import { finaliseOutput, RecordContext } from './workflow-records';

const input = {
  streamName: 'case-1',
  revision: 3,
  position: 9,
  type: 'DeadlineExpired',
  data: {},
  metadata: {
    eventId: 'in-1',
    correlationId: 'corr-in',
    causationId: null,
    actor: SYSTEM_ACTOR,
    occurredAt: 'o',
    recordedAt: 'r',
    schemaVersion: 1,
    prevHash: null,
    hash: 'h',
  },
} as RecordedEvent;
const ctx: RecordContext = { workflow: 'escalation', instance: 'case-1', input, now: '2025-03-10T01:00:00.000Z' };
const send = (metadata: { commandId: string; correlationId: string; causationId: string | null; now: string }): WorkflowOutput => ({
  kind: 'send',
  stream: 'audit-1',
  command: { type: 'Note', data: {}, metadata: { ...metadata, actor: SYSTEM_ACTOR } },
});

describe('finaliseOutput', () => {
  it('given a send whose metadata the workflow left empty, then the runner fills it deterministically from the input', () => {
    const out = finaliseOutput(ctx, send({ commandId: '', correlationId: '', causationId: null, now: '' }), 2);
    expect(out).toMatchObject({
      command: {
        metadata: { commandId: derivedId('in-1', 'escalation', 'case-1', 2), correlationId: 'corr-in', causationId: 'in-1', now: ctx.now },
      },
    });
  });

  it('given a send with its own deterministic id (one per case and target), then the workflow’s choice is kept', () => {
    const own = { commandId: 'own-id', correlationId: 'c', causationId: 'x', now: '2025-01-01T00:00:00.000Z' };
    expect(finaliseOutput(ctx, send(own), 0)).toMatchObject({ command: { metadata: own } });
  });

  it('given a schedule output without a target stream, then it is refused before anything is recorded', () => {
    const timer = {
      id: 't.1',
      dueAt: ctx.now,
      command: { type: 'X', data: {}, metadata: { commandId: '', correlationId: '', causationId: null, actor: SYSTEM_ACTOR, now: '' } },
    };
    // A record read back from an older log may lack the field the type now requires.
    expect(() => finaliseOutput(ctx, { kind: 'schedule', timer: timer as unknown as TimerRequest }, 0)).toThrow(/no target stream/);
  });
});
