import { Injectable } from '@nestjs/common';
import { isValidCreditCode, isValidResidentId, normaliseIdentifier } from '@bihuan/core';
import { maskIdNumber, PersonalDataCipher, PersonalDataLookup } from '@bihuan/privacy';
import { creditError } from '../domain/credit-errors';
import { CreditSubjectKind } from '../domain/credit-values';
import {
  ApplicantSubject,
  organisationSubjectKey,
  PERSON_LOOKUP_PURPOSE,
  personPrivacySubject,
  personSubjectKey,
} from '../domain/subject/credit-subject.messages';
import { ApplicantCreditQueries } from '../read-models/applicant-credit.queries';

/** An applicant as an office names them: the kind and the identifier they gave. */
export interface ApplicantInput {
  readonly subjectKind: CreditSubjectKind;
  readonly identifier: string;
}

/** The applicant as commands name them, and as answers show them. */
export interface IdentifiedApplicant {
  readonly command: { readonly subjectKey: string; readonly subject: ApplicantSubject };
  /** An organisation's 统一社会信用代码; a person's ID number masked (maskIdNumber: first 4, last 4). */
  readonly shown: string;
}

const invalid = (kind: CreditSubjectKind): Error =>
  creditError(
    'IDENTIFIER_INVALID',
    kind === 'organisation'
      ? 'identifier must be a unified social credit code: 18 characters (no I, O, S, V, Z) with a valid GB 32100 check character'
      : 'identifier must be a resident ID number: 17 digits with a real birth date and a valid GB 11643 check character (0–9 or X)',
    { field: 'identifier' },
  );

/**
 * Turns an identifier into the subject's key (ADR 0019): an organisation by its code; a person by
 * the keyed lookup digest of their number, which is sealed under their own key for their first
 * record and never kept in clear. The DTO has validated the identifier already; this is the same
 * rule (core's identifiers), for callers that are not HTTP.
 */
@Injectable()
export class ApplicantIdentifiers {
  constructor(
    private readonly lookup: PersonalDataLookup,
    private readonly cipher: PersonalDataCipher,
    private readonly queries: ApplicantCreditQueries,
  ) {}

  async identify(input: ApplicantInput): Promise<IdentifiedApplicant> {
    const value = normaliseIdentifier(input.identifier);
    if (input.subjectKind === 'organisation') {
      if (!isValidCreditCode(value)) throw invalid('organisation');
      return { command: { subjectKey: organisationSubjectKey(value), subject: { kind: 'organisation', creditCode: value } }, shown: value };
    }
    if (!isValidResidentId(value)) throw invalid('person');
    const lookup = await this.lookup.digest(PERSON_LOOKUP_PURPOSE, value);
    const subjectKey = personSubjectKey(lookup);
    const subjectId = personPrivacySubject(lookup);
    // Sealed for the first record only: a known person (whose key may since have been erased) is found by the lookup alone.
    const sealed = (await this.queries.isRegistered(subjectKey))
      ? null
      : { subjectId, identityCiphertext: await this.cipher.encrypt(subjectId, { idNumber: value }) };
    return { command: { subjectKey, subject: { kind: 'person', lookup, sealed } }, shown: maskIdNumber(value) };
  }
}
