import { assertNever, AttachedFiles, DeadlineBook, evolveDeadlines, isDeadlineEvent, withAttached } from '@bihuan/core';
import { ReportDutyEvent, ReportDutyFacts } from './report-duty.messages';
import { DutyEscalationRung, OwingUnitKind, ReportDutyStatus } from './report-duty-values';

/** One handing-in of the report (a returned one is followed by another). */
export interface ReportSubmission {
  readonly round: number;
  readonly text: string;
  readonly evidence: readonly string[];
  readonly submittedBy: string;
  readonly submittedAt: string;
  readonly onTime: boolean;
}

/** The issuing office's answer to a submission. */
export interface ReportReview {
  readonly round: number;
  readonly outcome: 'accepted' | 'returned';
  readonly by: string;
  readonly at: string;
  /** The comment of an acceptance, the reasons of a return. */
  readonly note: string | null;
}

/** A duty as its stream tells it. */
export interface ExistingReportDuty {
  readonly status: ReportDutyStatus;
  readonly duty: ReportDutyFacts & { readonly assignedAt: string; readonly owingUnitKind: OwingUnitKind };
  /** The current round: 1, then one more after each return (or reassignment). */
  readonly round: number;
  readonly submissions: readonly ReportSubmission[];
  readonly reviews: readonly ReportReview[];
  /** The highest rung of the overdue ladder reached, if any. */
  readonly escalation: { readonly step: number; readonly rung: DutyEscalationRung } | null;
  readonly deadlines: DeadlineBook;
  readonly files: AttachedFiles;
}

export type ReportDutyState = { readonly status: 'none' } | ExistingReportDuty;

export const initialReportDutyState: ReportDutyState = { status: 'none' };

/** Deadline ids of a duty: `report.due` (`.r<n>` from round 2), `report.resubmit.r<n>`, `report.escalation.<rung>`. */
export function dutyDeadlineId(purpose: 'due' | 'resubmit', round: number): string {
  return round <= 1 ? `report.${purpose}` : `report.${purpose}.r${round}`;
}

export function rungDeadlineId(rung: DutyEscalationRung): string {
  return `report.escalation.${rung}`;
}

/** The deadlines still running (pending or paused), in the order they were set. */
export function openDutyDeadlines(book: DeadlineBook): string[] {
  return Object.values(book)
    .filter((d) => d.status === 'pending' || d.status === 'paused')
    .map((d) => d.terms.deadlineId);
}

/** The last submission, if the report was ever handed in. */
export function lastSubmission(state: ExistingReportDuty): ReportSubmission | null {
  return state.submissions[state.submissions.length - 1] ?? null;
}

function existing(state: ReportDutyState): ExistingReportDuty | null {
  return state.status === 'none' ? null : state;
}

export function evolveReportDuty(state: ReportDutyState, event: ReportDutyEvent): ReportDutyState {
  if (event.type === 'ReportDutyAssigned') {
    const { round, ...duty } = event.data;
    const before = existing(state);
    return {
      status: 'assigned',
      duty: { ...duty, owingUnitKind: duty.owingUnitKind ?? 'institution' },
      round,
      submissions: before?.submissions ?? [],
      reviews: before?.reviews ?? [],
      escalation: null,
      deadlines: before?.deadlines ?? {},
      files: before?.files ?? {},
    };
  }
  const s = existing(state);
  if (!s) return state;
  if (isDeadlineEvent(event)) return { ...s, deadlines: evolveDeadlines(s.deadlines, event) };
  switch (event.type) {
    case 'EvidenceAttached':
      return { ...s, files: withAttached(s.files, event) };
    case 'ReportSubmitted': {
      const { round, text, evidence, submittedBy, submittedAt, onTime } = event.data;
      return { ...s, status: 'submitted', submissions: [...s.submissions, { round, text, evidence, submittedBy, submittedAt, onTime }] };
    }
    case 'ReportAccepted': {
      const review: ReportReview = {
        round: event.data.round,
        outcome: 'accepted',
        by: event.data.acceptedBy,
        at: event.data.acceptedAt,
        note: event.data.comment,
      };
      return { ...s, status: 'accepted', reviews: [...s.reviews, review] };
    }
    case 'ReportReturned': {
      const review: ReportReview = {
        round: event.data.round,
        outcome: 'returned',
        by: event.data.returnedBy,
        at: event.data.returnedAt,
        note: event.data.reason,
      };
      return { ...s, status: 'returned', round: event.data.round + 1, reviews: [...s.reviews, review] };
    }
    case 'ReportDutyEscalated':
      return { ...s, escalation: { step: event.data.step, rung: event.data.rung } };
    case 'ReportDutyWithdrawn':
      return { ...s, status: 'withdrawn' };
    default:
      return assertNever(event, 'report duty event');
  }
}
