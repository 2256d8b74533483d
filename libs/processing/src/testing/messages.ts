import { DeadlineEvent, Message, SYSTEM_ACTOR } from '@bihuan/core';

/** Structurally a RecordedEvent (kept free of the store so pure specs import only core). */
export type DeliveredMessage = Message & { readonly streamName: string; readonly revision: number; readonly position: number };

let position = 0;

/** A recorded deadline event of `stream`, as a workflow runner would deliver it. */
export function recorded(stream: string, event: DeadlineEvent, eventId = `ev-${++position}`): DeliveredMessage {
  position += 1;
  return {
    streamName: stream,
    revision: 0,
    position,
    type: event.type,
    data: event.data,
    metadata: {
      eventId,
      correlationId: 'corr-1',
      causationId: null,
      actor: SYSTEM_ACTOR,
      occurredAt: '2025-03-03T01:00:00.000Z',
      recordedAt: '2025-03-03T01:00:00.000Z',
      schemaVersion: 1,
      prevHash: null,
      hash: 'h',
    },
  };
}

export function deadlineSet(dueAt: string, warnAt: string[] = [], deadlineId = 'answer'): DeadlineEvent {
  return {
    type: 'DeadlineSet',
    data: {
      deadlineId,
      purpose: 'answer',
      startedAt: '2025-03-03T01:00:00.000Z',
      dueAt,
      workingDays: 5,
      calendarVersion: 'test',
      warnAt,
      policy: {},
    },
  };
}
