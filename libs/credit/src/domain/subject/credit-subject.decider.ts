import { assertNever, CommandMetadata, Decider, deterministicId, isValidCreditCode } from '@bihuan/core';
import { informationRecord } from '../archive/credit-records.decide';
import { creditError } from '../credit-errors';
import { CREDIT_CHECK_PURPOSE_LABELS } from '../credit-labels';
import { CreditPolicy, DEFAULT_CREDIT_POLICY } from '../credit-policy';
import { requireIsoDate, requireRole, requireText } from '../credit-rules';
import { CREDIT_LEVELS, CreditCheckPurpose, isCreditCheckPurpose } from '../credit-values';
import {
  ApplicantSubject,
  CheckApplicantCredit,
  CreditCheckSummary,
  CreditSubjectCommand,
  CreditSubjectEvent,
  CreditSubjectRegistered,
  organisationSubjectKey,
  personPrivacySubject,
  personSubjectKey,
  ReportFalseMaterial,
} from './credit-subject.messages';
import { CreditSubjectState, evolveCreditSubject, initialCreditSubjectState } from './credit-subject.state';

const LOOKUP = /^[0-9a-f]{32}$/;
const APPLICATION_REF = 100;

/** The adverse record of a false-material finding: one per finding, so a repeated report records nothing new. */
export const falseMaterialRecordId = (findingId: string): string => deterministicId('creditInformation', 'false-material', findingId);

/**
 * The subject a command names must be the stream's: an organisation's code valid (GB 32100) and
 * its key `org.<code>`; a person's key `person.<lookup>`, their number (when given) sealed for `creditPerson.<lookup>`.
 */
function checkSubject(subjectKey: string, subject: ApplicantSubject): void {
  if (subject.kind === 'organisation') {
    if (!isValidCreditCode(subject.creditCode))
      throw creditError('IDENTIFIER_INVALID', `"${subject.creditCode}" is not a unified social credit code with a valid check character`, {
        field: 'identifier',
      });
    if (subjectKey !== organisationSubjectKey(subject.creditCode))
      throw creditError('SUBJECT_MISMATCH', `subject ${subjectKey} is not organisation ${subject.creditCode}`, { field: 'identifier' });
    return;
  }
  if (subject.kind !== 'person') return assertNever(subject, 'applicant subject');
  if (!LOOKUP.test(subject.lookup) || subjectKey !== personSubjectKey(subject.lookup))
    throw creditError('SUBJECT_MISMATCH', `subject ${subjectKey} is not the person looked up`, { field: 'identifier' });
  if (subject.sealed && (subject.sealed.subjectId !== personPrivacySubject(subject.lookup) || !subject.sealed.identityCiphertext))
    throw creditError('SUBJECT_MISMATCH', `the ID number of ${subjectKey} must be sealed for ${personPrivacySubject(subject.lookup)}`, {
      field: 'identifier',
    });
}

function requirePurpose(value: unknown): CreditCheckPurpose {
  if (!isCreditCheckPurpose(value)) throw creditError('PURPOSE_UNKNOWN', `unknown check purpose "${String(value)}"`, { field: 'purpose' });
  return value;
}

function requireSummary(result: CreditCheckSummary): CreditCheckSummary {
  const count = (n: unknown): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (!CREDIT_LEVELS.includes(result.level) || !count(result.adverseInWindow) || !count(result.adverseRecords))
    throw creditError('FIELD_REQUIRED', 'a check records its result: level, adverse counts, red list', { field: 'result' });
  return { ...result, reason: requireText(result.reason, 'result.reason') };
}

/** CreditSubjectRegistered when the stream is new; the first office to meet the applicant is where it was registered. */
function registration(command: CreditSubjectCommand, state: CreditSubjectState): CreditSubjectRegistered[] {
  if (state.status === 'registered') return [];
  const { subjectKey, subject } = command.data;
  const { actor, now } = command.metadata;
  if (subject.kind === 'person' && !subject.sealed)
    throw creditError('FIELD_REQUIRED', `${subjectKey} is new: a person is registered with their sealed ID number`, {
      field: 'identifier',
    });
  return [
    {
      type: 'CreditSubjectRegistered',
      data: {
        subjectKey,
        kind: subject.kind,
        creditCode: subject.kind === 'organisation' ? subject.creditCode : null,
        sealed: subject.kind === 'person' && subject.sealed ? { ...subject.sealed } : null,
        registeredBy: actor.id,
        registeredIn: actor.unit,
        registeredAt: now,
      },
    },
  ];
}

