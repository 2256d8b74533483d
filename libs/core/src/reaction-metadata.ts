import { Actor, SYSTEM_ACTOR } from './actor';
import { CommandMetadata, Message } from './message';

/**
 * The metadata of a command a workflow sends in answer to `input`: caused by the input and in its
 * correlation, decided at the input's instant, by the system unless the workflow carries a person's
 * act on. `commandId` is the caller's deterministic id, so a redelivered input sends the same command.
 */
export function reactionMetadata(input: Message, commandId: string, actor: Actor = SYSTEM_ACTOR): CommandMetadata {
  return {
    commandId,
    correlationId: input.metadata.correlationId,
    causationId: input.metadata.eventId,
    actor,
    now: input.metadata.occurredAt,
  };
}
