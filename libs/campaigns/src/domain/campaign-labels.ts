import { CampaignStatus, PhaseStatus, ReportKind, ReportRecurrence } from './campaign-values';

/**
 * The Chinese words of the campaigns context, one map per word list (campaign-values.ts): the one
 * home of these labels, served by GET /catalogue; typed over the codes, so a code without a label
 * does not compile.
 */

/** 报送材料 a phase requires. */
export const REPORT_KIND_LABELS: Readonly<Record<ReportKind, string>> = {
  'implementation-plan': '实施方案',
  'monthly-report': '月报',
  'quarterly-summary': '季度汇总',
  'self-inspection-report': '自查报告',
  'rectification-report': '整改报告',
  'final-report': '总结报告',
};

export const REPORT_RECURRENCE_LABELS: Readonly<Record<ReportRecurrence, string>> = {
  monthly: '每月报送',
  quarterly: '每季度报送',
};

export const CAMPAIGN_STATUS_LABELS: Readonly<Record<CampaignStatus, string>> = {
  launched: '进行中',
  closed: '已结束',
};

export const PHASE_STATUS_LABELS: Readonly<Record<PhaseStatus, string>> = {
  upcoming: '未开始',
  current: '进行中',
  past: '已结束',
};
