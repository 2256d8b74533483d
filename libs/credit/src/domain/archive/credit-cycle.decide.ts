import { Actor, DeadlineSet, deterministicId } from '@bihuan/core';
import { creditError } from '../credit-errors';
import { CreditPolicy } from '../credit-policy';
import { optionalText, requireText } from '../credit-rules';
import { addMonths, CausedBy, CreditSourceRef } from '../credit-values';
import { ImposeCreditMeasures } from './credit-archive.commands';
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
        thresholdsReached: [...cur.thresholdsReached],
        reason,
      },
    },
    ...openCycle(s.archive.institutionId, no + 1, nextStart, policy),
  ];
}

/** 记分 thresholds: each reached for the first time in the cycle imposes its measures (with a notice) once. */
export function imposeMeasures(command: ImposeCreditMeasures, s: OpenCreditArchiveState, policy: CreditPolicy): CreditArchiveEvent[] {
  const { data, metadata } = command;
  const cycleNo = data.cycleNo;
  const known = s.current?.cycle.cycleNo === cycleNo || s.closedCycles.some((c) => c.cycleNo === cycleNo);
  if (!known) throw creditError('CYCLE_NOT_FOUND', `the archive has no cycle ${String(cycleNo)}`, { field: 'cycleNo' });
  const reached = new Set(s.measures.filter((m) => m.cycleNo === cycleNo).map((m) => m.thresholdPoints));
  const institutionId = s.archive.institutionId;
  const top = policy.thresholds.length > 0 ? policy.thresholds[policy.thresholds.length - 1]!.points : null;
  const causedBy = data.causedBy ?? null;
  const events: CreditArchiveEvent[] = [];
  for (const t of policy.thresholds) {
    if (data.totalPoints < t.points || reached.has(t.points)) continue;
    const noticeId = deterministicId('creditNotice', institutionId, cycleNo, t.points);
    const measures = [...t.measures];
    const imposedAt = metadata.now;
    events.push(
      {
        type: 'CreditMeasureImposed',
        data: {
          institutionId,
          cycleNo,
          thresholdPoints: t.points,
          measures,
          totalPoints: data.totalPoints,
          pointsId: requireText(data.pointsId, 'pointsId'),
          causedBy,
          noticeId,
          imposedAt,
          policyVersion: policy.policyVersion,
          final: t.points === top,
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
          issuedAt: imposedAt,
        },
      },
    );
  }
  return events;
}
