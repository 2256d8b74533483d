import { chineseDate, chineseDateTime, EventSummaries } from '@bihuan/core';
import { REPORT_KIND_LABELS } from '../domain/campaign-labels';
import { DUTY_ESCALATION_RUNG_LABELS, DUTY_WITHDRAW_REASON_LABELS } from '../domain/duty/report-duty-labels';
import { ReportDutyOwnEvent } from '../domain/duty/report-duty.messages';
import { DutyEscalationRung } from '../domain/duty/report-duty-values';

const round = (n: number): string => (n > 1 ? `（第${n}轮）` : '');

/** A reporting duty's events (报送任务, `reportDuty-<id>`) in words (docs/events/campaigns.md). */
export const REPORT_DUTY_SUMMARIES: EventSummaries<ReportDutyOwnEvent> = {
  ReportDutyAssigned: (d, c) =>
    `专项行动“${d.campaignTitle}”要求${c.unit(d.institutionId)}报送${REPORT_KIND_LABELS[d.kind] ?? d.kind}，${chineseDate(d.dueOn)}前（截止 ${chineseDateTime(d.dueAt)}）${round(d.round)}`,
  ReportSubmitted: (d, c) =>
    `${c.person(d.submittedBy)} 报送材料${d.evidence.length > 0 ? `（附件 ${d.evidence.length} 个）` : ''}${d.onTime ? '' : '，已逾期'}${round(d.round)}`,
  ReportAccepted: (d, c) => `${c.person(d.acceptedBy)} 审核通过${d.onTime ? '' : '（逾期报送）'}${d.comment ? `：${d.comment}` : ''}`,
  ReportReturned: (d, c) => `${c.person(d.returnedBy)} 退回报送材料${round(d.round)}：${d.reason}`,
  ReportDutyEscalated: (d) =>
    `逾期未报送，升级第${d.step}级：${DUTY_ESCALATION_RUNG_LABELS[d.rung] ?? d.rung}${d.dueAt ? `，限 ${chineseDate(d.dueAt)} 前报送` : ''}`,
  ReportDutyWithdrawn: (d) => `报送任务撤销：${DUTY_WITHDRAW_REASON_LABELS[d.reason] ?? d.reason}`,
};

const BASE: Readonly<Record<string, string>> = { due: '报送期限', resubmit: '重新报送期限' };

/** `report.due` → 报送期限, `report.resubmit.r2` → 重新报送期限（第2轮）, `report.escalation.overdue-reminder` → 逾期催报时限. */
export function reportDutyDeadlineName(deadlineId: string): string | null {
  const m = /^report\.(due|resubmit|escalation\.([a-z-]+))(?:\.r(\d+))?$/.exec(deadlineId);
  if (!m) return null;
  const base = m[2] ? `${DUTY_ESCALATION_RUNG_LABELS[m[2] as DutyEscalationRung] ?? m[2]}时限` : BASE[m[1]!];
  return base ? `${base}${m[3] ? `（第${m[3]}轮）` : ''}` : null;
}
