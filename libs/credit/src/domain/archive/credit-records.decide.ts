import { assertAttached, CommandMetadata, DeadlineSet, isValidCreditCode } from '@bihuan/core';
import { creditError } from '../credit-errors';
import { CreditPolicy } from '../credit-policy';
import { optionalText, requireIsoDate, requireText, requireTextList } from '../credit-rules';
import { CommitmentKind, CommitmentSupplier, isCommitmentKind, isCreditInfoClass, isCreditList } from '../credit-values';
import {
  AddListEntry,
  PledgeCommitment,
  RecordCreditInformation,
  RemoveListEntry,
  ReportCommitmentBreach,
} from './credit-archive.commands';
import { CreditArchiveEvent, CreditInformationRecorded } from './credit-archive.events';
import { causedByOf } from './credit-cycle.decide';
import { OpenCreditArchiveState } from './credit-archive.state';

/** Deadline id of a list entry's expiry in the archive stream. */
export const listDeadlineId = (entryId: string): string => `list-${entryId}`;

/**
 * What a supplier agreement (廉洁诚信协议) adds to a pledge: its supplier (a valid 统一社会信用代码),
 * its term after the signing date, the signed agreement's files attached to the archive (`evidence`); no staff member.
 * Any other kind takes none of these.
 */
function agreementTerms(
  kind: CommitmentKind,
  data: PledgeCommitment['data'],
  pledgedAt: string,
  s: OpenCreditArchiveState,
): { supplier?: CommitmentSupplier; validUntil?: string; evidence?: string[] } {
  if (kind !== 'supplier-integrity') {
    for (const field of ['supplier', 'validUntil', 'evidence'] as const)
      if (data[field] != null) throw creditError('SUPPLIER_NOT_ALLOWED', `${field} is only for a supplier agreement`, { field });
    return {};
  }
  if (!data.supplier) throw creditError('SUPPLIER_REQUIRED', 'a supplier agreement names its supplier', { field: 'supplier' });
  if (data.staffId != null) throw creditError('SUPPLIER_NOT_ALLOWED', 'a supplier agreement names no staff member', { field: 'staffId' });
  const creditCode = requireText(data.supplier.creditCode, 'supplier.creditCode');
  if (!isValidCreditCode(creditCode))
    throw creditError('CREDIT_CODE_INVALID', `${creditCode} is no valid unified social credit code (GB 32100)`, {
      field: 'supplier.creditCode',
    });
  const validUntil = requireIsoDate(data.validUntil, 'validUntil');
  if (Date.parse(validUntil) <= Date.parse(pledgedAt))
    throw creditError('TERM_INVALID', 'an agreement runs until after it was signed', { field: 'validUntil' });
  const evidence = requireTextList(data.evidence, 'evidence');
  assertAttached(s.files ?? {}, evidence, 'CREDIT.EVIDENCE_NOT_ATTACHED');
  const supplier = { name: requireText(data.supplier.name, 'supplier.name'), creditCode };
  return { supplier, validUntil, ...(evidence.length > 0 ? { evidence } : {}) };
}

export function pledge(command: PledgeCommitment, s: OpenCreditArchiveState): CreditArchiveEvent[] {
  const { data, metadata } = command;
  const commitmentId = requireText(data.commitmentId, 'commitmentId');
  if (s.commitments[commitmentId]) return [];
  if (!isCommitmentKind(data.kind))
    throw creditError('COMMITMENT_KIND_UNKNOWN', `unknown commitment kind "${String(data.kind)}"`, { field: 'kind' });
  const pledgedAt = requireIsoDate(data.pledgedAt, 'pledgedAt');
  const agreement = agreementTerms(data.kind, data, pledgedAt, s);
  return [
    {
      type: 'CommitmentPledged',
      data: {
        institutionId: s.archive.institutionId,
        commitmentId,
        kind: data.kind,
        staffId: optionalText(data.staffId, 'staffId'),
        text: requireText(data.text, 'text'),
        pledgedAt,
        pledgedBy: metadata.actor.id,
        ...agreement,
      },
    },
  ];
}

/** 违背承诺: recorded here; the commitment-breach saga turns it into an adverse record (and an ethics record for staff). */
export function breach(command: ReportCommitmentBreach, s: OpenCreditArchiveState): CreditArchiveEvent[] {
  const { data, metadata } = command;
  const c = s.commitments[data.commitmentId];
  if (!c) throw creditError('COMMITMENT_NOT_FOUND', `no commitment ${data.commitmentId}`, { field: 'commitmentId' });
  const breachId = requireText(data.breachId, 'breachId');
  if (c.breachIds.includes(breachId)) return [];
  return [
    {
      type: 'CommitmentBreached',
      data: {
        institutionId: s.archive.institutionId,
        commitmentId: c.commitmentId,
        breachId,
        kind: c.kind,
        staffId: c.staffId,
        description: requireText(data.description, 'description'),
        evidence: requireTextList(data.evidence, 'evidence'),
        occurredAt: requireIsoDate(data.occurredAt, 'occurredAt'),
        causedBy: causedByOf(null, data.causedBy, metadata.actor, metadata.causationId),
        reportedBy: metadata.actor.id,
        ...(c.supplier ? { supplier: c.supplier } : {}),
      },
    },
  ];
}

