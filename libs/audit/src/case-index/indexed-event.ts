import { DeadlineTerms, isDeadlineEvent, isEventOf } from '@bihuan/core';
import { RecordedEvent } from '@bihuan/event-store';
import { expireTimerId, OUTPUT_RECORDED, timerCommandId, warnTimerId, WORKFLOW_RECORDS } from '@bihuan/processing';
import { CommandRecord, IndexedEvent } from './case-index.port';

export function toIndexed(event: RecordedEvent, causeEventId: string | null): IndexedEvent {
  return {
    eventId: event.metadata.eventId,
    stream: event.streamName,
    revision: event.revision,
    position: event.position,
    type: event.type,
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId ?? null,
    causeEventId,
    recordedAt: event.metadata.recordedAt,
  };
}

/**
 * The command ids an event records or implies:
 * - a saga's `OutputRecorded` holds the finalised command (`send`) or the timer's wake-up command
 *   (`schedule`), with its deterministic id;
 * - a deadline event (Set / Resumed / Extended) implies the wake-up commands of its timers, whose
 *   ids are `timerCommandId(timerId, dueAt)` (TimerDispatcher), also when a timer was re-armed on
 *   start without a saga record — so a `DeadlineExpired` finds the `DeadlineSet` that caused it.
 */
export function commandsRecorded(event: RecordedEvent): CommandRecord[] {
  const recordedBy = event.metadata.eventId;
  if (isEventOf(WORKFLOW_RECORDS, event) && event.type === OUTPUT_RECORDED) {
    const { output } = event.data;
    const id =
      output?.kind === 'send'
        ? output.command.metadata.commandId
        : output?.kind === 'schedule'
          ? output.timer.command.metadata.commandId
          : null;
    return typeof id === 'string' ? [{ commandId: id, recordedBy }] : [];
  }
  const message = { type: event.type, data: event.data };
  if (!isDeadlineEvent(message)) return [];
  const arms = message.type === 'DeadlineSet' || message.type === 'DeadlineResumed' || message.type === 'DeadlineExtended';
  if (!arms && !(message.type === 'DeadlineRecomputed' && message.data.remainingMs === null)) return [];
  const d = message.data as Pick<DeadlineTerms, 'deadlineId' | 'dueAt' | 'warnAt'>;
  const ids = [timerCommandId(expireTimerId(event.streamName, d.deadlineId), d.dueAt)];
  (d.warnAt ?? []).forEach((at, n) => ids.push(timerCommandId(warnTimerId(event.streamName, d.deadlineId, n), at)));
  return ids.map((commandId) => ({ commandId, recordedBy }));
}
