import { PolicySource } from '@bihuan/platform';
import { DEFAULT_ETHICS_POLICY, EthicsPolicy } from '../domain/ethics-policy';

/** The policy every ethics write is decided under: `policy-ethics` overrides on the defaults. */
export const ETHICS_POLICY_CONTEXT = 'ethics';
export const ETHICS_POLICY: PolicySource<EthicsPolicy> = { context: ETHICS_POLICY_CONTEXT, defaults: DEFAULT_ETHICS_POLICY };
