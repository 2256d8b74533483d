import { isProvisionalVersion } from '@bihuan/calendar';
import { EscalationRung, FindingCategory, RequiredAction, Severity, VisitKind } from '../domain';

/** One row of a rectification ledger (整改台账), as the API returns it. */
export interface LedgerRow {
  /** 序号 within the list it is returned in (1-based). */
  readonly seq: number;
  readonly findingId: string;
  readonly institutionId: string;
  readonly visitId: string;
  readonly visitKind: VisitKind;
  readonly campaignId: string | null;
  readonly category: FindingCategory;
  readonly severity: Severity;
  /** 问题 */
  readonly description: string;
  readonly evidence: string[];
  readonly requiredAction: RequiredAction;
  /** 整改措施, from the latest plan of the round. */
  readonly measures: string | null;
  readonly responsibleDepartment: string;
  readonly responsiblePerson: string | null;
  readonly plannedCompletion: string | null;
  readonly noticeNo: string | null;
  readonly round: number;
  /** 整改时限: the round's rectification deadline (as extended). */
  readonly deadline: string | null;
  /** `deadline` was counted over a year without the State Council's notice (recomputed on import; docs/calendar.md). */
  readonly deadlineProvisional: boolean;
  /** The deadline the institution must meet now (the rectification or the current escalation rung's). */
  readonly currentDueAt: string | null;
  readonly currentDueProvisional: boolean;
  readonly progressSummary: string | null;
  readonly percentComplete: number | null;
  readonly status: string;
  readonly escalationRung: EscalationRung | null;
  readonly escalationStep: number | null;
  /** Active, clock started, and an escalation rung reached or the current deadline passed (against the clock now). */
  readonly overdue: boolean;
  readonly signedOff: boolean;
  readonly signedOffAt: string | null;
  readonly onTime: boolean | null;
  readonly recheckStatus: string;
  readonly recheckDueAt: string | null;
  readonly pendingExtension: { readonly extensionId: string; readonly requestedDueAt: string | null } | null;
  readonly extensionsApproved: number;
  readonly withdrawnReason: string | null;
  readonly openedAt: string;
  readonly openedBy: string;
  readonly updatedAt: string;
}

export type RawRow = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const provisional = (due: unknown, version: unknown): boolean =>
  typeof due === 'string' && typeof version === 'string' && isProvisionalVersion(version);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function toLedgerRow(r: RawRow, seq: number): LedgerRow {
  const pending = str(r['pending_extension_id']);
  return {
    seq,
    findingId: String(r['finding_id']),
    institutionId: String(r['institution_id']),
    visitId: String(r['visit_id']),
    visitKind: r['visit_kind'] as VisitKind,
    campaignId: str(r['campaign_id']),
    category: r['category'] as FindingCategory,
    severity: r['severity'] as Severity,
    description: String(r['description']),
    evidence: JSON.parse(String(r['evidence'] ?? '[]')) as string[],
    requiredAction: r['required_action'] as RequiredAction,
    measures: str(r['measures']),
    responsibleDepartment: String(r['responsible_department']),
    responsiblePerson: str(r['responsible_person']),
    plannedCompletion: str(r['planned_completion']),
    noticeNo: str(r['notice_no']),
    round: Number(r['round']),
    deadline: str(r['rectify_due_at']),
    deadlineProvisional: provisional(r['rectify_due_at'], r['rectify_calendar_version']),
    currentDueAt: str(r['current_due_at']),
    currentDueProvisional: provisional(r['current_due_at'], r['current_calendar_version']),
    progressSummary: str(r['progress_summary']),
    percentComplete: num(r['percent_complete']),
    status: String(r['status']),
    escalationRung: str(r['escalation_rung']) as EscalationRung | null,
    escalationStep: num(r['escalation_step']),
    overdue: r['overdue'] === 1,
    signedOff: r['status'] === 'signedOff',
    signedOffAt: str(r['signed_off_at']),
    onTime: r['on_time'] === null || r['on_time'] === undefined ? null : r['on_time'] === 1,
    recheckStatus: String(r['recheck_status']),
    recheckDueAt: str(r['recheck_due_at']),
    pendingExtension: pending ? { extensionId: pending, requestedDueAt: str(r['pending_extension_due_at']) } : null,
    extensionsApproved: Number(r['extensions_approved'] ?? 0),
    withdrawnReason: str(r['withdrawn_reason']),
    openedAt: String(r['opened_at']),
    openedBy: String(r['opened_by']),
    updatedAt: String(r['updated_at']),
  };
}
