import { Actor, Command, Decider, DomainError, DomainEvent } from '@bihuan/core';
import { applyPolicyOverrides, validatePolicyOverrides } from './policy-overrides';

/** Replace a context's overrides (`{}` restores the defaults); the reason goes on the record. */
export type ChangePolicy = Command<'ChangePolicy', { context: string; overrides: Record<string, unknown>; reason: string }>;

/** The one event of a `policy-<context>` stream: who replaced the overrides, when and why. */
export type PolicyChanged = DomainEvent<
  'PolicyChanged',
  { context: string; overrides: Record<string, unknown>; reason: string; changedBy: Actor; changedAt: string }
>;

/**
 * A context's own rule on the policy the overrides make, for what the generic check (same keys,
 * same JSON types) cannot see (e.g. the uploads policy's kinds); throws DomainError.invalid naming the setting.
 */
export type PolicyCheck = (policy: object) => void;

/** The overrides in force (the last change's), `{}` before any change. */
export interface PolicyState {
  readonly overrides: Readonly<Record<string, unknown>>;
}

/**
 * The decider of one context's policy stream. Overrides are checked against that context's
 * defaults (which live in code, so they come in here rather than from the stream); every valid
 * change is recorded, also one that repeats the overrides in force, because its reason is news.
 */
export function policyDecider(defaults: object, check?: PolicyCheck): Decider<ChangePolicy, PolicyChanged, PolicyState> {
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
      check?.(applyPolicyOverrides(defaults, overrides));
      const { actor: changedBy, now: changedAt } = command.metadata;
      return [{ type: 'PolicyChanged', data: { context, overrides, reason, changedBy, changedAt } }];
    },
  };
}
