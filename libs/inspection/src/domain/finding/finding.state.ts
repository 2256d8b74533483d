import { AttachedFiles, DeadlineBook, DeadlineState } from '@bihuan/core';
import { EscalationRung, FindingCategory, RequiredAction, Severity, VisitKind } from '../inspection-values';
import type { NoticeKind } from '../notice-kinds';

/** What a finding is about; fixed when it is opened (the plan may name a new responsible person). */
export interface FindingFacts {
  readonly findingId: string;
  readonly visitId: string;
  readonly visitKind: VisitKind;
  readonly institutionId: string;
  readonly campaignId: string | null;
  readonly category: FindingCategory;
  readonly severity: Severity;
  readonly description: string;
  readonly evidence: readonly string[];
  readonly responsibleDepartment: string;
  readonly responsiblePerson: string | null;
  readonly requiredAction: RequiredAction;
}

export interface PendingExtension {
  readonly extensionId: string;
  readonly reason: string;
  readonly requestedDueAt: string;
}

/** Work of the current rectification round (round 1, then one more per reopening). */
export interface RectificationRound {
  readonly round: number;
  /** The deadline an extension moves and whose expiry climbs the ladder; null before the notice. */
  readonly currentDeadlineId: string | null;
  readonly planRevision: number;
  readonly progressReports: number;
  /**
   * Evidence cited by the hospital in this round (progress reports and sign-off request): digests
   * of attached files (free-text references in events written before files could be attached).
   */
  readonly evidence: readonly string[];
  /** The highest rung reached in this round, or null while not overdue. */
  readonly escalation: { readonly rung: EscalationRung; readonly step: number } | null;
  readonly approvedExtensions: number;
  readonly pendingExtension: PendingExtension | null;
  readonly rejections: number;
  /** Printed notices of this round (NoticeDocumentIssued), one per kind and ladder step. */
  readonly noticeDocuments: readonly IssuedNoticeDocument[];
}

/** A printed notice as the round remembers it: which kind, at which ladder step (0: none), its number. */
export interface IssuedNoticeDocument {
  readonly kind: NoticeKind;
  readonly step: number;
  readonly documentNo: string;
}

/** Re-check (回头看) of a signed-off row: none planned, scheduled, due (deadline passed), passed. */
export type RecheckStatus = 'none' | 'scheduled' | 'due' | 'passed';

interface Existing {
  readonly finding: FindingFacts;
  readonly deadlines: DeadlineBook;
  readonly rectification: RectificationRound;
  /** Every file attached to the finding, any round, by digest: what steps may cite. */
  readonly files: AttachedFiles;
}

/**
 * Lifecycle: open → noticeIssued → inProgress ⇄ signOffRequested → signedOff (→ noticeIssued again
 * when a re-check reopens it); any active status → withdrawn. Overdue escalation does not change
 * the status: it is `rectification.escalation`.
 */
export type FindingState =
  | { readonly status: 'none' }
  | ({ readonly status: 'open' } & Existing)
  | ({ readonly status: 'noticeIssued' } & Existing)
  | ({ readonly status: 'inProgress' } & Existing)
  | ({ readonly status: 'signOffRequested' } & Existing)
  | ({ readonly status: 'signedOff'; readonly signedOffAt: string; readonly recheck: RecheckStatus } & Existing)
  | ({ readonly status: 'withdrawn'; readonly reason: string } & Existing);

export type ExistingFinding = Exclude<FindingState, { status: 'none' }>;
export type ActiveFinding = Extract<FindingState, { status: 'open' | 'noticeIssued' | 'inProgress' | 'signOffRequested' }>;

export const initialFindingState: FindingState = { status: 'none' };

export function newRound(round: number, currentDeadlineId: string | null): RectificationRound {
  return {
    round,
    currentDeadlineId,
    planRevision: 0,
    progressReports: 0,
    evidence: [],
    escalation: null,
    approvedExtensions: 0,
    pendingExtension: null,
    rejections: 0,
    noticeDocuments: [],
  };
}

/** The deadline an extension would move (pending or already expired), if the notice was issued. */
export function currentDeadline(state: FindingState): DeadlineState | null {
  if (state.status === 'none' || state.rectification.currentDeadlineId === null) return null;
  return state.deadlines[state.rectification.currentDeadlineId] ?? null;
}

/** Deadlines that still have timers armed (pending or paused): cleared on sign-off and withdrawal. */
export function openDeadlines(state: FindingState): DeadlineState[] {
  if (state.status === 'none') return [];
  return Object.values(state.deadlines).filter((d) => d.status === 'pending' || d.status === 'paused');
}

export function isActive(state: FindingState): state is ActiveFinding {
  return state.status === 'open' || state.status === 'noticeIssued' || state.status === 'inProgress' || state.status === 'signOffRequested';
}
