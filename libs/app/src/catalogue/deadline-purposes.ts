import { DUTY_DEADLINE_PURPOSE_LABELS } from '@bihuan/campaigns';
import { COMPLAINT_TIMED_STEP_LABELS } from '@bihuan/complaints';
import { CREDIT_LIST_LABELS } from '@bihuan/credit';
import { ESCALATION_RUNG_LABELS } from '@bihuan/inspection';

/**
 * Catalogue `deadlinePurposes`: what each kind of deadline is for, as the admin's list of pending
 * deadlines shows it. Each context names its own purposes (a complaint's clocks, a finding's
 * `rectify` / `recheck` / `escalation-<rung>`, credit's cycle and list expiries); this composes them.
 */
export const DEADLINE_PURPOSE_LABELS: Readonly<Record<string, string>> = {
  ...COMPLAINT_TIMED_STEP_LABELS,
  supervision: '督办',
  rectify: '整改',
  recheck: '回头看',
  ...Object.fromEntries(Object.entries(ESCALATION_RUNG_LABELS).map(([rung, label]) => [`escalation-${rung}`, `逾期升级：${label}`])),
  'credit-cycle': '信用记分周期',
  ...Object.fromEntries(Object.entries(CREDIT_LIST_LABELS).map(([list, label]) => [`${list}-list-expiry`, `${label}期满`])),
  'referral-acknowledge': '协同部门签收移交',
  ...DUTY_DEADLINE_PURPOSE_LABELS,
};
