import { Actor, SYSTEM_ACTOR } from '@bihuan/core';
import { CaseWrite, CommandBody, CommandExecution } from '@bihuan/platform';
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
