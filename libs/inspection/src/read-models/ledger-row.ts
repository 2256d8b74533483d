import { Selectable } from 'kysely';
import { isProvisionalVersion } from '@bihuan/calendar';
import { EscalationRung, FindingCategory, RequiredAction, Severity, VisitKind } from '../domain';
import { FindingRecord } from './inspection-read-model.schema';

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
  /** Files attached to the finding (listed on its page). */
  readonly evidenceFiles: number;
  readonly requiredAction: RequiredAction;
  /** 整改措施, from the latest plan of the round. */
  readonly measures: string | null;
  readonly responsibleDepartment: string;
  readonly responsiblePerson: string | null;
  readonly plannedCompletion: string | null;
  /** The number typed when the notice was issued (`POST /findings/{id}/notice`). */
  readonly noticeNo: string | null;
  /** The 文号 of the printed 整改通知书, once one is printed (the ledger's 通知书文号 prefers it). */
  readonly noticeDocumentNo: string | null;
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

/** A row of inspection_findings with its `overdue` flag (1 or 0) as the queries select it. */
export type LedgerRecord = Selectable<FindingRecord> & { readonly overdue: number };

const provisional = (due: string | null, version: string | null): boolean =>
  due !== null && version !== null && isProvisionalVersion(version);

export function toLedgerRow(r: LedgerRecord, seq: number): LedgerRow {
  const pending = r.pending_extension_id;
  return {
    seq,
    findingId: r.finding_id,
    institutionId: r.institution_id,
    visitId: r.visit_id,
    visitKind: r.visit_kind as VisitKind,
    campaignId: r.campaign_id,
    category: r.category as FindingCategory,
    severity: r.severity as Severity,
    description: r.description,
    evidence: JSON.parse(r.evidence) as string[],
    evidenceFiles: Number(r.evidence_files ?? 0),
    requiredAction: r.required_action as RequiredAction,
    measures: r.measures,
    responsibleDepartment: r.responsible_department,
    responsiblePerson: r.responsible_person,
    plannedCompletion: r.planned_completion,
    noticeNo: r.notice_no,
    noticeDocumentNo: r.notice_document_no ?? null,
    round: Number(r.round),
    deadline: r.rectify_due_at,
    deadlineProvisional: provisional(r.rectify_due_at, r.rectify_calendar_version),
    currentDueAt: r.current_due_at,
    currentDueProvisional: provisional(r.current_due_at, r.current_calendar_version),
    progressSummary: r.progress_summary,
    percentComplete: r.percent_complete,
    status: r.status,
    escalationRung: r.escalation_rung as EscalationRung | null,
    escalationStep: r.escalation_step,
    overdue: r.overdue === 1,
    signedOff: r.status === 'signedOff',
    signedOffAt: r.signed_off_at,
    onTime: r.on_time === null ? null : r.on_time === 1,
    recheckStatus: r.recheck_status,
    recheckDueAt: r.recheck_due_at,
    pendingExtension: pending ? { extensionId: pending, requestedDueAt: r.pending_extension_due_at } : null,
    extensionsApproved: Number(r.extensions_approved),
    withdrawnReason: r.withdrawn_reason,
    openedAt: r.opened_at,
    openedBy: r.opened_by,
    updatedAt: r.updated_at,
  };
}
