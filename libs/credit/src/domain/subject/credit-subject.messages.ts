import { Command, DomainEvent, EventTypes } from '@bihuan/core';
import { CreditInformation } from '../archive/credit-records.decide';
import { CreditCheckPurpose, CreditLevel, CreditSubjectKind } from '../credit-values';

/**
 * An applicant's credit (准入信用核查, issue 22; ADR 0019): stream `creditSubject-<subjectKey>`, keyed by
 * the identifier the applicant gives, so records exist before the applicant is an institution.
 * `org.<统一社会信用代码>` for an organisation (the code is public registration data);
 * `person.<lookup>` for a person, where `lookup` is the keyed SM3 digest of their 居民身份证号
 * (PersonalDataLookup) — the number itself is only ever in the log sealed under the person's key.
 */
export const CREDIT_SUBJECT_CATEGORY = 'creditSubject';

/** The PersonalDataLookup purpose persons are found by. */
export const PERSON_LOOKUP_PURPOSE = 'credit-person';

export const organisationSubjectKey = (creditCode: string): string => `org.${creditCode}`;
export const personSubjectKey = (lookup: string): string => `person.${lookup}`;
/** The privacy subject a person's ID number is sealed for: erasing it shreds the number, the credit records stay. */
export const personPrivacySubject = (lookup: string): string => `creditPerson.${lookup}`;

/** A person's ID number sealed under their own key (docs/privacy.md): the audit shows it as IDENTITY_DISPLAY allows. */
export interface SealedIdentity {
  readonly subjectId: string;
  readonly identityCiphertext: string;
}

/**
 * Who the applicant is, as a command names them: never a person's number in clear. A person's
 * sealed number is needed only to register them (their first command); later commands may leave
 * it out, so a person whose key was erased can still be checked and recorded by their lookup.
 */
export type ApplicantSubject =
  | { readonly kind: 'organisation'; readonly creditCode: string }
  | { readonly kind: 'person'; readonly lookup: string; readonly sealed: SealedIdentity | null };

/**
 * What a check found, as the checking office was shown it (the level's reason withheld when it is
 * the black list, as for every reader but partners): recorded on the check, so the record says what
 * the licence was decided on.
 */
export interface CreditCheckSummary {
  readonly level: CreditLevel;
  readonly reason: string;
  /** Adverse items in the level rule's window (creditLevel). */
  readonly adverseInWindow: number;
  /** Adverse items shown: those that occurred within `adversePublicYears` (5). */
  readonly adverseRecords: number;
  readonly redListed: boolean;
}

type C<T extends string, D extends object> = Command<T, D & { readonly subjectKey: string; readonly subject: ApplicantSubject }>;

/**
 * 准入信用核查: the approving office checks the applicant for a licensing procedure. The result is
 * computed by the application layer as of the command's `now` under the policy in force (it reads
 * the applicant's records and, for an organisation already in the directory, the institution's).
 */
export type CheckApplicantCredit = C<
  'CheckApplicantCredit',
  {
    readonly checkId: string;
    readonly purpose: CreditCheckPurpose;
    readonly applicationRef: string;
    /** The directory institution with this 统一社会信用代码 when the check was made, else null. */
    readonly institutionId: string | null;
    readonly result: CreditCheckSummary;
  }
>;

/** The applicant supplied false material (提供虚假材料): an adverse record, points as the policy sets them. */
export type ReportFalseMaterial = C<
  'ReportFalseMaterial',
  {
    readonly findingId: string;
    readonly purpose: CreditCheckPurpose;
    readonly applicationRef: string;
    readonly description: string;
    readonly occurredAt: string;
  }
>;

export type CreditSubjectCommand = CheckApplicantCredit | ReportFalseMaterial;

type E<T extends string, D extends object> = DomainEvent<T, D & { readonly subjectKey: string }>;

/** First event of a subject: who it is (an organisation's code, a person's sealed number) and where it was first met. */
export type CreditSubjectRegistered = E<
  'CreditSubjectRegistered',
  {
    kind: CreditSubjectKind;
    creditCode: string | null;
    sealed: SealedIdentity | null;
    registeredBy: string;
    registeredIn: string;
    registeredAt: string;
  }
>;

export type CreditChecked = E<
  'CreditChecked',
  {
    checkId: string;
    kind: CreditSubjectKind;
    purpose: CreditCheckPurpose;
    applicationRef: string;
    institutionId: string | null;
    result: CreditCheckSummary;
    checkedBy: string;
    checkedIn: string;
    checkedAt: string;
    policyVersion: string;
  }
>;

/** The finding; its adverse record follows as CreditInformationRecorded (kind `false-material`). */
export type FalseMaterialFound = E<
  'FalseMaterialFound',
  {
    findingId: string;
    recordId: string;
    purpose: CreditCheckPurpose;
    applicationRef: string;
    description: string;
    occurredAt: string;
    behaviour: 'false-material';
    /** CreditPolicy.behaviourPoints['false-material'] in force, null when the policy lists none. */
    points: number | null;
    foundBy: string;
    foundIn: string;
    policyVersion: string;
  }
>;

/** The same record the archives hold (informationRecord), owned by the subject. */
export type SubjectInformationRecorded = E<'CreditInformationRecorded', CreditInformation>;

export type CreditSubjectOwnEvent = CreditSubjectRegistered | CreditChecked | FalseMaterialFound;
export type CreditSubjectEvent = CreditSubjectOwnEvent | SubjectInformationRecorded;

export const CREDIT_SUBJECT_EVENTS: EventTypes<CreditSubjectEvent> = {
  CreditSubjectRegistered: true,
  CreditChecked: true,
  FalseMaterialFound: true,
  CreditInformationRecorded: true,
};
