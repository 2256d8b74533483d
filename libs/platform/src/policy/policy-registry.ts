import { Actor } from '@bihuan/core';
import { EventStore } from '@bihuan/event-store';
import { handleCommand } from '@bihuan/processing';
import { applyPolicyOverrides } from './policy-overrides';
import { ChangePolicy, policyDecider } from './policy.decider';

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

  /**
   * Replaces the overrides of a context; the decider refuses keys or value types the defaults do
   * not have, and an empty reason. Decided and appended by handleCommand (exact expected revision,
   * retried on a concurrent change), the loop CommandExecution runs; not through CommandExecution
   * itself, which reads this registry for every write's policy and so cannot be built before it.
   */
  async set<T extends { readonly policyVersion: string }>(
    context: string,
    defaults: T,
    overrides: Record<string, unknown>,
    by: Actor,
    reason: string,
    commandId: string,
  ): Promise<T> {
    const command: ChangePolicy = {
      type: 'ChangePolicy',
      data: { context, overrides, reason },
      metadata: { commandId, correlationId: commandId, causationId: null, actor: by, now: this.now() },
    };
    await handleCommand(this.store, policyStream(context), policyDecider(defaults), command);
    return this.current(context, defaults);
  }
}

export function policyStream(context: string): string {
  if (!/^[a-z][a-zA-Z0-9]*$/.test(context)) throw new Error(`Invalid policy context "${context}"`);
  return `policy-${context}`;
}
