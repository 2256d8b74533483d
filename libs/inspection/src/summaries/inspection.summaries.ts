import { chineseDate, EventSummaries, summaryCatalogue, SummaryContext, workingDaysNote } from '@bihuan/core';
import { FindingOwnEvent } from '../domain/finding/finding.events';
import { VisitOwnEvent } from '../domain/visit/visit.events';
import {
  ESCALATION_RUNG_LABELS,
  FINDING_CATEGORY_LABELS,
  REQUIRED_ACTION_LABELS,
  SEVERITY_LABELS,
  VISIT_KIND_LABELS,
} from '../domain/inspection-labels';
import { EscalationRung } from '../domain/inspection-values';
import { NOTICE_KIND_LABELS } from '../domain/notice-kinds';

const round = (n: number): string => (n > 1 ? `（第${n}轮）` : '');
const evidence = (list: readonly string[] | undefined): string => (list && list.length > 0 ? `，附证据${list.length}份` : '');
const people = (ids: readonly string[], c: SummaryContext): string => ids.map((id) => c.person(id)).join('、');
const rung = (r: EscalationRung): string => ESCALATION_RUNG_LABELS[r] ?? r;

const BASE_DEADLINES: Readonly<Record<string, string>> = { rectify: '整改时限', recheck: '回头看时限' };

/** `rectify` → 整改时限, `escalation.summons.r2` → 约谈通知书时限（第2轮） (ids of finding-deadline ids). */
export function findingDeadlineName(deadlineId: string): string | null {
  const m = /^(rectify|recheck|escalation\.([a-z-]+))(?:\.r(\d+))?$/.exec(deadlineId);
  if (!m) return null;
  const base = m[2] ? `${ESCALATION_RUNG_LABELS[m[2] as EscalationRung] ?? m[2]}时限` : BASE_DEADLINES[m[1]!];
  return base ? `${base}${m[3] ? `（第${m[3]}轮）` : ''}` : null;
}

/** The visit's events in words (docs/events/inspection.md). */
export const VISIT_SUMMARIES: EventSummaries<VisitOwnEvent> = {
  VisitPlanned: (d, c) =>
    `${c.person(d.plannedBy)} 安排${VISIT_KIND_LABELS[d.kind] ?? d.kind}：${c.unit(d.institutionId)}，${chineseDate(d.plannedDate)}，检查人员 ${people(d.inspectorIds, c)}`,
  VisitConducted: (d, c) =>
    `${c.person(d.recordedBy)} 记录检查已于 ${chineseDate(d.conductedOn)} 完成（${people(d.inspectorIds, c)}）${d.summary ? `：${d.summary}` : ''}`,
  VisitFindingsRegistered: (d) => `登记发现问题 ${d.findingIds.length} 个（本次检查共 ${d.allFindingIds.length} 个）`,
  VisitClosed: (d) => `检查结束，全部 ${d.findingIds.length} 个问题已办结`,
  VisitReopened: (d) => `问题回头看发现反弹，检查重新打开：${d.reason}`,
  VisitCancelled: (d, c) => `${c.person(d.cancelledBy)} 取消检查：${d.reason}`,
};

