import { assertNever, AttachedFiles, DeadlineBook, evolveDeadlines, isDeadlineEvent, withAttached } from '@bihuan/core';
import {
  CommitmentPledged,
  CreditArchiveEvent,
  CreditArchiveOpened,
  CreditCycleOpened,
  CreditInformationRecorded,
  CreditMeasureImposed,
  CreditPointsAdded,
  CreditPointsEvent,
  ListEntryAdded,
} from './credit-archive.events';

/** A points entry as its own stream tells it (creditPoints.decider), and as reads list it. */
export type PointsEntry = CreditPointsAdded['data'] & { readonly revoked: boolean };
export type ListEntry = ListEntryAdded['data'] & { readonly status: 'active' | 'expired' | 'removed'; readonly endedAt: string | null };
export type Commitment = CommitmentPledged['data'] & { readonly breachIds: readonly string[] };

export interface CreditCycle {
  readonly cycle: CreditCycleOpened['data'];
  readonly thresholdsReached: readonly number[];
}

/**
 * The archive as its stream tells it: the low-rate facts (cycles, measures, commitments,
 * information, lists, deadlines). Points entries live in their own streams (ADR 0006); the
 * archive never folds them, so what a command folds here does not grow with the points.
 */
export interface OpenCreditArchiveState {
  readonly status: 'open';
  readonly archive: CreditArchiveOpened['data'];
  readonly current: CreditCycle | null;
  readonly closedCycles: readonly { readonly cycleNo: number; readonly thresholdsReached: readonly number[] }[];
  readonly measures: readonly CreditMeasureImposed['data'][];
  readonly commitments: Readonly<Record<string, Commitment>>;
  readonly information: Readonly<Record<string, CreditInformationRecorded['data']>>;
  readonly lists: Readonly<Record<string, ListEntry>>;
  readonly deadlines: DeadlineBook;
  /** Files attached to the archive, by digest (signed agreements): what commitments may cite. */
  readonly files: AttachedFiles;
}

export type CreditArchiveState = { readonly status: 'none' } | OpenCreditArchiveState;

/** What reads (level, views) take: the archive and the institution's points entries (the read model joins them). */
export interface CreditRecord {
  readonly archive: CreditArchiveState;
  readonly points: readonly PointsEntry[];
}

export const initialCreditArchiveState: CreditArchiveState = { status: 'none' };

function evolveOpen(
  s: OpenCreditArchiveState,
  event: Exclude<CreditArchiveEvent, { type: 'CreditArchiveOpened' }>,
): OpenCreditArchiveState {
  if (isDeadlineEvent(event)) return { ...s, deadlines: evolveDeadlines(s.deadlines, event) };
  // A state the read model folded before files existed has none yet.
  if (event.type === 'EvidenceAttached') return { ...s, files: withAttached(s.files ?? {}, event) };
  switch (event.type) {
    case 'CreditCycleOpened':
      return { ...s, current: { cycle: event.data, thresholdsReached: [] } };
    case 'CreditCycleClosed':
      return {
        ...s,
        current: null,
        closedCycles: [...s.closedCycles, { cycleNo: event.data.cycleNo, thresholdsReached: event.data.thresholdsReached }],
      };
    case 'CreditPointsAdded':
    case 'CreditPointsRevoked':
      return s; // an archive stream from before ADR 0006: the read model takes these entries, the archive does not
    case 'CreditMeasureImposed': {
      const current =
        s.current && s.current.cycle.cycleNo === event.data.cycleNo
          ? { ...s.current, thresholdsReached: [...s.current.thresholdsReached, event.data.thresholdPoints] }
          : s.current;
      return { ...s, measures: [...s.measures, event.data], current };
    }
    case 'CreditNoticeIssued':
      return s;
    case 'CommitmentPledged':
      return { ...s, commitments: { ...s.commitments, [event.data.commitmentId]: { ...event.data, breachIds: [] } } };
    case 'CommitmentBreached': {
      const c = s.commitments[event.data.commitmentId];
      return c
        ? { ...s, commitments: { ...s.commitments, [c.commitmentId]: { ...c, breachIds: [...c.breachIds, event.data.breachId] } } }
        : s;
    }
    case 'CreditInformationRecorded':
      return { ...s, information: { ...s.information, [event.data.recordId]: event.data } };
    case 'ListEntryAdded':
      return { ...s, lists: { ...s.lists, [event.data.entryId]: { ...event.data, status: 'active', endedAt: null } } };
    case 'ListEntryExpired':
    case 'ListEntryRemoved': {
      const entry = s.lists[event.data.entryId];
      const status = event.type === 'ListEntryExpired' ? 'expired' : 'removed';
      const endedAt = event.type === 'ListEntryExpired' ? event.data.expiredAt : event.data.removedAt;
      return entry ? { ...s, lists: { ...s.lists, [entry.entryId]: { ...entry, status, endedAt } } } : s;
    }
    default:
      return assertNever(event, 'credit archive event');
  }
}

export function evolveCreditArchive(state: CreditArchiveState, event: CreditArchiveEvent): CreditArchiveState {
  if (event.type === 'CreditArchiveOpened') {
    return {
      status: 'open',
      archive: event.data,
      current: null,
      closedCycles: [],
      measures: [],
      commitments: {},
      information: {},
      lists: {},
      deadlines: {},
      files: {},
    };
  }
  return state.status === 'open' ? evolveOpen(state, event) : state;
}

/** One points entry's stream: nothing yet, or the entry (revoked or not). */
export type CreditPointsState = { readonly status: 'none' } | { readonly status: 'recorded'; readonly entry: PointsEntry };

export const initialCreditPointsState: CreditPointsState = { status: 'none' };

export function evolveCreditPoints(state: CreditPointsState, event: CreditPointsEvent): CreditPointsState {
  switch (event.type) {
    case 'CreditPointsAdded':
      return state.status === 'none' ? { status: 'recorded', entry: { ...event.data, revoked: false } } : state;
    case 'CreditPointsRevoked':
      return state.status === 'recorded' ? { status: 'recorded', entry: { ...state.entry, revoked: true } } : state;
    default:
      return assertNever(event, 'credit points event');
  }
}
