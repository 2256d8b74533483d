import { DEADLINE_EVENTS, DeadlineEvent, DomainEvent, EVIDENCE_EVENTS, EvidenceEvent, EventTypes } from '@bihuan/core';
import { ReferralOutcome, ReferralSourceCategory } from '../referral-values';

/** Events of a referral, stream `referral-<referralId>` (docs/events/referrals.md). */
export type ReferralMade = DomainEvent<
  'ReferralMade',
  {
    readonly referralId: string;
    readonly sourceStream: string;
    readonly sourceCategory: ReferralSourceCategory;
    readonly institutionId: string | null;
    readonly fromUnit: string;
    readonly toUnit: string;
    readonly agencyType: string;
    readonly reason: string;
    /** SM3 of the case file sent with it (its EvidenceAttached follows). */
    readonly dossierDigest: string;
    readonly referredBy: string;
    readonly referredAt: string;
    readonly policyVersion: string;
  }
>;
export type ReferralAcknowledged = DomainEvent<
  'ReferralAcknowledged',
  { readonly referralId: string; readonly acknowledgedBy: string; readonly acknowledgedAt: string; readonly late: boolean }
>;
export type ReferralOutcomeRecorded = DomainEvent<
  'ReferralOutcomeRecorded',
  {
    readonly referralId: string;
    readonly outcome: ReferralOutcome;
    readonly text: string;
    /** Digests of files attached to this referral (the agency's documents). */
    readonly evidence: readonly string[];
    readonly recordedBy: string;
    readonly recordedAt: string;
  }
>;
export type ReferralClosed = DomainEvent<
  'ReferralClosed',
  { readonly referralId: string; readonly note: string | null; readonly closedBy: string; readonly closedAt: string }
>;

export type ReferralDomainEvent = ReferralMade | ReferralAcknowledged | ReferralOutcomeRecorded | ReferralClosed;
export type ReferralEvent = ReferralDomainEvent | DeadlineEvent | EvidenceEvent;

/** The referral's own event types (its summaries); the stream also holds deadline and evidence events. */
export const REFERRAL_DOMAIN_EVENTS: EventTypes<ReferralDomainEvent> = {
  ReferralMade: true,
  ReferralAcknowledged: true,
  ReferralOutcomeRecorded: true,
  ReferralClosed: true,
};

/** Every type a referral stream holds, for narrowing events read from the log (isEventOf). */
export const REFERRAL_EVENTS: EventTypes<ReferralEvent> = { ...REFERRAL_DOMAIN_EVENTS, ...DEADLINE_EVENTS, ...EVIDENCE_EVENTS };
