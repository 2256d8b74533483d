import { Inject, Injectable } from '@nestjs/common';
import { Actor, ID_GENERATOR, IdGenerator, SYSTEM_ACTOR } from '@bihuan/core';
import { CaseWrite, CommandBody, CommandExecution, CommandOutcome } from '@bihuan/platform';
import { AccountCommand } from '../domain/account.commands';
import { accountDecider } from '../domain/account.decider';
import { ACCOUNT_CATEGORY, AccountEvent } from '../domain/account.events';
import { AccountState } from '../domain/account.state';
import { DEFAULT_IDENTITY_POLICY, IDENTITY_POLICY_CONTEXT, IdentityPolicy } from '../domain/identity-policy';

/** The identity policy as every write and read of it names it (PolicyRegistry context `identity`). */
export const IDENTITY_POLICY = { context: IDENTITY_POLICY_CONTEXT, defaults: DEFAULT_IDENTITY_POLICY } as const;

/** One write to `account-<userId>` through the one write seam (ADR 0005), built on the policy in force. */
export function accountWrite(
  userId: string,
  build: (state: AccountState, policy: IdentityPolicy) => CommandBody<AccountCommand>,
): CaseWrite<AccountCommand, AccountEvent, AccountState, IdentityPolicy> {
  return {
    category: ACCOUNT_CATEGORY,
    id: userId,
    decider: accountDecider,
    policy: IDENTITY_POLICY,
    build: (state, context) => build(state, context.policy),
  };
}

export function accountState(execution: CommandExecution, userId: string): Promise<AccountState> {
  return execution.state(accountDecider, ACCOUNT_CATEGORY, userId);
}

/** Sign-in and first start act for the person or the system, not for a signed-in caller. */
export function actorOf(user: { id: string; role: Actor['role']; unit: string } | null): Actor {
  return user ? { id: user.id, role: user.role, unit: user.unit } : SYSTEM_ACTOR;
}

/**
 * Appends account writes without waiting for read models (no read model is built from accounts:
 * sign-in reads the stream itself), so a sign-in costs its hash and one append — and a write made
 * while the app boots (first start) never waits on a worker that has not started yet.
 */
@Injectable()
export class AccountWriter {
  constructor(
    private readonly execution: CommandExecution,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  write(
    actor: Actor,
    userId: string,
    build: (state: AccountState, policy: IdentityPolicy) => CommandBody<AccountCommand>,
    commandId: string = this.ids.next(),
  ): Promise<CommandOutcome<AccountState>> {
    const metadata = { commandId, correlationId: commandId, causationId: null, actor, now: this.execution.now() };
    return this.execution.deliver(metadata, accountWrite(userId, build));
  }

  now(): string {
    return this.execution.now();
  }

  state(userId: string): Promise<AccountState> {
    return accountState(this.execution, userId);
  }
}