/** A credit information record as every holder records it (an institution's archive, an applicant's): all but its owner. */
export type CreditInformation = Omit<CreditInformationRecorded['data'], 'institutionId'>;

/**
 * The one way a credit information record is made (信用信息: basic, adverse or blacklist), checked
 * field by field; the archive and the applicant subjects add whose it is.
 */
export function informationRecord(
  data: Omit<RecordCreditInformation['data'], 'institutionId'>,
  metadata: CommandMetadata,
): CreditInformation {
  if (!isCreditInfoClass(data.infoClass))
    throw creditError('CLASS_UNKNOWN', `unknown information class "${String(data.infoClass)}"`, { field: 'infoClass' });
  const kind = requireText(data.kind, 'kind');
  if (kind === 'commendation' && data.infoClass !== 'basic')
    throw creditError('CLASS_MISMATCH', 'a commendation is basic information', { field: 'infoClass' });
  const departmentId = optionalText(data.departmentId, 'departmentId');
  return {
    recordId: requireText(data.recordId, 'recordId'),
    infoClass: data.infoClass,
    kind,
    title: requireText(data.title, 'title'),
    content: optionalText(data.content, 'content'),
    occurredAt: requireIsoDate(data.occurredAt, 'occurredAt'),
    causedBy: causedByOf(null, data.causedBy, metadata.actor, metadata.causationId),
    recordedBy: metadata.actor.id,
    recordedAt: metadata.now,
    ...(departmentId ? { departmentId } : {}),
  };
}

export function recordInformation(command: RecordCreditInformation, s: OpenCreditArchiveState): CreditArchiveEvent[] {
  const recordId = requireText(command.data.recordId, 'recordId');
  if (s.information[recordId]) return [];
  return [
    {
      type: 'CreditInformationRecorded',
      data: { institutionId: s.archive.institutionId, ...informationRecord(command.data, command.metadata) },
    },
  ];
}

/** 红/黑名单 entry with its expiry as a deadline (DeadlineSet), so a timer takes it off the list. */
export function addListEntry(command: AddListEntry, s: OpenCreditArchiveState, policy: CreditPolicy): CreditArchiveEvent[] {
  const { data, metadata } = command;
  const entryId = requireText(data.entryId, 'entryId');
  if (s.lists[entryId]) return [];
  if (!isCreditList(data.list)) throw creditError('LIST_UNKNOWN', `unknown list "${String(data.list)}"`, { field: 'list' });
  const expiresAt = requireIsoDate(data.expiresAt, 'expiresAt');
  if (Date.parse(expiresAt) <= Date.parse(metadata.now))
    throw creditError('EXPIRY_IN_PAST', 'a list entry must expire after now', { field: 'expiresAt' });
  const deadlineId = listDeadlineId(entryId);
  const institutionId = s.archive.institutionId;
  const deadline: DeadlineSet = {
    type: 'DeadlineSet',
    data: {
      deadlineId,
      purpose: `${data.list}-list-expiry`,
      startedAt: metadata.now,
      dueAt: expiresAt,
      workingDays: 0,
      calendarVersion: 'fixed-instant',
      warnAt: [],
      policy: { policyVersion: policy.policyVersion },
    },
  };
  return [
    {
      type: 'ListEntryAdded',
      data: {
        institutionId,
        entryId,
        list: data.list,
        reason: requireText(data.reason, 'reason'),
        listedAt: metadata.now,
        expiresAt,
        deadlineId,
        causedBy: causedByOf(null, data.causedBy, metadata.actor, metadata.causationId),
        listedBy: metadata.actor.id,
        policyVersion: policy.policyVersion,
      },
    },
    deadline,
  ];
}

export function removeListEntry(command: RemoveListEntry, s: OpenCreditArchiveState): CreditArchiveEvent[] {
  const { data, metadata } = command;
  const entry = s.lists[data.entryId];
  if (!entry) throw creditError('LIST_ENTRY_NOT_FOUND', `no list entry ${data.entryId}`, { field: 'entryId' });
  if (entry.status !== 'active') return [];
  const reason = requireText(data.reason, 'reason');
  return [
    {
      type: 'ListEntryRemoved',
      data: {
        institutionId: s.archive.institutionId,
        entryId: entry.entryId,
        list: entry.list,
        reason,
        removedAt: metadata.now,
        removedBy: metadata.actor.id,
      },
    },
    { type: 'DeadlineCleared', data: { deadlineId: entry.deadlineId, clearedAt: metadata.now, outcome: 'cancelled' } },
  ];
}
