import { Actor, Command, Decider, DomainError, DomainEvent } from '@bihuan/core';
import { validatePolicyOverrides } from './policy-overrides';

/** Replace a context's overrides (`{}` restores the defaults); the reason goes on the record. */
export type ChangePolicy = Command<'ChangePolicy', { context: string; overrides: Record<string, unknown>; reason: string }>;

/** The one event of a `policy-<context>` stream: who replaced the overrides, when and why. */
export type PolicyChanged = DomainEvent<
  'PolicyChanged',
  { context: string; overrides: Record<string, unknown>; reason: string; changedBy: Actor; changedAt: string }
>;

/** The overrides in force (the last change's), `{}` before any change. */
export interface PolicyState {
  readonly overrides: Readonly<Record<string, unknown>>;
}

/**
 * The decider of one context's policy stream. Overrides are checked against that context's
 * defaults (which live in code, so they come in here rather than from the stream); every valid
 * change is recorded, also one that repeats the overrides in force, because its reason is news.
 */
export function policyDecider(defaults: object): Decider<ChangePolicy, PolicyChanged, PolicyState> {
  return {
    initialState: { overrides: {} },
    // One command and one event type: nothing to switch on.
    evolve(_state, event) {
      return { overrides: event.data.overrides };
    },
    decide(command) {
      const { context, overrides, reason } = command.data;
      if (!reason.trim()) throw DomainError.invalid('POLICY.REASON_REQUIRED', 'reason', 'reason must not be empty');
      validatePolicyOverrides(defaults, overrides);
      const { actor: changedBy, now: changedAt } = command.metadata;
      return [{ type: 'PolicyChanged', data: { context, overrides, reason, changedBy, changedAt } }];
    },
  };
}
