import { SHANGHAI_OFFSET_MS } from '@bihuan/core';

/**
 * Closed vocabularies of the ethics context (domain.md §3). Codes are stable English strings stored
 * in events; the Chinese labels are for UI and the export to the periodic-assessment body.
 */

/** Where an archive record comes from: 日常检查 / 问卷调查 / 患者反映 / 投诉举报 / 表扬 / 奖励 / 承诺违约. */
export const ETHICS_SOURCE_KINDS = [
  'inspection',
  'questionnaire',
  'patient-feedback',
  'complaint',
  'commendation',
  'reward',
  'commitment',
] as const;
export type EthicsSourceKind = (typeof ETHICS_SOURCE_KINDS)[number];

/** 优秀 / 良好 / 一般 / 较差, best first. */
export const ETHICS_GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
export type EthicsGrade = (typeof ETHICS_GRADES)[number];

/**
 * One-vote-veto items (一票否决): 索要患者财物, 收受回扣, 严重违规收费, 隐匿/伪造/销毁病历,
 * 失职造成医疗事故. Any one of them in the year forces 较差.
 */
export const VETO_ITEMS = [
  'demanding-money-or-goods',
  'kickbacks',
  'serious-overcharging',
  'medical-records-falsified',
  'accident-from-neglect',
] as const;
export type VetoItem = (typeof VETO_ITEMS)[number];

export const ETHICS_GRADE_LABELS: Readonly<Record<EthicsGrade, string>> = {
  excellent: '优秀',
  good: '良好',
  fair: '一般',
  poor: '较差',
};

export const VETO_ITEM_LABELS: Readonly<Record<VetoItem, string>> = {
  'demanding-money-or-goods': '索要患者财物',
  kickbacks: '收受回扣',
  'serious-overcharging': '严重违规收费',
  'medical-records-falsified': '隐匿、伪造或销毁病历',
  'accident-from-neglect': '失职造成医疗事故',
};

export const ETHICS_SOURCE_LABELS: Readonly<Record<EthicsSourceKind, string>> = {
  inspection: '日常检查',
  questionnaire: '问卷调查',
  'patient-feedback': '患者反映',
  complaint: '投诉举报',
  commendation: '表扬',
  reward: '奖励',
  commitment: '信用承诺',
};

function isOneOf<T extends string>(values: readonly T[]) {
  return (value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);
}

export const isEthicsSourceKind = isOneOf<EthicsSourceKind>(ETHICS_SOURCE_KINDS);
export const isEthicsGrade = isOneOf<EthicsGrade>(ETHICS_GRADES);
export const isVetoItem = isOneOf<VetoItem>(VETO_ITEMS);

/** The event that caused a record, when a saga (or a linked case) added it: audit across streams. */
export interface CausedBy {
  /** The stream of the causing event, when known (e.g. `complaintTicket-T1`). */
  readonly stream: string | null;
  readonly eventId: string;
}

/** The calendar year (Asia/Shanghai, UTC+8 without DST) an ISO instant falls in. */
export function shanghaiYear(iso: string): number {
  return new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).getUTCFullYear();
}
