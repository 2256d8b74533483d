import { Actor, DomainError } from '@bihuan/core';
import { EventStore } from '@bihuan/event-store';
import { applyPolicyOverrides, validatePolicyOverrides } from './policy-overrides';

/** Every policy object carries the version that is recorded on the events it shaped. */
export type Versioned<T> = T & { readonly policyVersion: string };

export interface PolicyChange {
  readonly revision: number;
  readonly overrides: Readonly<Record<string, unknown>>;
  readonly reason: string;
  readonly changedBy: Actor;
  readonly changedAt: string;
}

/**
 * Policy settings (time limits, points, thresholds …) per bounded context, changeable without code
 * (domain.md: every number is a default). Overrides are events in `policy-<context>`; the policy
 * in force is the code's defaults with the overrides applied, versioned `<default>+r<revision>`.
 */
export class PolicyRegistry {
  constructor(
    private readonly store: EventStore,
    private readonly now: () => string,
  ) {}

  async current<T extends { readonly policyVersion: string }>(context: string, defaults: T): Promise<T> {
    const changes = await this.history(context);
    const last = changes[changes.length - 1];
    if (!last) return defaults;
    return { ...applyPolicyOverrides(defaults, last.overrides), policyVersion: `${defaults.policyVersion}+r${last.revision}` };
  }

  async history(context: string): Promise<PolicyChange[]> {
    const events = await this.store.readStream(policyStream(context));
    return events.map((e) => ({ revision: e.revision, ...(e.data as Omit<PolicyChange, 'revision'>) }));
  }

  /** Replaces the overrides of a context; refuses keys or value types the defaults do not have. */
  async set<T extends { readonly policyVersion: string }>(
    context: string,
    defaults: T,
    overrides: Record<string, unknown>,
    by: Actor,
    reason: string,
    eventId: string,
  ): Promise<T> {
    if (!reason.trim()) throw DomainError.invalid('POLICY.REASON_REQUIRED', 'reason', 'reason must not be empty');
    validatePolicyOverrides(defaults, overrides);
    const changedAt = this.now();
    await this.store.append(
      policyStream(context),
      [
        {
          type: 'PolicyChanged',
          data: { context, overrides, reason, changedBy: by, changedAt },
          metadata: { eventId, correlationId: eventId, causationId: null, actor: by, occurredAt: changedAt, schemaVersion: 1 },
        },
      ],
      'any',
    );
    return this.current(context, defaults);
  }
}

export function policyStream(context: string): string {
  if (!/^[a-z][a-zA-Z0-9]*$/.test(context)) throw new Error(`Invalid policy context "${context}"`);
  return `policy-${context}`;
}
