import { chineseDate } from '@bihuan/core';

/**
 * Words the notifications share with the contexts' catalogues. The rules are pure and may import
 * only @bihuan/core, so these are copies of the labels in libs/inspection/src/domain/inspection-labels.ts
 * (ESCALATION_RUNG_LABELS), libs/campaigns (REPORT_KIND_LABELS, DUTY_ESCALATION_RUNG_LABELS) and of
 * the deadline names of the inspection, complaints and campaigns summaries;
 * notification-wording.unit.spec.ts checks them against the originals.
 */
export const RUNG_LABELS: Readonly<Record<string, string>> = {
  'reminder-letter': '提醒敦促函',
  'rectification-notice': '整改通知书',
  summons: '约谈通知书',
  'listed-supervision': '挂牌督办',
  'public-notice': '通报',
};

/** 报送材料 a campaign requires (REPORT_KIND_LABELS). */
export const REPORT_KIND_WORDS: Readonly<Record<string, string>> = {
  'implementation-plan': '实施方案',
  'monthly-report': '月报',
  'quarterly-summary': '季度汇总',
  'self-inspection-report': '自查报告',
  'rectification-report': '整改报告',
  'final-report': '总结报告',
};

/** A report's overdue ladder (DUTY_ESCALATION_RUNG_LABELS). */
export const DUTY_RUNG_WORDS: Readonly<Record<string, string>> = { 'overdue-reminder': '逾期催报', supervision: '督办' };

/** Why a reporting duty was withdrawn, as the campaigns catalogue words it. */
export const DUTY_WITHDRAW_WORDS: Readonly<Record<string, string>> = {
  'no-longer-required': '专项行动调整后不再要求',
  'campaign-closed': '专项行动已结束',
};

const REPORT_BASE: Readonly<Record<string, string>> = { due: '报送期限', resubmit: '重新报送期限' };

const FINDING_BASE: Readonly<Record<string, string>> = { rectify: '整改时限', recheck: '回头看时限' };
const COMPLAINT_BASE: Readonly<Record<string, string>> = { acknowledge: '签收时限', answer: '答复时限', supervision: '督办时限' };

/** `rectify` → 整改时限, `escalation.summons.r2` → 约谈通知书时限（第2轮）, `answer-2` → 答复时限（第2轮）, `report.due` → 报送期限. */
export function deadlineLabel(deadlineId: string): string {
  const f = /^(rectify|recheck|escalation\.([a-z-]+))(?:\.r(\d+))?$/.exec(deadlineId);
  if (f) {
    const base = f[2] ? `${RUNG_LABELS[f[2]] ?? f[2]}时限` : FINDING_BASE[f[1]!]!;
    return `${base}${f[3] ? `（第${f[3]}轮）` : ''}`;
  }
  const c = /^(acknowledge|answer|supervision)-(\d+)$/.exec(deadlineId);
  if (c) return `${COMPLAINT_BASE[c[1]!]}${Number(c[2]) > 1 ? `（第${c[2]}轮）` : ''}`;
  const r = /^report\.(due|resubmit|escalation\.([a-z-]+))(?:\.r(\d+))?$/.exec(deadlineId);
  if (r) {
    const base = r[2] ? `${DUTY_RUNG_WORDS[r[2]] ?? r[2]}时限` : REPORT_BASE[r[1]!]!;
    return `${base}${r[3] ? `（第${r[3]}轮）` : ''}`;
  }
  return '办理时限';
}

/** An ISO instant or date as 2026年1月9日 (Asia/Shanghai); '' for anything that is not a string. */
export function chineseDay(v: unknown): string {
  return typeof v === 'string' ? chineseDate(v) : '';
}
