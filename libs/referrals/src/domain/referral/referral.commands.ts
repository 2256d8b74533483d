import { Command, EvidenceFile, ExpireDeadlineData, WarnDeadlineData } from '@bihuan/core';
import { ReferralClockTerms, ReferralPolicy } from '../referral-policy';
import { ReferralOutcome, ReferralSourceCategory } from '../referral-values';

/** The case referred, as the application layer found it: its stream, category and the institution it belongs to. */
export interface ReferralSource {
  readonly stream: string;
  readonly category: ReferralSourceCategory;
  /** The institution the case belongs to; null for a case of a commission (a complaint not yet dispatched). */
  readonly institutionId: string | null;
}

/** 移交: a commission refers a case to a partner agency, with the case file already kept. */
export type MakeReferral = Command<
  'MakeReferral',
  {
    readonly referralId: string;
    readonly source: ReferralSource;
    /** The referring commission (the actor's unit). */
    readonly fromUnit: string;
    /** The partner agency (a directory unit of kind agency). */
    readonly toUnit: string;
    readonly agencyType: string;
    readonly reason: string;
    /** The case file (the audit dossier of the source case), already in the blob store under its SM3 digest. */
    readonly dossier: EvidenceFile;
    readonly acknowledge: ReferralClockTerms;
    readonly policy: ReferralPolicy;
  }
>;
/** 签收 by a user of the agency it was referred to. */
export type AcknowledgeReferral = Command<'AcknowledgeReferral', Record<string, never>>;
/** A document of the agency's answer (立案决定书 …), cited by the outcome. */
export type AttachReferralEvidence = Command<'AttachEvidence', { readonly file: EvidenceFile; readonly note: string | null }>;
/** 反馈处理结果 by the agency. */
export type RecordReferralOutcome = Command<
  'RecordReferralOutcome',
  { readonly outcome: ReferralOutcome; readonly text: string; readonly evidence: readonly string[] }
>;
/** 办结 by the referring commission, once the agency answered. */
export type CloseReferral = Command<'CloseReferral', { readonly note: string | null }>;
export type ReferralWakeUp = Command<'WarnDeadline', WarnDeadlineData> | Command<'ExpireDeadline', ExpireDeadlineData>;

export type ReferralCommand =
  MakeReferral | AcknowledgeReferral | AttachReferralEvidence | RecordReferralOutcome | CloseReferral | ReferralWakeUp;
