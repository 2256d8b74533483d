import { Actor } from '@bihuan/core';
import { EventStore } from '@bihuan/event-store';
import { handleCommand } from '@bihuan/processing';
import { applyPolicyOverrides } from './policy-overrides';
import { ChangePolicy, PolicyCheck, policyDecider } from './policy.decider';

/** Every policy object carries the version that is recorded on the events it shaped. */
export type Versioned<T> = T & { readonly policyVersion: string };

export interface PolicyChange {
  readonly revision: number;
  /** The context changed (as recorded on the PolicyChanged event). */
  readonly context: string;
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
  /**
   * The policy in force per context, with the log position of the override it was built from. Every
   * write asks for it; it is rebuilt only when the stream's last event is another one, which any
   * process's change makes it — the one-row read is the whole cross-process check (issue 14).
   */
  private readonly inForce = new Map<string, { readonly position: number; readonly defaults: object; readonly policy: object }>();

  constructor(
    private readonly store: EventStore,
    private readonly now: () => string,
  ) {}

  async current<T extends { readonly policyVersion: string }>(context: string, defaults: T): Promise<T> {
    const [last] = await this.store.readStream(policyStream(context), { direction: 'backwards', maxCount: 1 });
    if (!last) return defaults;
    const known = this.inForce.get(context);
    if (known && known.position === last.position && known.defaults === defaults) return known.policy as T;
    const { overrides } = last.data as Pick<PolicyChange, 'overrides'>;
    const policy: T = { ...applyPolicyOverrides(defaults, overrides), policyVersion: `${defaults.policyVersion}+r${last.revision}` };
    this.inForce.set(context, { position: last.position, defaults, policy });
    return policy;
  }

  async history(context: string): Promise<PolicyChange[]> {
    const events = await this.store.readStream(policyStream(context));
    return events.map((e) => ({ revision: e.revision, ...(e.data as Omit<PolicyChange, 'revision'>) }));
  }

  /**
   * Replaces the overrides of a context; the decider refuses keys or value types the defaults do
   * not have, and an empty reason, and `check` (the context's own rule) what it refuses. Decided and appended by handleCommand (exact expected revision,
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
    check?: PolicyCheck,
  ): Promise<T> {
    const command: ChangePolicy = {
      type: 'ChangePolicy',
      data: { context, overrides, reason },
      metadata: { commandId, correlationId: commandId, causationId: null, actor: by, now: this.now() },
    };
    await handleCommand(this.store, policyStream(context), policyDecider(defaults, check), command);
    return this.current(context, defaults);
  }
}

export function policyStream(context: string): string {
  if (!/^[a-z][a-zA-Z0-9]*$/.test(context)) throw new Error(`Invalid policy context "${context}"`);
  return `policy-${context}`;
}
