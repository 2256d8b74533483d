import { DomainEvent, EventTypes } from '@bihuan/core';
import { EthicsGrade, VetoItem } from '../ethics-values';

type E<T extends string, D extends object> = DomainEvent<T, D & { readonly evaluationId: string }>;

export type EthicsEvaluationOpened = E<
  'EthicsEvaluationOpened',
  {
    institutionId: string;
    year: number;
    staffId: string;
    departmentId: string | null;
    openedBy: string;
    policyVersion: string;
  }
>;
export type SelfEvaluationSubmitted = E<
  'SelfEvaluationSubmitted',
  { summary: string; selfScore: number | null; submittedBy: string; submittedAt: string }
>;
export type EthicsEvaluationReviewed = E<
  'EthicsEvaluationReviewed',
  { departmentScore: number; comment: string | null; reviewedBy: string; reviewedAt: string }
>;
export type EthicsEvaluationScored = E<
  'EthicsEvaluationScored',
  {
    assessedScore: number;
    deductions: number;
    additions: number;
    bonus: number;
    finalScore: number;
    vetoItems: VetoItem[];
    provisionalGrade: EthicsGrade;
    reason: string;
    archiveRecordIds: string[];
    comment: string | null;
    scoredBy: string;
    scoredAt: string;
    policyVersion: string;
  }
>;
export type EthicsEvaluationPosted = E<'EthicsEvaluationPosted', { from: string; until: string; postedBy: string }>;
export type EthicsEvaluationFinalised = E<
  'EthicsEvaluationFinalised',
  {
    institutionId: string;
    year: number;
    staffId: string;
    grade: EthicsGrade;
    provisionalGrade: EthicsGrade;
    finalScore: number;
    downgradedByCap: boolean;
    /** False for a grade that fails the physician's periodic assessment (定期考核). */
    passesPeriodicAssessment: boolean;
    finalisedBy: string;
    finalisedAt: string;
    policyVersion: string;
  }
>;

export type EthicsEvaluationEvent =
  | EthicsEvaluationOpened
  | SelfEvaluationSubmitted
  | EthicsEvaluationReviewed
  | EthicsEvaluationScored
  | EthicsEvaluationPosted
  | EthicsEvaluationFinalised;

/** Every type an ethics evaluation stream holds, for narrowing events read from the log (isEventOf). */
export const ETHICS_EVALUATION_EVENTS: EventTypes<EthicsEvaluationEvent> = {
  EthicsEvaluationOpened: true,
  SelfEvaluationSubmitted: true,
  EthicsEvaluationReviewed: true,
  EthicsEvaluationScored: true,
  EthicsEvaluationPosted: true,
  EthicsEvaluationFinalised: true,
};
