import { AttachedFiles, DeadlineBook, evolveDeadlines, isDeadlineEvent, withAttached } from '@bihuan/core';
import { ReferralOutcome, ReferralSourceCategory, ReferralStatus } from '../referral-values';
import { ReferralEvent } from './referral.events';

/** What a referral is about and where it went, fixed when it is made. */
export interface ReferralFacts {
  readonly referralId: string;
  readonly sourceStream: string;
  readonly sourceCategory: ReferralSourceCategory;
  readonly institutionId: string | null;
  readonly fromUnit: string;
  readonly toUnit: string;
  readonly agencyType: string;
  readonly reason: string;
  readonly dossierDigest: string;
}

export interface RecordedOutcome {
  readonly outcome: ReferralOutcome;
  readonly text: string;
  readonly evidence: readonly string[];
  readonly recordedBy: string;
  readonly recordedAt: string;
}

export type ReferralState =
  | { readonly status: 'none' }
  | {
      readonly status: ReferralStatus;
      readonly referral: ReferralFacts;
      readonly deadlines: DeadlineBook;
      readonly files: AttachedFiles;
      readonly acknowledgedBy: string | null;
      readonly outcome: RecordedOutcome | null;
    };

export type OpenReferralState = Exclude<ReferralState, { readonly status: 'none' }>;

export const INITIAL_REFERRAL_STATE: ReferralState = { status: 'none' };

/** Folds one event of a referral stream (pure). */
export function evolveReferral(state: ReferralState, event: ReferralEvent): ReferralState {
  if (event.type === 'ReferralMade') {
    const { referredBy: _by, referredAt: _at, policyVersion: _p, ...referral } = event.data;
    return { status: 'referred', referral, deadlines: {}, files: {}, acknowledgedBy: null, outcome: null };
  }
  if (state.status === 'none') return state;
  if (isDeadlineEvent(event)) return { ...state, deadlines: evolveDeadlines(state.deadlines, event) };
  switch (event.type) {
    case 'EvidenceAttached':
      return { ...state, files: withAttached(state.files, event) };
    case 'ReferralAcknowledged':
      return { ...state, status: 'acknowledged', acknowledgedBy: event.data.acknowledgedBy };
    case 'ReferralOutcomeRecorded': {
      const { referralId: _id, ...outcome } = event.data;
      return { ...state, status: 'answered', outcome };
    }
    case 'ReferralClosed':
      return { ...state, status: 'closed' };
  }
}