function check(command: CheckApplicantCredit, state: CreditSubjectState, policy: CreditPolicy): CreditSubjectEvent[] {
  const { data, metadata } = command;
  const checkId = requireText(data.checkId, 'checkId');
  if (state.status === 'registered' && state.checkIds[checkId]) return [];
  return [
    ...registration(command, state),
    {
      type: 'CreditChecked',
      data: {
        subjectKey: data.subjectKey,
        checkId,
        kind: data.subject.kind,
        purpose: requirePurpose(data.purpose),
        applicationRef: requireText(data.applicationRef, 'applicationRef', APPLICATION_REF),
        institutionId: data.institutionId ?? null,
        result: requireSummary(data.result),
        checkedBy: metadata.actor.id,
        checkedIn: metadata.actor.unit,
        checkedAt: metadata.now,
        policyVersion: policy.policyVersion,
      },
    },
  ];
}

function falseMaterial(command: ReportFalseMaterial, state: CreditSubjectState, policy: CreditPolicy): CreditSubjectEvent[] {
  const { data, metadata } = command;
  const findingId = requireText(data.findingId, 'findingId');
  if (state.status === 'registered' && state.findings[findingId]) return [];
  const purpose = requirePurpose(data.purpose);
  const applicationRef = requireText(data.applicationRef, 'applicationRef', APPLICATION_REF);
  const description = requireText(data.description, 'description');
  const occurredAt = requireIsoDate(data.occurredAt, 'occurredAt');
  const recordId = falseMaterialRecordId(findingId);
  return [
    ...registration(command, state),
    {
      type: 'FalseMaterialFound',
      data: {
        subjectKey: data.subjectKey,
        findingId,
        recordId,
        purpose,
        applicationRef,
        description,
        occurredAt,
        behaviour: 'false-material',
        points: policy.behaviourPoints['false-material'] ?? null,
        foundBy: metadata.actor.id,
        foundIn: metadata.actor.unit,
        policyVersion: policy.policyVersion,
      },
    },
    {
      type: 'CreditInformationRecorded',
      data: { subjectKey: data.subjectKey, ...adverseRecord(recordId, purpose, applicationRef, description, occurredAt, metadata) },
    },
  ];
}

/** The adverse record (不良信息) a finding leaves, made the way every credit information record is made. */
function adverseRecord(
  recordId: string,
  purpose: CreditCheckPurpose,
  applicationRef: string,
  description: string,
  occurredAt: string,
  metadata: CommandMetadata,
) {
  const title = `申请${CREDIT_CHECK_PURPOSE_LABELS[purpose]}时提供虚假材料（${applicationRef}）`;
  return informationRecord({ recordId, infoClass: 'adverse', kind: 'false-material', title, content: description, occurredAt }, metadata);
}

/** Applicant credit rules; docs/events/credit.md has the command table and codes. */
export function decideCreditSubject(
  command: CreditSubjectCommand,
  state: CreditSubjectState,
  policy: CreditPolicy = DEFAULT_CREDIT_POLICY,
): CreditSubjectEvent[] {
  const subjectKey = requireText(command.data.subjectKey, 'subjectKey');
  checkSubject(subjectKey, command.data.subject);
  if (state.status === 'registered' && state.subject.subjectKey !== subjectKey)
    throw creditError('SUBJECT_MISMATCH', `this is the record of ${state.subject.subjectKey}, not ${subjectKey}`, { field: 'identifier' });
  switch (command.type) {
    case 'CheckApplicantCredit':
      requireRole(command.metadata.actor, ['inspector'], 'checking an applicant’s credit');
      return check(command, state, policy);
    case 'ReportFalseMaterial':
      requireRole(command.metadata.actor, ['inspector'], 'recording an applicant’s false material');
      return falseMaterial(command, state, policy);
    default:
      return assertNever(command, 'credit subject command');
  }
}

export function creditSubjectDecider(
  policy: CreditPolicy = DEFAULT_CREDIT_POLICY,
): Decider<CreditSubjectCommand, CreditSubjectEvent, CreditSubjectState> {
  return {
    initialState: initialCreditSubjectState,
    evolve: evolveCreditSubject,
    decide: (command, state) => decideCreditSubject(command, state, policy),
  };
}
