import { Actor, DeadlineSet, deterministicId } from '@bihuan/core';
import { creditError } from '../credit-errors';
import { CreditPolicy } from '../credit-policy';
import { optionalText, requireIsoDate, requireText } from '../credit-rules';
import { addMonths, CausedBy, CreditSourceRef } from '../credit-values';
import { AddCreditPoints } from './credit-archive.commands';
import { CreditArchiveEvent, CreditArchiveOpened } from './credit-archive.events';
import { OpenCreditArchiveState } from './credit-archive.state';

/** Deadline id of a cycle's end in the archive stream. */
export const cycleDeadlineId = (cycleNo: number): string => `cycle-${cycleNo}`;

/**
 * The points id a saga-sent entry gets when the command names none: one per source case (ticket /
 * finding / commitment, else the causing event) and behaviour, so the same cause never counts twice.
 */
export function creditPointsIdFor(source: CreditSourceRef, behaviour: string): string | null {
  const key = source.ticketId ?? source.findingId ?? source.commitmentId ?? source.eventId ?? null;
  return key ? deterministicId('creditPoints', source.kind, key, behaviour) : null;
}

/** causedBy as given, else derived from the source's event, else the system command's causation. */
export function causedByOf(
  source: CreditSourceRef | null | undefined,
  given: CausedBy | null | undefined,
  actor: Actor,
  causationId: string | null,
): CausedBy | null {
  if (given) return { stream: given.stream ?? null, eventId: requireText(given.eventId, 'causedBy.eventId') };
  if (source?.eventId) {
    const stream =
      source.stream ?? (source.ticketId ? `complaintTicket-${source.ticketId}` : source.findingId ? `finding-${source.findingId}` : null);
    return { stream, eventId: source.eventId };
  }
  return actor.role === 'system' && causationId ? { stream: null, eventId: causationId } : null;
}

/** CreditCycleOpened + the DeadlineSet of its end (cycle length from the policy, calendar months). */
export function openCycle(institutionId: string, cycleNo: number, startedAt: string, policy: CreditPolicy): CreditArchiveEvent[] {
  const endsAt = addMonths(startedAt, policy.cycleMonths);
  const deadlineId = cycleDeadlineId(cycleNo);
  const deadline: DeadlineSet = {
    type: 'DeadlineSet',
    data: {
      deadlineId,
      purpose: 'credit-cycle',
      startedAt,
      dueAt: endsAt,
      workingDays: 0,
      calendarVersion: 'calendar-months',
      warnAt: [],
      policy: { policyVersion: policy.policyVersion, cycleMonths: policy.cycleMonths },
    },
  };
  return [
    { type: 'CreditCycleOpened', data: { institutionId, cycleNo, startedAt, endsAt, deadlineId, policyVersion: policy.policyVersion } },
    deadline,
  ];
}

export function openArchive(
  institutionId: string,
  name: unknown,
  responsible: unknown,
  actor: Actor,
  implicit: boolean,
  policy: CreditPolicy,
): CreditArchiveOpened {
  return {
    type: 'CreditArchiveOpened',
    data: {
      institutionId,
      name: optionalText(name, 'name'),
      responsiblePerson: optionalText(responsible, 'responsiblePerson'),
      openedBy: actor.id,
      implicit,
      policyVersion: policy.policyVersion,
    },
  };
}

/** Closes the current cycle and opens the next one starting where it ended. */
export function rollCycle(
  s: OpenCreditArchiveState,
  closedAt: string,
  nextStart: string,
  reason: string,
  policy: CreditPolicy,
): CreditArchiveEvent[] {
  const cur = s.current!;
  const no = cur.cycle.cycleNo;
  return [
    {
      type: 'CreditCycleClosed',
      data: {
        institutionId: s.archive.institutionId,
        cycleNo: no,
        closedAt,
        totalPoints: cur.totalPoints,
        thresholdsReached: [...cur.thresholdsReached],
        reason,
      },
    },
    ...openCycle(s.archive.institutionId, no + 1, nextStart, policy),
  ];
}

/** Points for a behaviour: the policy's for a listed one, else the command's (on the scale). */
function pointsFor(data: AddCreditPoints['data'], policy: CreditPolicy): number {
  const listed = policy.behaviourPoints[data.behaviour];
  if (listed !== undefined) return listed;
  if (data.points == null)
    throw creditError('BEHAVIOUR_UNKNOWN', `behaviour "${data.behaviour}" is not listed and no points were given`, { field: 'behaviour' });
  if (!policy.pointScale.includes(data.points))
    throw creditError('POINTS_INVALID', `points must be one of ${policy.pointScale.join('/')}`, { field: 'points' });
  return data.points;
}

/** 记分 with threshold crossing: each threshold reached for the first time in the cycle imposes its measures once. */
export function addPoints(command: AddCreditPoints, s: OpenCreditArchiveState, policy: CreditPolicy): CreditArchiveEvent[] {
  const { data, metadata } = command;
  const behaviour = requireText(data.behaviour, 'behaviour');
  const pointsId = data.pointsId ? requireText(data.pointsId, 'pointsId') : data.source ? creditPointsIdFor(data.source, behaviour) : null;
  if (!pointsId) throw creditError('FIELD_REQUIRED', 'pointsId (or a source naming its case or event) is required', { field: 'pointsId' });
  if (s.points[pointsId]) return []; // idempotent: this cause is already counted
  const points = pointsFor({ ...data, behaviour }, policy);
  const cur = s.current!;
  const institutionId = s.archive.institutionId;
  const cycleNo = cur.cycle.cycleNo;
  const totalPoints = cur.totalPoints + points;
  const causedBy = causedByOf(data.source, data.causedBy, metadata.actor, metadata.causationId);
  const events: CreditArchiveEvent[] = [
    {
      type: 'CreditPointsAdded',
      data: {
        institutionId,
        pointsId,
        cycleNo,
        behaviour,
        points,
        totalPoints,
        summary: optionalText(data.summary, 'summary'),
        source: data.source ?? null,
        causedBy,
        occurredAt: requireIsoDate(data.occurredAt, 'occurredAt'),
        addedBy: metadata.actor.id,
        policyVersion: policy.policyVersion,
      },
    },
  ];
  for (const t of policy.thresholds) {
    if (totalPoints < t.points || cur.thresholdsReached.includes(t.points)) continue;
    const noticeId = deterministicId('creditNotice', institutionId, cycleNo, t.points);
    const measures = [...t.measures];
    events.push(
      {
        type: 'CreditMeasureImposed',
        data: {
          institutionId,
          cycleNo,
          thresholdPoints: t.points,
          measures,
          totalPoints,
          pointsId,
          causedBy,
          noticeId,
          imposedAt: metadata.now,
          policyVersion: policy.policyVersion,
        },
      },
      {
        type: 'CreditNoticeIssued',
        data: {
          institutionId,
          noticeId,
          cycleNo,
          thresholdPoints: t.points,
          measures,
          public: measures.includes('public-notice'),
          issuedAt: metadata.now,
        },
      },
    );
  }
  return events;
}
