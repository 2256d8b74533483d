import { assertNever, DeadlineBook, evolveDeadlines, isDeadlineEvent } from '@bihuan/core';
import {
  CommitmentPledged,
  CreditArchiveEvent,
  CreditArchiveOpened,
  CreditCycleOpened,
  CreditInformationRecorded,
  CreditMeasureImposed,
  CreditPointsAdded,
  ListEntryAdded,
} from './credit-archive.events';

export type PointsEntry = CreditPointsAdded['data'] & { readonly revoked: boolean };
export type ListEntry = ListEntryAdded['data'] & { readonly status: 'active' | 'expired' | 'removed'; readonly endedAt: string | null };
export type Commitment = CommitmentPledged['data'] & { readonly breachIds: readonly string[] };

export interface CreditCycle {
  readonly cycle: CreditCycleOpened['data'];
  readonly totalPoints: number;
  readonly thresholdsReached: readonly number[];
}

/** The archive as its stream tells it; closed cycles keep their points entries (history). */
export interface OpenCreditArchiveState {
  readonly status: 'open';
  readonly archive: CreditArchiveOpened['data'];
  readonly current: CreditCycle | null;
  readonly closedCycles: readonly {
    readonly cycleNo: number;
    readonly totalPoints: number;
    readonly thresholdsReached: readonly number[];
  }[];
  readonly points: Readonly<Record<string, PointsEntry>>;
  readonly measures: readonly CreditMeasureImposed['data'][];
  readonly commitments: Readonly<Record<string, Commitment>>;
  readonly information: Readonly<Record<string, CreditInformationRecorded['data']>>;
  readonly lists: Readonly<Record<string, ListEntry>>;
  readonly deadlines: DeadlineBook;
}

export type CreditArchiveState = { readonly status: 'none' } | OpenCreditArchiveState;

export const initialCreditArchiveState: CreditArchiveState = { status: 'none' };

function evolveOpen(
  s: OpenCreditArchiveState,
  event: Exclude<CreditArchiveEvent, { type: 'CreditArchiveOpened' }>,
): OpenCreditArchiveState {
  if (isDeadlineEvent(event)) return { ...s, deadlines: evolveDeadlines(s.deadlines, event) };
  switch (event.type) {
    case 'CreditCycleOpened':
      return { ...s, current: { cycle: event.data, totalPoints: 0, thresholdsReached: [] } };
    case 'CreditCycleClosed':
      return {
        ...s,
        current: null,
        closedCycles: [
          ...s.closedCycles,
          { cycleNo: event.data.cycleNo, totalPoints: event.data.totalPoints, thresholdsReached: event.data.thresholdsReached },
        ],
      };
    case 'CreditPointsAdded':
      return {
        ...s,
        points: { ...s.points, [event.data.pointsId]: { ...event.data, revoked: false } },
        current:
          s.current && s.current.cycle.cycleNo === event.data.cycleNo ? { ...s.current, totalPoints: event.data.totalPoints } : s.current,
      };
    case 'CreditPointsRevoked': {
      const entry = s.points[event.data.pointsId];
      if (!entry) return s;
      const current =
        s.current && s.current.cycle.cycleNo === event.data.cycleNo ? { ...s.current, totalPoints: event.data.totalPoints } : s.current;
      return { ...s, points: { ...s.points, [entry.pointsId]: { ...entry, revoked: true } }, current };
    }
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
      points: {},
      measures: [],
      commitments: {},
      information: {},
      lists: {},
      deadlines: {},
    };
  }
  return state.status === 'open' ? evolveOpen(state, event) : state;
}
