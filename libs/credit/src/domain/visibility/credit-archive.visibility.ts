import { institutionRecordDecision, Message, Reader, StreamVisibility } from '@bihuan/core';
import { CREDIT_ARCHIVE_CATEGORY } from '../archive/credit-archive.decider';
import { listDeadlineId } from '../archive/credit-records.decide';
import { seesBlacklist } from '../archive/credit-views';

/** What access to a credit archive depends on: its institution, and which entries are black-list ones. */
export interface CreditArchiveOwnership {
  readonly institutionId: string | null;
  /** Ids that name black-list information: list entries, their expiry deadlines, blacklist-class records. */
  readonly blacklistIds: ReadonlySet<string>;
}

type Data = { list?: unknown; infoClass?: unknown; entryId?: unknown; recordId?: unknown; deadlineId?: unknown; institutionId?: unknown };

function isBlacklistMessage(data: Data, state: CreditArchiveOwnership): boolean {
  if (data.list === 'black' || data.infoClass === 'blacklist') return true;
  return [data.entryId, data.recordId, data.deadlineId].some((id) => typeof id === 'string' && state.blacklistIds.has(id));
}

function evolve(state: CreditArchiveOwnership, event: Message): CreditArchiveOwnership {
  const d = event.data as Data;
  const institutionId = event.type === 'CreditArchiveOpened' && typeof d.institutionId === 'string' ? d.institutionId : state.institutionId;
  const ids = new Set(state.blacklistIds);
  if (d.list === 'black' && typeof d.entryId === 'string') ids.add(d.entryId).add(listDeadlineId(d.entryId));
  if (d.infoClass === 'blacklist' && typeof d.recordId === 'string') ids.add(d.recordId);
  return { institutionId, blacklistIds: ids };
}

const readsBlacklist = (reader: Reader): boolean => seesBlacklist(reader.actor.role);

/** A folded credit archive state without its black-list entries, blacklist-class records and their deadlines. */
function withoutBlacklist(state: unknown, own: CreditArchiveOwnership): unknown {
  if (state === null || typeof state !== 'object' || (state as { status?: unknown }).status !== 'open') return state;
  const s = state as {
    lists: Record<string, { list: string }>;
    information: Record<string, { infoClass: string }>;
    deadlines: Record<string, unknown>;
  };
  const keep = <T>(record: Record<string, T>, drop: (key: string, value: T) => boolean): Record<string, T> =>
    Object.fromEntries(Object.entries(record).filter(([k, v]) => !drop(k, v)));
  return {
    ...s,
    lists: keep(s.lists, (_, e) => e.list === 'black'),
    information: keep(s.information, (_, i) => i.infoClass === 'blacklist'),
    deadlines: keep(s.deadlines, (id) => own.blacklistIds.has(id)),
  };
}

/**
 * An institution's credit archive (信用档案) belongs to it; black-list entries and blacklist-class
 * information are never public and are shared only with partner agencies (seed 002), so every
 * other reader — the listed hospital itself, inspectors, leaders — sees the archive without them,
 * as `creditViewFor` shows it on the credit routes.
 */
export const creditArchiveVisibility: StreamVisibility<CreditArchiveOwnership> = {
  category: CREDIT_ARCHIVE_CATEGORY,
  initialState: { institutionId: null, blacklistIds: new Set() },
  evolve,
  decide: (reader, state) =>
    state.institutionId === null ? { kind: 'hidden' } : institutionRecordDecision(reader, state.institutionId, 'the credit archive'),
  viewMessage: (reader, message, state) => (readsBlacklist(reader) || !isBlacklistMessage(message.data as Data, state) ? message : null),
  viewState: (reader, state, own) => (readsBlacklist(reader) ? state : withoutBlacklist(state, own)),
};
