/** Closed vocabularies of the credit context (domain.md §4). Codes are stored in events; labels in credit-labels.ts. */

/** Credit information classes (seed 002): 基础信息 / 不良信息 / 黑名单信息. */
export const CREDIT_INFO_CLASSES = ['basic', 'adverse', 'blacklist'] as const;
export type CreditInfoClass = (typeof CREDIT_INFO_CLASSES)[number];

/**
 * The kinds of credit information the system itself records or knows by name (a person may record
 * others): 许可信息, 行政处罚, 违背信用承诺 (the commitmentBreach saga), 联合惩戒, and 表彰 — a
 * commission's commendation of an institution or one of its departments, always basic information
 * (seed 002: public until the subject ceases; 守信激励 in seeds 001–003).
 */
export const CREDIT_INFORMATION_KINDS = ['licence', 'penalty', 'commitment-breach', 'joint-discipline', 'commendation'] as const;
export type CreditInformationKind = (typeof CREDIT_INFORMATION_KINDS)[number];

/** 红名单 / 黑名单. */
export const CREDIT_LISTS = ['red', 'black'] as const;
export type CreditList = (typeof CREDIT_LISTS)[number];

/** A/B/C/D, best first. */
export const CREDIT_LEVELS = ['A', 'B', 'C', 'D'] as const;
export type CreditLevel = (typeof CREDIT_LEVELS)[number];

/**
 * Measures imposed when a cycle's points reach a threshold (Guizhou 2019): 重点监管, 书面建议,
 * 约谈负责人, 当年不得评优, 通报, 暂缓校验.
 */
export const CREDIT_MEASURES = [
  'key-supervision',
  'written-advice',
  'summons',
  'no-awards',
  'public-notice',
  'licence-validation-deferred',
] as const;
export type CreditMeasure = (typeof CREDIT_MEASURES)[number];

/**
 * 机构承诺 / 员工承诺 / 医患"不收不送红包"协议 / 医院与供应商廉洁诚信协议 (seed 000: 医院与供应商签订廉洁
 * 诚信协议): the last names its other party, a supplier outside the directory (CommitmentSupplier).
 */
export const COMMITMENT_KINDS = ['institution', 'staff', 'no-red-envelope', 'supplier-integrity'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

/**
 * 准入信用核查的对象 (issue 22): an organisation by its 统一社会信用代码 (法人和其他组织), or a person by
 * their 居民身份证号 (自然人) — applicants who may not be institutions (yet).
 */
export const CREDIT_SUBJECT_KINDS = ['organisation', 'person'] as const;
export type CreditSubjectKind = (typeof CREDIT_SUBJECT_KINDS)[number];

/** 核查事由: the licensing procedure a credit check is made for. */
export const CREDIT_CHECK_PURPOSES = [
  'institution-registration',
  'institution-change',
  'institution-validation',
  'physician-registration',
  'nurse-registration',
  'other-licence',
] as const;
export type CreditCheckPurpose = (typeof CREDIT_CHECK_PURPOSES)[number];

/** The supplier that signed a 廉洁诚信协议 with the institution: its name and 统一社会信用代码 (GB 32100). */
export interface CommitmentSupplier {
  readonly name: string;
  readonly creditCode: string;
}

/** The event that caused something (audit across streams). */
export interface CausedBy {
  readonly stream: string | null;
  readonly eventId: string;
}

/** Where points or a record come from; a superset of what the complaints context sends. */
export interface CreditSourceRef {
  readonly kind: string;
  readonly eventId?: string | null;
  readonly stream?: string | null;
  readonly ticketId?: string;
  readonly findingId?: string;
  readonly commitmentId?: string;
  readonly round?: number;
  readonly ref?: string | null;
}

function isOneOf<T extends string>(values: readonly T[]) {
  return (value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);
}
export const isCreditInfoClass = isOneOf<CreditInfoClass>(CREDIT_INFO_CLASSES);
export const isCreditList = isOneOf<CreditList>(CREDIT_LISTS);
export const isCommitmentKind = isOneOf<CommitmentKind>(COMMITMENT_KINDS);
export const isCreditCheckPurpose = isOneOf<CreditCheckPurpose>(CREDIT_CHECK_PURPOSES);

/** ISO instant + whole calendar months (UTC arithmetic, day clamped to the month's end). Pure. */
export function addMonths(iso: string, months: number): string {
  const d = new Date(Date.parse(iso));
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString();
}
