import { Role } from '@bihuan/core';

/**
 * 医务人员红黑榜 (seed 004: 医务人员“黑名单”、“红黑榜”; seed 000/001: 诚信医护人员, 荣誉榜): entries
 * kept in a staff member's ethics archive, each off its list when its deadline timer fires.
 */
export const STAFF_LISTS = ['red', 'black'] as const;
export type StaffList = (typeof STAFF_LISTS)[number];

export const STAFF_LIST_LABELS: Readonly<Record<StaffList, string>> = { red: '红榜', black: '黑榜' };

export type StaffListEntryStatus = 'active' | 'expired' | 'removed';
export const STAFF_LIST_ENTRY_STATUS_LABELS: Readonly<Record<StaffListEntryStatus, string>> = {
  active: '有效',
  expired: '已到期',
  removed: '已移出',
};

/**
 * Who puts a staff member on a list, and takes them off: the red list (诚信医护人员) is the
 * institution's honour as much as the commission's; the black list is the commission's alone
 * (joint discipline, seed 004).
 */
export const STAFF_LIST_KEEPERS: Readonly<Record<StaffList, readonly Role[]>> = {
  red: ['hospital', 'inspector', 'leader'],
  black: ['inspector', 'leader'],
};

/**
 * Who reads an entry (seed 002): red-list information is public (基础信息, 红名单公示), so every
 * reader of the archive sees it; black-list information is 查询信息 shared inside the commission
 * (内部共享) — its inspectors, leaders and admins — never the institution nor the public.
 */
export function seesStaffList(role: Role | 'anonymous', list: StaffList): boolean {
  return list === 'red' || role === 'inspector' || role === 'leader' || role === 'admin';
}

/** The deadline of an entry's expiry: `red-list-<entryId>` / `black-list-<entryId>` (the list is in the id, so a reader's view can drop the black one's deadline events). */
export const staffListDeadlineId = (list: StaffList, entryId: string): string => `${list}-list-${entryId}`;

/** The list a deadline id belongs to (null for any other deadline). */
export function listOfDeadline(deadlineId: unknown): StaffList | null {
  const match = typeof deadlineId === 'string' ? /^(red|black)-list-/.exec(deadlineId) : null;
  return match ? (match[1] as StaffList) : null;
}

export const isStaffList = (value: unknown): value is StaffList => value === 'red' || value === 'black';

/** The lists a role reads (seesStaffList), for the queries' filters. */
export function staffListsSeenBy(role: Role | 'anonymous'): StaffList[] {
  return STAFF_LISTS.filter((list) => seesStaffList(role, list));
}
