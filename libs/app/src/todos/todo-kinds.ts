import { Role } from '@bihuan/core';
import { REPORT_DUTY_STEP_KINDS, ReportDutyOpenStep, ReportDutyStepKind } from '@bihuan/campaigns';
import { COMPLAINT_STEP_KINDS, ComplaintOpenStep, ComplaintStepKind } from '@bihuan/complaints';
import { DRAW_STEP_KINDS, DrawOpenStep, DrawStepKind } from '@bihuan/credit';
import { ETHICS_STEP_KINDS, EthicsOpenStep, EthicsStepKind } from '@bihuan/ethics';
import { FINDING_STEP_KINDS, FindingOpenStep, FindingStepKind } from '@bihuan/inspection';
import { REFERRAL_STEP_KINDS, ReferralOpenStep, ReferralStepKind } from '@bihuan/referrals';

/**
 * The kinds of open step a to-do list shows (docs/todos.md; each context says which of its steps
 * are open, from its own read model): who each waits on and its Chinese title. A step is on
 * someone's list while the read model says it is waiting, and leaves it when the step is taken,
 * because the list is read from the same rows the step changes.
 */
export const TODO_KINDS = [
  ...FINDING_STEP_KINDS,
  ...COMPLAINT_STEP_KINDS,
  ...ETHICS_STEP_KINDS,
  ...REPORT_DUTY_STEP_KINDS,
  ...REFERRAL_STEP_KINDS,
  ...DRAW_STEP_KINDS,
] as const;

export type TodoKind = FindingStepKind | ComplaintStepKind | EthicsStepKind | ReportDutyStepKind | ReferralStepKind | DrawStepKind;

export interface TodoKindInfo {
  /** 待办 title shown to people. */
  readonly title: string;
  /**
   * The role whose list it is on (scoped to the unit: the institution for hospital, the jurisdiction otherwise).
   * The owner's complaint steps (dispatch, follow-up) are a hospital's too for a ticket its own office received;
   * a draw's reveal is its leaders' too (DRAW_ROLES).
   */
  readonly role: Extract<Role, 'hospital' | 'inspector' | 'partner'>;
}

export const TODO_KIND_INFO: Readonly<Record<TodoKind, TodoKindInfo>> = {
  'rectification-notice': { title: '整改通知待下发', role: 'inspector' },
  'rectification-plan': { title: '整改方案待提交', role: 'hospital' },
  'sign-off-verification': { title: '销号申请待核验', role: 'inspector' },
  'extension-decision': { title: '延期申请待审批', role: 'inspector' },
  recheck: { title: '回头看待开展', role: 'inspector' },
  'complaint-dispatch': { title: '投诉待受理转办', role: 'inspector' },
  'complaint-acknowledge': { title: '投诉待签收', role: 'hospital' },
  'complaint-answer': { title: '投诉待办理答复', role: 'hospital' },
  'complaint-follow-up': { title: '投诉待回访', role: 'inspector' },
  'ethics-evaluation': { title: '医德考评待完成', role: 'hospital' },
  // Also a lower commission's inspectors, for a report their own unit owes (ADR 0024).
  'report-duty': { title: '报送材料待提交', role: 'hospital' },
  'report-duty-review': { title: '报送材料待审核', role: 'inspector' },
  'referral-acknowledge': { title: '移交待签收', role: 'partner' },
  'referral-outcome': { title: '移交待反馈处理结果', role: 'partner' },
  'referral-close': { title: '移交结果待办结', role: 'inspector' },
  'draw-reveal': { title: '揭示抽取种子', role: 'inspector' },
};

/** An open step as the contexts' read models know it, before the calendar says how much time is left. */
export type OpenStep = FindingOpenStep | ComplaintOpenStep | EthicsOpenStep | ReportDutyOpenStep | ReferralOpenStep | DrawOpenStep;
