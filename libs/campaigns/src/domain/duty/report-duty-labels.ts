import { DutyEscalationRung, DutyWithdrawReason, OwingUnitKind, ReportDutyStatus } from './report-duty-values';

/** The Chinese words of reporting duties (报送任务), one map per word list; served by GET /catalogue. */
export const REPORT_DUTY_STATUS_LABELS: Readonly<Record<ReportDutyStatus, string>> = {
  assigned: '待报送',
  submitted: '待审核',
  returned: '已退回',
  accepted: '已通过',
  withdrawn: '已撤销',
};

export const DUTY_ESCALATION_RUNG_LABELS: Readonly<Record<DutyEscalationRung, string>> = {
  'overdue-reminder': '逾期催报',
  supervision: '督办',
};

/** Who owes a duty (ADR 0024): catalogue `reportDutyOwingUnitKinds`. */
export const OWING_UNIT_KIND_LABELS: Readonly<Record<OwingUnitKind, string>> = {
  institution: '医疗机构',
  commission: '下级卫生健康行政部门',
};

export const DUTY_WITHDRAW_REASON_LABELS: Readonly<Record<DutyWithdrawReason, string>> = {
  'no-longer-required': '专项行动调整后不再要求',
  'campaign-closed': '专项行动已结束',
};

/** What each of a duty's deadlines is for (DeadlineTerms.purpose), in the catalogue's `deadlinePurposes`. */
export const DUTY_DEADLINE_PURPOSE_LABELS: Readonly<Record<string, string>> = {
  'report-due': '报送期限',
  'report-resubmit': '退回后重新报送期限',
  ...Object.fromEntries(Object.entries(DUTY_ESCALATION_RUNG_LABELS).map(([rung, label]) => [`escalation-${rung}`, `逾期升级：${label}`])),
};
