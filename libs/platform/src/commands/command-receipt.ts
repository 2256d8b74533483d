import { CommandOutcome } from './command-execution';

/** What a write answers over HTTP: the outcome without the folded state, which stays inside the service. */
export type CommandReceipt = Omit<CommandOutcome, 'state'>;

export const commandReceipt = ({ id, stream, position, events }: CommandOutcome<unknown>): CommandReceipt => ({
  id,
  stream,
  position,
  events,
});

/** One member of a request's union: what to do (`kind`, the domain command's name) and with what. */
export type RequestAction<K extends string, D> = { readonly kind: K; readonly data: D };
