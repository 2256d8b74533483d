import { Command, EvidenceFile, ExpireDeadlineData, WarnDeadlineData } from '@bihuan/core';
import { CausedBy, EthicsSourceKind, VetoItem } from '../ethics-values';
import { StaffList } from './staff-lists';

/** Commands of a staff member's ethics archive (医德档案), stream `ethicsArchive-<staffId>`. */
export type OpenEthicsArchive = Command<
  'OpenEthicsArchive',
  {
    readonly staffId: string;
    readonly institutionId: string;
    readonly departmentId?: string | null;
    readonly name?: string | null;
  }
>;

/**
 * Where a record comes from. Sagas fill `eventId` (and `ticketId` / `findingId` / `stream`), which
 * derives the record id and `causedBy` when the command gives none. This is a superset of the
 * `source` the complaints context sends (`{ kind: 'complaint', ticketId, round, eventId }`).
 */
export interface EthicsSourceRef {
  readonly kind: EthicsSourceKind;
  /** Free reference for manual records: questionnaire batch, letter number … */
  readonly ref?: string | null;
  readonly eventId?: string | null;
  readonly stream?: string | null;
  readonly ticketId?: string;
  readonly round?: number;
  readonly findingId?: string;
  readonly commitmentId?: string;
}

export type AddEthicsRecord = Command<
  'AddEthicsRecord',
  {
    /** Idempotency key; derived from source.eventId (+ staffId) when absent. */
    readonly recordId?: string;
    readonly staffId: string;
    readonly institutionId: string;
    readonly departmentId?: string | null;
    readonly source: EthicsSourceRef;
    /** Finer kind, e.g. `complaint-substantiated`; picks the default points. */
    readonly recordKind?: string | null;
    readonly category?: string | null;
    readonly decision?: string | null;
    readonly summary: string;
    /**
     * Files attached to this archive first (AttachEvidence), by SM3 digest. A saga's record (actor
     * `system`) carries its source case's own references instead (credit's breach evidence).
     */
    readonly evidence?: readonly string[];
    /** ± points; the policy default for the kind when absent. */
    readonly points?: number | null;
    readonly vetoItem?: VetoItem | null;
    readonly occurredAt: string;
    readonly causedBy?: CausedBy | null;
  }
>;

/** Takes a record off the reckoning (e.g. the complaint decision was overturned); it stays on the record. */
export type RetractEthicsRecord = Command<
  'RetractEthicsRecord',
  {
    readonly staffId: string;
    readonly recordId: string;
    readonly reason: string;
  }
>;

/**
 * 上传材料 for the archive's records: one file the evidence vault prepared (not sealed: the archive
 * holds the institution's materials about its staff, not a complainant's). Like a record, it names
 * the institution, and opens the archive when there is none yet.
 */
export type AttachEthicsEvidence = Command<
  'AttachEvidence',
  {
    readonly staffId: string;
    readonly institutionId: string;
    readonly file: EvidenceFile;
    readonly note?: string | null;
  }
>;

/**
 * 红黑榜: puts the staff member of an open archive on the red or the black list until `expiresAt`
 * (a deadline timer takes them off), for a reason, citing records of the archive it rests on.
 */
export type AddStaffListEntry = Command<
  'AddStaffListEntry',
  {
    readonly staffId: string;
    readonly institutionId: string;
    readonly entryId: string;
    readonly list: StaffList;
    readonly reason: string;
    readonly expiresAt: string;
    /** Records of this archive the listing rests on (none retracted). */
    readonly recordIds?: readonly string[];
  }
>;

/** Takes an entry off its list before it expires, with a reason. */
export type RemoveStaffListEntry = Command<
  'RemoveStaffListEntry',
  { readonly staffId: string; readonly entryId: string; readonly reason: string }
>;

/** The only deadlines of an archive are its list entries' expiries: a due ExpireDeadline takes the entry off; WarnDeadline answers []. */
export type EthicsWakeUp = Command<'WarnDeadline', WarnDeadlineData> | Command<'ExpireDeadline', ExpireDeadlineData>;

export type EthicsArchiveCommand =
  | OpenEthicsArchive
  | AddEthicsRecord
  | RetractEthicsRecord
  | AttachEthicsEvidence
  | AddStaffListEntry
  | RemoveStaffListEntry
  | EthicsWakeUp;