/** The finding's own events in words; its deadline events are core's. */
export const FINDING_SUMMARIES: EventSummaries<FindingOwnEvent> = {
  FindingOpened: (d, c) =>
    `${c.person(d.openedBy)} 登记问题：${d.description}（${FINDING_CATEGORY_LABELS[d.category] ?? d.category}，${SEVERITY_LABELS[d.severity] ?? d.severity}，${REQUIRED_ACTION_LABELS[d.requiredAction] ?? d.requiredAction}），责任部门 ${d.responsibleDepartment}`,
  RectificationNoticeIssued: (d, c) =>
    `${c.person(d.issuedBy)} 开具整改通知书${d.noticeNo ? ` ${d.noticeNo}` : ''}${round(d.round)}，整改时限 ${chineseDate(d.dueAt)}${workingDaysNote(d.workingDays)}`,
  RectificationPlanSubmitted: (d, c) =>
    `${c.person(d.submittedBy)} 提交整改方案${d.revision > 1 ? `（第${d.revision}次修改）` : ''}：${d.measures}；责任部门 ${d.responsibleDepartment}${d.responsiblePerson ? `，责任人 ${d.responsiblePerson}` : ''}${d.plannedCompletion ? `，计划 ${chineseDate(d.plannedCompletion)} 完成` : ''}`,
  RectificationProgressReported: (d, c) =>
    `${c.person(d.reportedBy)} 报告整改进展（第${d.reportNo}次${d.percentComplete !== null ? `，完成${d.percentComplete}%` : ''}）：${d.summary}${evidence(d.evidence)}`,
  SignOffRequested: (d, c) => `${c.person(d.requestedBy)} 申请销号${round(d.round)}：${d.summary}${evidence(d.evidence)}`,
  SignOffRejected: (d, c) => `${c.person(d.rejectedBy)} 退回销号申请：${d.reasons.join('；')}`,
  FindingSignedOff: (d, c) =>
    `${c.person(d.signedOffBy)} 确认销号${d.onTime ? '' : '（逾期完成）'}${round(d.round)}${d.comment ? `：${d.comment}` : ''}${d.recheckDueAt ? `；回头看 ${chineseDate(d.recheckDueAt)}` : ''}`,
  ExtensionRequested: (d, c) => `${c.person(d.requestedBy)} 申请延期至 ${chineseDate(d.requestedDueAt)}：${d.reason}`,
  ExtensionApproved: (d, c) =>
    `${c.person(d.approvedBy)} 批准延期${workingDaysNote(d.workingDays)}，${c.deadline(d.deadlineId)}由 ${chineseDate(d.previousDueAt)} 延至 ${chineseDate(d.dueAt)}${d.comment ? `（${d.comment}）` : ''}`,
  ExtensionDenied: (d, c) => `${c.person(d.deniedBy)} 不予延期：${d.reason}`,
  FindingEscalated: (d, c) =>
    `${c.deadline(d.expiredDeadlineId)}已过，逾期升级第${d.step}级：${rung(d.rung)}${d.dueAt ? `，限 ${chineseDate(d.dueAt)} 前整改` : ''}`,
  FindingRecheckDue: (d) => `回头看到期（${chineseDate(d.dueAt)}），应复查`,
  FindingRecheckPassed: (d, c) => `${c.person(d.checkedBy)} 回头看通过：${d.notes}${evidence(d.evidence)}`,
  FindingReopened: (d, c) =>
    `${c.person(d.reopenedBy)} 回头看发现反弹，重新整改（第${d.round}轮），整改时限 ${chineseDate(d.dueAt)}：${d.notes}`,
  FindingWithdrawn: (d, c) => `${c.person(d.withdrawnBy)} 撤销问题：${d.reason}`,
  // fields.dueDate is already in the printed form (2026年1月9日); empty on a 销号确认.
  NoticeDocumentIssued: (d, c) =>
    `${c.person(d.issuedBy)} 开具${NOTICE_KIND_LABELS[d.kind] ?? d.kind}（${d.documentNo}）${d.fields['dueDate'] ? `，整改时限 ${d.fields['dueDate']}${d.fields['workingDays'] ? `（${d.fields['workingDays']}个工作日）` : ''}` : ''}`,
};

/** The visit's and the finding's own events; the EvidenceAttached they also write is core's (evidence.summaries.ts). */
export const INSPECTION_SUMMARY_CATALOGUE = summaryCatalogue<VisitOwnEvent | FindingOwnEvent>(
  'inspection',
  { ...VISIT_SUMMARIES, ...FINDING_SUMMARIES },
  { deadlineName: findingDeadlineName, terms: { ...FINDING_CATEGORY_LABELS, ...ESCALATION_RUNG_LABELS } },
);
