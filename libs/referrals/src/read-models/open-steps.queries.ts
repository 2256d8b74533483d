import { Kysely, sql } from 'kysely';
import { CONSOLE_LINKS, excerpt } from '@bihuan/core';
import { REFERRAL_SOURCE_LABELS, ReferralSourceCategory } from '../domain/referral-values';
import { ReferralsTables } from './referrals.migrations';

/** The referral steps a to-do list (待办, docs/todos.md) shows. */
export const REFERRAL_STEP_KINDS = ['referral-acknowledge', 'referral-outcome', 'referral-close'] as const;
export type ReferralStepKind = (typeof REFERRAL_STEP_KINDS)[number];

/** Whose referral steps to read: the partner's own agency, and the units an inspector's jurisdiction holds. */
export interface ReferralStepScope {
  readonly agency: string | null;
  readonly commissionUnits: readonly string[];
}

export interface ReferralOpenStep {
  readonly kind: ReferralStepKind;
  readonly caseId: string;
  readonly institutionId: string | null;
  /** The unit that must act: the agency, or the unit whose jurisdiction reads the referral. */
  readonly unitId: string;
  /** What was referred and why: 问题移交：涉嫌非法行医… (the reason as one short line, `excerpt`). */
  readonly summary: string;
  readonly link: string;
  readonly dueAt: string | null;
  readonly since: string;
}

const KIND_OF_STATUS: Readonly<Record<string, ReferralStepKind>> = {
  referred: 'referral-acknowledge',
  acknowledged: 'referral-outcome',
  answered: 'referral-close',
};

/**
 * Open steps of referrals (the referral decider says who takes each): the agency acknowledges a
 * referral (签收, due at the acknowledgement deadline) and records its outcome (反馈, no deadline
 * in the domain); the referring side's inspectors close it once answered (办结).
 */
export async function referralOpenSteps(db: Kysely<ReferralsTables>, scope: ReferralStepScope): Promise<ReferralOpenStep[]> {
  const units = scope.commissionUnits;
  if (scope.agency === null && units.length === 0) return [];
  const rows = await db
    .selectFrom('referrals_referrals')
    .select([
      'referral_id',
      'source_category',
      'reason',
      'institution_id',
      'to_unit',
      'scope_unit',
      'status',
      'ack_due_at',
      'referred_at',
      'acknowledged_at',
      'outcome_at',
    ])
    .where((eb) =>
      eb.or([
        eb.and([eb('to_unit', '=', scope.agency ?? ''), eb('status', 'in', ['referred', 'acknowledged'])]),
        eb.and([units.length === 0 ? sql<boolean>`1 = 0` : eb('scope_unit', 'in', [...units]), eb('status', '=', 'answered')]),
      ]),
    )
    .execute();
  return rows.map((r) => {
    const kind = KIND_OF_STATUS[r.status]!;
    return {
      kind,
      caseId: r.referral_id,
      institutionId: r.institution_id,
      unitId: kind === 'referral-close' ? r.scope_unit : r.to_unit,
      summary: `${REFERRAL_SOURCE_LABELS[r.source_category as ReferralSourceCategory] ?? r.source_category}移交：${excerpt(r.reason)}`,
      link: CONSOLE_LINKS.referral(r.referral_id),
      dueAt: kind === 'referral-acknowledge' ? r.ack_due_at : null,
      since:
        (kind === 'referral-acknowledge' ? r.referred_at : kind === 'referral-outcome' ? r.acknowledged_at : r.outcome_at) ?? r.referred_at,
    };
  });
}
