import { isProvisionalVersion } from '@bihuan/calendar';
import { currentDeadline, ExistingFinding, isActive, LedgerRow as LedgerSheetRow } from '@bihuan/inspection';
import { FoldedFinding, LedgerFold } from './ledger-as-of';

const provisional = (d: { readonly calendarVersion: string } | null | undefined): boolean => !!d && isProvisionalVersion(d.calendarVersion);

/** The last instant the fold saw (a finding event's recordedAt): what 截至 means for a position. */
export function lastRecordedAt(fold: LedgerFold): string | null {
  let last: string | null = null;
  for (const f of Object.values(fold.findings)) if (last === null || f.recordedAt > last) last = f.recordedAt;
  return last;
}

/** The state of one finding as of `at`, as the ledger export's row (the same row today's export writes). */
function sheetRow(f: FoldedFinding & { readonly state: ExistingFinding }, seq: number, at: string): LedgerSheetRow {
  const { state, extras } = f;
  const facts = state.finding;
  const rectify = extras.rectifyDeadlineId ? (state.deadlines[extras.rectifyDeadlineId] ?? null) : null;
  const current = currentDeadline(state);
  const escalation = state.rectification.escalation;
  // As the ledger projection judges it (overdue.ts): active, a current deadline, a rung reached or the deadline passed.
  const overdue = isActive(state) && current !== null && (escalation !== null || current.dueAt < at);
  const pending = state.rectification.pendingExtension;
  const reopened = state.rectification.round > 1 && state.status !== 'signedOff';
  return {
    seq,
    findingId: facts.findingId,
    institutionId: facts.institutionId,
    visitId: facts.visitId,
    visitKind: facts.visitKind,
    campaignId: facts.campaignId,
    category: facts.category,
    severity: facts.severity,
    description: facts.description,
    evidence: [...facts.evidence],
    evidenceFiles: Object.keys(state.files ?? {}).length,
    requiredAction: facts.requiredAction,
    measures: extras.measures,
    responsibleDepartment: extras.responsibleDepartment ?? facts.responsibleDepartment,
    responsiblePerson: extras.responsiblePerson ?? facts.responsiblePerson,
    plannedCompletion: null,
    noticeNo: extras.noticeNo,
    // As the ledger projection keeps it: the round's printed 整改通知书, if any.
    noticeDocumentNo: (state.rectification.noticeDocuments ?? []).find((d) => d.kind === 'rectification-notice')?.documentNo ?? null,
    round: state.rectification.round,
    deadline: rectify?.dueAt ?? null,
    deadlineProvisional: provisional(rectify),
    currentDueAt: current?.dueAt ?? null,
    currentDueProvisional: provisional(current),
    progressSummary: extras.progressSummary,
    percentComplete: extras.percentComplete,
    status: state.status,
    escalationRung: escalation?.rung ?? null,
    escalationStep: escalation?.step ?? null,
    overdue,
    signedOff: state.status === 'signedOff',
    signedOffAt: state.status === 'signedOff' ? state.signedOffAt : null,
    onTime: extras.onTime,
    recheckStatus: state.status === 'signedOff' ? state.recheck : reopened ? 'reopened' : 'none',
    recheckDueAt: null,
    pendingExtension: pending ? { extensionId: pending.extensionId, requestedDueAt: pending.requestedDueAt } : null,
    extensionsApproved: state.rectification.approvedExtensions,
    withdrawnReason: state.status === 'withdrawn' ? state.reason : null,
    openedAt: extras.openedAt,
    openedBy: '',
    updatedAt: f.recordedAt,
  };
}

/**
 * An as-of ledger (folded from the log) as the rows of the ledger export, in the order the findings
 * were opened (序号 1…n), overdue judged at the as-of instant — so it prints exactly like today's.
 */
export function asOfLedgerSheetRows(fold: LedgerFold, at: string): LedgerSheetRow[] {
  const found = Object.values(fold.findings).filter((f): f is FoldedFinding & { state: ExistingFinding } => f.state.status !== 'none');
  found.sort((a, b) => a.openedPosition - b.openedPosition);
  return found.map((f, i) => sheetRow(f, i + 1, at));
}
