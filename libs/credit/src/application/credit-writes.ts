import { CommandOutcome, PolicySource } from '@bihuan/platform';
import { CreditPolicy, DEFAULT_CREDIT_POLICY } from '../domain/credit-policy';

/** The policy every credit write is decided under: `policy-credit` overrides on the defaults. */
export const CREDIT_POLICY_CONTEXT = 'credit';
export const CREDIT_POLICY: PolicySource<CreditPolicy> = { context: CREDIT_POLICY_CONTEXT, defaults: DEFAULT_CREDIT_POLICY };

/** What a credit write answers over HTTP: the outcome without the folded state. */
export type CreditCommandOutcome = Omit<CommandOutcome, 'state'>;
export const creditOutcome = ({ id, stream, position, events }: CommandOutcome<unknown>): CreditCommandOutcome => ({
  id,
  stream,
  position,
  events,
});

/** One member of a request's union: what to do (`kind`, the domain command's name) and with what. */
export type CreditAction<K extends string, D> = { readonly kind: K; readonly data: D };
