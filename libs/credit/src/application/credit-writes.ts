import { PolicySource } from '@bihuan/platform';
import { CreditPolicy, DEFAULT_CREDIT_POLICY } from '../domain/credit-policy';

/** The policy every credit write is decided under: `policy-credit` overrides on the defaults. */
export const CREDIT_POLICY_CONTEXT = 'credit';
export const CREDIT_POLICY: PolicySource<CreditPolicy> = { context: CREDIT_POLICY_CONTEXT, defaults: DEFAULT_CREDIT_POLICY };
