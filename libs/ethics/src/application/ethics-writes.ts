import { CommandOutcome, PolicySource } from '@bihuan/platform';
import { DEFAULT_ETHICS_POLICY, EthicsPolicy } from '../domain/ethics-policy';

/** The policy every ethics write is decided under: `policy-ethics` overrides on the defaults. */
export const ETHICS_POLICY_CONTEXT = 'ethics';
export const ETHICS_POLICY: PolicySource<EthicsPolicy> = { context: ETHICS_POLICY_CONTEXT, defaults: DEFAULT_ETHICS_POLICY };

/** What an ethics write answers over HTTP: the outcome without the folded state. */
export type EthicsCommandOutcome = Omit<CommandOutcome, 'state'>;
export const ethicsOutcome = ({ id, stream, position, events }: CommandOutcome<unknown>): EthicsCommandOutcome => ({
  id,
  stream,
  position,
  events,
});

/** One member of a request's union: what to do (`kind`, the domain command's name) and with what. */
export type EthicsAction<K extends string, D> = { readonly kind: K; readonly data: D };
