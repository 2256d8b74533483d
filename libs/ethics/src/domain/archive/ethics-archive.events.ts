import { DEADLINE_EVENTS, DeadlineEvent, DomainEvent, EvidenceAttached, EventTypes } from '@bihuan/core';
import { CausedBy, EthicsSourceKind, VetoItem } from '../ethics-values';
import { EthicsSourceRef } from './ethics-archive.commands';
import { StaffList } from './staff-lists';

export type EthicsArchiveOpened = DomainEvent<
  'EthicsArchiveOpened',
  {
    readonly staffId: string;
    readonly institutionId: string;
    readonly departmentId: string | null;
    readonly name: string | null;
    readonly openedBy: string;
    /** True when a saga's record opened it (the institution had not opened it yet). */
    readonly implicit: boolean;
  }
>;

export type EthicsRecordAdded = DomainEvent<
  'EthicsRecordAdded',
  {
    readonly recordId: string;
    readonly staffId: string;
    readonly institutionId: string;
    readonly sourceKind: EthicsSourceKind;
    readonly source: EthicsSourceRef;
    readonly recordKind: string | null;
    readonly category: string | null;
    readonly summary: string;
    /** Digests of files attached to the archive; free text in records from before issue 18 (still read as it is). */
    readonly evidence: readonly string[];
    readonly points: number;
    readonly vetoItem: VetoItem | null;
    readonly occurredAt: string;
    /** Evaluation year (Asia/Shanghai) the record counts in. */
    readonly year: number;
    readonly causedBy: CausedBy | null;
    readonly addedBy: string;
    readonly policyVersion: string;
  }
>;

export type EthicsRecordRetracted = DomainEvent<
  'EthicsRecordRetracted',
  {
    readonly recordId: string;
    readonly staffId: string;
    readonly reason: string;
    readonly retractedBy: string;
    readonly retractedAt: string;
  }
>;

/** 红黑榜 entry; comes with DeadlineSet(`<list>-list-<entryId>`) at expiresAt. */
export type StaffListEntryAdded = DomainEvent<
  'StaffListEntryAdded',
  {
    readonly entryId: string;
    readonly staffId: string;
    readonly institutionId: string;
    readonly list: StaffList;
    readonly reason: string;
    readonly recordIds: readonly string[];
    readonly listedAt: string;
    readonly expiresAt: string;
    readonly deadlineId: string;
    readonly listedBy: string;
    readonly policyVersion: string;
  }
>;
/** The entry's expiry fired (comes with DeadlineExpired): off the list. */
export type StaffListEntryExpired = DomainEvent<
  'StaffListEntryExpired',
  { readonly entryId: string; readonly staffId: string; readonly list: StaffList; readonly expiredAt: string }
>;
/** Taken off the list early (comes with DeadlineCleared `cancelled`). */
export type StaffListEntryRemoved = DomainEvent<
  'StaffListEntryRemoved',
  {
    readonly entryId: string;
    readonly staffId: string;
    readonly list: StaffList;
    readonly reason: string;
    readonly removedAt: string;
    readonly removedBy: string;
  }
>;

/** The archive's own events; with core's EvidenceAttached and deadline events they are everything its stream holds. */
export type EthicsArchiveDomainEvent =
  EthicsArchiveOpened | EthicsRecordAdded | EthicsRecordRetracted | StaffListEntryAdded | StaffListEntryExpired | StaffListEntryRemoved;
export type EthicsArchiveEvent = EthicsArchiveDomainEvent | EvidenceAttached | DeadlineEvent;

/** Every type an ethics archive stream holds, for narrowing events read from the log (isEventOf). */
export const ETHICS_ARCHIVE_EVENTS: EventTypes<EthicsArchiveEvent> = {
  ...DEADLINE_EVENTS,
  EthicsArchiveOpened: true,
  EthicsRecordAdded: true,
  EthicsRecordRetracted: true,
  StaffListEntryAdded: true,
  StaffListEntryExpired: true,
  StaffListEntryRemoved: true,
  EvidenceAttached: true,
};
