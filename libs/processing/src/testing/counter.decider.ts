import { Actor, Command, CommandMetadata, Decider, DomainError, DomainEvent } from '@bihuan/core';

/** A tiny decider for handleCommand tests: increments a counter, refuses to go over a limit. */
export type CounterCommand = Command<'Increment', { by: number }> | Command<'Noop', object>;
export type CounterEvent = DomainEvent<'Incremented', { by: number }>;
export interface CounterState {
  readonly count: number;
}

export const counterDecider = (limit = Infinity): Decider<CounterCommand, CounterEvent, CounterState> => ({
  initialState: { count: 0 },
  evolve: (state, event) => ({ count: state.count + event.data.by }),
  decide: (command, state) => {
    if (command.type === 'Noop') return [];
    if (state.count + command.data.by > limit) throw new DomainError('COUNTER.LIMIT', 'over the limit');
    return [{ type: 'Incremented', data: { by: command.data.by } }];
  },
});

export const TEST_ACTOR: Actor = { id: 'u1', role: 'inspector', unit: 'u-1' };

export function commandMeta(commandId: string, now = '2025-03-03T01:00:00.000Z'): CommandMetadata {
  return { commandId, correlationId: `corr-${commandId}`, causationId: null, actor: TEST_ACTOR, now };
}

export function increment(commandId: string, by = 1): CounterCommand {
  return { type: 'Increment', data: { by }, metadata: commandMeta(commandId) };
}
