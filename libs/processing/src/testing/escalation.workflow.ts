import { Command, Decider, DomainEvent, Message, SYSTEM_ACTOR, Workflow } from '@bihuan/core';

/** A test saga: when a case deadline expires, note it in the case's audit stream. */
export const escalationWorkflow: Workflow<{ notes: number }> = {
  name: 'escalation',
  inputs: ['DeadlineExpired'],
  initialState: { notes: 0 },
  instanceId: (input) => (input as Message & { streamName: string }).streamName,
  decide: (input) => {
    const stream = (input as Message & { streamName: string }).streamName;
    const command: Command = {
      type: 'Note',
      data: { text: `deadline of ${stream} expired` },
      // Left empty: the runner derives the id, correlation, causation and `now` when recording.
      metadata: { commandId: '', correlationId: '', causationId: null, actor: SYSTEM_ACTOR, now: '' },
    };
    return [{ kind: 'send', stream: `audit-${stream}`, command }];
  },
  evolve: (state, event) => (event.type === 'OutputRecorded' ? { notes: state.notes + 1 } : state),
};

export const auditDecider: Decider<Command<'Note', { text: string }>, DomainEvent<'Noted', { text: string }>, null> = {
  initialState: null,
  evolve: () => null,
  decide: (command) => [{ type: 'Noted', data: { text: command.data.text } }],
};
