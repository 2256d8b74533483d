import { openedRecordVisibility, Reader, StreamVisibility, ViewedMessage } from '@bihuan/core';
import { ETHICS_ARCHIVE_CATEGORY } from './archive/ethics-archive.decider';
import { isStaffList, listOfDeadline, seesStaffList, StaffList } from './archive/staff-lists';
import { ETHICS_EVALUATION_CATEGORY } from './evaluation/ethics-evaluation.decider';

/** The list a message of an archive is about: a list entry's event, or its expiry deadline's. */
function listOf(message: ViewedMessage): StaffList | null {
  const data = message.data as { list?: unknown; deadlineId?: unknown };
  return isStaffList(data.list) ? data.list : listOfDeadline(data.deadlineId);
}

/** The folded archive without the list entries (and their deadlines) the reader may not see. */
function withoutHiddenLists(reader: Reader, state: unknown): unknown {
  const s = state as { lists?: Record<string, { list: StaffList }>; deadlines?: Record<string, unknown> };
  if (!s?.lists) return state;
  const keep = (list: StaffList | null) => list === null || seesStaffList(reader.actor.role, list);
  return {
    ...s,
    lists: Object.fromEntries(Object.entries(s.lists).filter(([, e]) => keep(e.list))),
    deadlines: Object.fromEntries(Object.entries(s.deadlines ?? {}).filter(([id]) => keep(listOfDeadline(id)))),
  };
}

/**
 * A staff member's 医德档案 belongs to the institution it was opened for; a black-list entry of it
 * (with its expiry's deadline events) only to the commission's readers (seesStaffList).
 */
export const ethicsArchiveVisibility = openedRecordVisibility(ETHICS_ARCHIVE_CATEGORY, 'EthicsArchiveOpened', 'the ethics archive', {
  viewMessage: (reader, message) => {
    const list = listOf(message);
    return list === null || seesStaffList(reader.actor.role, list) ? message : null;
  },
  viewState: withoutHiddenLists,
});

/** A 医德考评 belongs to the institution that opened it. */
export const ethicsEvaluationVisibility = openedRecordVisibility(
  ETHICS_EVALUATION_CATEGORY,
  'EthicsEvaluationOpened',
  'the ethics evaluation',
);

/** The ethics context's declarations, for the audit registry. */
export const ETHICS_VISIBILITY: readonly StreamVisibility[] = [ethicsArchiveVisibility, ethicsEvaluationVisibility];
