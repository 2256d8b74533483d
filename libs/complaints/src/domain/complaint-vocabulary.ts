import { Role } from '@bihuan/core';

/**
 * The closed word lists of a complaint ticket (domain.md §2). They are `as const` arrays so that the
 * API can validate input against the same list the decider checks, and statistics can group by them.
 */

/** How the complaint reached the commission: 窗口, 热线/电话, 网上, 来信, 12345 转办, 其他部门转办. */
export const COMPLAINT_CHANNELS = ['window', 'hotline', 'web', 'letter', '12345', 'agency-transfer'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/**
 * What an institution's own complaint office receives at (首诉负责): its window, its published
 * phone, a letter or e-mail to it. Web submissions, 12345 and other agencies' transfers reach the
 * commission.
 */
export const HOSPITAL_CHANNELS = ['window', 'hotline', 'letter'] as const satisfies readonly ComplaintChannel[];

/**
 * What the complaint is about:
 * `service-attitude` 服务态度 (生冷硬顶推), `medical-quality` 医疗质量, `fees` 收费/乱收费,
 * `red-envelopes-kickbacks` 红包回扣, `medical-ethics` 医德医风, `waiting` 候诊排队,
 * `privacy` 泄露隐私, `environment` 就医环境, `other` 其他.
 */
export const COMPLAINT_CATEGORIES = [
  'service-attitude',
  'medical-quality',
  'fees',
  'red-envelopes-kickbacks',
  'medical-ethics',
  'waiting',
  'privacy',
  'environment',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/** 处理意见: 属实 / 部分属实 / 不属实. */
export const COMPLAINT_DECISIONS = ['substantiated', 'partly-substantiated', 'not-substantiated'] as const;
export type ComplaintDecision = (typeof COMPLAINT_DECISIONS)[number];

/** 满意度: 满意 / 基本满意 / 不满意. */
export const SATISFACTION_RATINGS = ['satisfied', 'basically-satisfied', 'dissatisfied'] as const;
export type SatisfactionRating = (typeof SATISFACTION_RATINGS)[number];

/** Why a complaint is out of scope (不予受理): 已诉讼 / 已调解 / 已走信访 / 其他. */
export const DECLINE_GROUNDS = ['litigation', 'mediation', 'petition', 'other'] as const;
export type DeclineGround = (typeof DECLINE_GROUNDS)[number];

/** Decides the answer limit: `simple` = one department (5 wd), `complex` = several / complex (10 wd). */
export const COMPLAINT_COMPLEXITIES = ['simple', 'complex'] as const;
export type ComplaintComplexity = (typeof COMPLAINT_COMPLEXITIES)[number];

/** Who recorded a follow-up rating: the complainant via the public entry, or staff after a call (回访电话). */
export type FollowUpSource = 'complainant' | 'follow-up-call';

/** Commission staff (卫健委): dispatch, supervise, reopen, decline, close — and the owner's steps of any ticket they oversee. */
export const COMMISSION_ROLES: readonly Role[] = ['inspector', 'leader', 'admin'];
/** Who may approve or deny an extension (延期审批): supervisors and leadership, not operators. */
export const EXTENSION_APPROVER_ROLES: readonly Role[] = ['inspector', 'leader'];

/** A complainant is anonymous, or named with only a subject id and SM4 ciphertext on the record. */
export type Complainant =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'named';
      /** Key-store subject: deleting its key erases the person (crypto-shredding). */
      readonly subjectId: string;
      /** Name and contacts, SM4-encrypted by the application layer under the subject's key. */
      readonly identityCiphertext: string;
    };

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
