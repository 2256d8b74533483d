import { DeadlineState } from '@bihuan/core';
import { isProvisionalVersion } from '@bihuan/calendar';
import { currentDeadline, FindingFacts, FindingState, isActive, PendingExtension, RectificationRound } from '../domain';
import { AttachedFileView, LedgerRow } from '../read-models';

export interface DeadlineView {
  readonly deadlineId: string;
  readonly purpose: string;
  readonly status: string;
  readonly startedAt: string;
  readonly dueAt: string;
  readonly workingDays: number;
  /** Of the current dueAt (as set, extended, resumed or recomputed). */
  readonly calendarVersion: string;
  /** The current dueAt was counted over a year without the State Council's notice (docs/calendar.md). */
  readonly provisional: boolean;
  readonly warnAt: readonly string[];
  readonly warned: readonly string[];
  readonly policy: Readonly<Record<string, unknown>>;
}

/** A finding as its stream says now: facts, round, every deadline, and the ledger row. */
export interface FindingDetail {
  readonly findingId: string;
  readonly status: FindingState['status'];
  readonly finding: FindingFacts;
  readonly rectification: Omit<RectificationRound, 'pendingExtension'> & { readonly pendingExtension: PendingExtension | null };
  readonly currentDeadline: DeadlineView | null;
  readonly deadlines: DeadlineView[];
  readonly overdue: boolean;
  readonly signedOffAt: string | null;
  readonly recheck: string | null;
  readonly withdrawnReason: string | null;
  readonly ledger: LedgerRow | null;
  /** Files attached to the finding, in the order attached (the read model keeps when and by whom). */
  readonly files: readonly AttachedFileView[];
}

function deadlineView(d: DeadlineState): DeadlineView {
  const { deadlineId, purpose, startedAt, workingDays, policy } = d.terms;
  const { calendarVersion } = d;
  return {
    deadlineId,
    purpose,
    status: d.status,
    startedAt,
    dueAt: d.dueAt,
    workingDays,
    calendarVersion,
    provisional: isProvisionalVersion(calendarVersion),
    warnAt: d.warnAt,
    warned: d.warned,
    policy,
  };
}

export function findingDetail(
  state: Exclude<FindingState, { status: 'none' }>,
  now: string,
  ledger: LedgerRow | null,
  files: readonly AttachedFileView[] = [],
): FindingDetail {
  const current = currentDeadline(state);
  const overdue = isActive(state) && current !== null && (state.rectification.escalation !== null || current.dueAt < now);
  return {
    findingId: state.finding.findingId,
    status: state.status,
    finding: state.finding,
    rectification: state.rectification,
    currentDeadline: current ? deadlineView(current) : null,
    deadlines: Object.values(state.deadlines).map(deadlineView),
    overdue,
    signedOffAt: state.status === 'signedOff' ? state.signedOffAt : null,
    recheck: state.status === 'signedOff' ? state.recheck : null,
    withdrawnReason: state.status === 'withdrawn' ? state.reason : null,
    ledger,
    files,
  };
}
