import { Role } from '@bihuan/core';
import { CreditInformationRecorded } from '../archive/credit-archive.events';
import { CreditRecord, OpenCreditArchiveState } from '../archive/credit-archive.state';
import { creditLevel } from '../archive/credit-level';
import { creditViewFor, CreditViewItem, levelReasonFor } from '../archive/credit-views';
import { CreditPolicy } from '../credit-policy';
import { addMonths, CreditLevel } from '../credit-values';
import { CreditCheckSummary } from './credit-subject.messages';
import { CreditSubjectState, RegisteredCreditSubject } from './credit-subject.state';

/** The applicant's information as an archive owned by `ownerId` holds it. */
function informationOf(subject: RegisteredCreditSubject, ownerId: string): Record<string, CreditInformationRecorded['data']> {
  return Object.fromEntries(Object.values(subject.information).map((i) => [i.recordId, { ...i, institutionId: ownerId }]));
}

/**
 * An applicant's records as the credit record creditLevel and creditViewFor read, owned by `ownerId`.
 * An applicant has no 校验期 (no cycle, no points, no measures): its records are information only.
 */
export function applicantRecord(state: CreditSubjectState, ownerId: string): CreditRecord {
  if (state.status !== 'registered') return { archive: { status: 'none' }, points: [] };
  const s = state.subject;
  const archive: OpenCreditArchiveState = {
    status: 'open',
    archive: { institutionId: ownerId, name: null, responsiblePerson: null, openedBy: s.registeredBy, implicit: true, policyVersion: '' },
    current: null,
    closedCycles: [],
    measures: [],
    commitments: {},
    information: informationOf(state, ownerId),
    lists: {},
    deadlines: {},
    files: {},
  };
  return { archive, points: [] };
}

/**
 * An institution's credit record with the records it gathered as an applicant under the same
 * 统一社会信用代码 (ADR 0019): joined when read, so an institution the directory adds later shows
 * them at once, and a code corrected in the directory follows the directory.
 */
export function withApplicantRecords(institutionId: string, record: CreditRecord, applicant: CreditSubjectState): CreditRecord {
  if (applicant.status !== 'registered') return record;
  if (record.archive.status !== 'open') return { ...applicantRecord(applicant, institutionId), points: record.points };
  const archive = record.archive;
  return { ...record, archive: { ...archive, information: { ...informationOf(applicant, institutionId), ...archive.information } } };
}

/** What a check answers: the level, and the adverse information and red list the checker's role may see. */
export interface CreditCheckView {
  readonly level: CreditLevel;
  readonly reason: string;
  readonly adverseInWindow: number;
  /** Adverse items that occurred within the policy's `adversePublicYears` (5), newest first. */
  readonly adverse: readonly CreditViewItem[];
  readonly redList: readonly CreditViewItem[];
}

const newestFirst = (a: CreditViewItem, b: CreditViewItem): number => (b.occurredAt ?? '').localeCompare(a.occurredAt ?? '');

/** The result of a check as `role` may see it (creditViewFor; the black list's reason withheld from all but partners). */
export function creditCheckView(role: Role, record: CreditRecord, now: string, policy: CreditPolicy): CreditCheckView {
  const level = creditLevel(record, now, policy);
  const items = creditViewFor(role, record, now, policy)?.items ?? [];
  const recent = (i: CreditViewItem): boolean =>
    i.occurredAt !== null && Date.parse(addMonths(i.occurredAt, policy.adversePublicYears * 12)) > Date.parse(now);
  return {
    level: level.level,
    reason: levelReasonFor(role, level.reason),
    adverseInWindow: level.adverseInWindow,
    adverse: items.filter((i) => i.infoClass === 'adverse' && recent(i)).sort(newestFirst),
    redList: items.filter((i) => i.kind === 'red-list'),
  };
}

/** The check's result as its event records it. */
export function checkSummary(view: CreditCheckView): CreditCheckSummary {
  return {
    level: view.level,
    reason: view.reason,
    adverseInWindow: view.adverseInWindow,
    adverseRecords: view.adverse.length,
    redListed: view.redList.length > 0,
  };
}
