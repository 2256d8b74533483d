import { AttachedFiles, DeadlineBook, assertNever, evolveDeadlines, isDeadlineEvent, withAttached } from '@bihuan/core';
import { VetoItem } from '../ethics-values';
import { EthicsArchiveEvent, EthicsArchiveOpened, EthicsRecordAdded, StaffListEntryAdded } from './ethics-archive.events';
import { StaffListEntryStatus } from './staff-lists';

export type StaffFacts = EthicsArchiveOpened['data'];
export type EthicsRecord = EthicsRecordAdded['data'] & { readonly retracted: boolean };
export type StaffListEntry = StaffListEntryAdded['data'] & { readonly status: StaffListEntryStatus; readonly endedAt: string | null };

export type EthicsArchiveState =
  | { readonly status: 'none' }
  | {
      readonly status: 'open';
      readonly staff: StaffFacts;
      readonly records: Readonly<Record<string, EthicsRecord>>;
      readonly order: readonly string[];
      /** Files attached to the archive, by digest: what records may cite as evidence. */
      readonly files: AttachedFiles;
      /** 红黑榜 entries by id, and their expiry deadlines. */
      readonly lists: Readonly<Record<string, StaffListEntry>>;
      readonly deadlines: DeadlineBook;
    };

export const initialEthicsArchiveState: EthicsArchiveState = { status: 'none' };

export function evolveEthicsArchive(state: EthicsArchiveState, event: EthicsArchiveEvent): EthicsArchiveState {
  if (isDeadlineEvent(event)) return state.status === 'open' ? { ...state, deadlines: evolveDeadlines(state.deadlines, event) } : state;
  switch (event.type) {
    case 'EthicsArchiveOpened':
      return { status: 'open', staff: event.data, records: {}, order: [], files: {}, lists: {}, deadlines: {} };
    case 'EthicsRecordAdded':
      if (state.status !== 'open') return state;
      return {
        ...state,
        records: { ...state.records, [event.data.recordId]: { ...event.data, retracted: false } },
        order: [...state.order, event.data.recordId],
      };
    case 'EthicsRecordRetracted': {
      if (state.status !== 'open') return state;
      const record = state.records[event.data.recordId];
      return record ? { ...state, records: { ...state.records, [record.recordId]: { ...record, retracted: true } } } : state;
    }
    case 'EvidenceAttached':
      return state.status === 'open' ? { ...state, files: withAttached(state.files, event) } : state;
    case 'StaffListEntryAdded':
      return state.status === 'open'
        ? { ...state, lists: { ...state.lists, [event.data.entryId]: { ...event.data, status: 'active', endedAt: null } } }
        : state;
    case 'StaffListEntryExpired':
    case 'StaffListEntryRemoved': {
      const entry = state.status === 'open' ? state.lists[event.data.entryId] : undefined;
      if (state.status !== 'open' || !entry) return state;
      const ended =
        event.type === 'StaffListEntryExpired'
          ? { status: 'expired' as const, endedAt: event.data.expiredAt }
          : { status: 'removed' as const, endedAt: event.data.removedAt };
      return { ...state, lists: { ...state.lists, [entry.entryId]: { ...entry, ...ended } } };
    }
    default:
      return assertNever(event, 'ethics archive event');
  }
}

/** What the evaluation of a year needs from the archive; computed by the application layer and sent with the institution step. */
export interface EthicsArchiveSummary {
  readonly staffId: string;
  readonly institutionId: string;
  readonly year: number;
  /** Sum of the negative points, as a positive number (扣分). */
  readonly deductions: number;
  /** Sum of the positive points (加分). */
  readonly additions: number;
  readonly vetoItems: readonly VetoItem[];
  readonly recordIds: readonly string[];
}

/** Pure: the year's reckoning of an archive (retracted records do not count). */
export function summariseEthicsArchive(state: EthicsArchiveState, year: number): EthicsArchiveSummary | null {
  if (state.status !== 'open') return null;
  const records = state.order.map((id) => state.records[id]!).filter((r) => !r.retracted && r.year === year);
  const vetoItems = [...new Set(records.map((r) => r.vetoItem).filter((v): v is VetoItem => v !== null))];
  return {
    staffId: state.staff.staffId,
    institutionId: state.staff.institutionId,
    year,
    deductions: records.reduce((sum, r) => sum + (r.points < 0 ? -r.points : 0), 0),
    additions: records.reduce((sum, r) => sum + (r.points > 0 ? r.points : 0), 0),
    vetoItems,
    recordIds: records.map((r) => r.recordId),
  };
}
