import { DeadlineSet, expiryIsDue, ExpireDeadlineData } from '@bihuan/core';
import { ethicsError } from '../ethics-errors';
import { EthicsPolicy } from '../ethics-policy';
import { requireIsoDate, requireOwnInstitution, requireRole, requireText, requireTextList } from '../ethics-rules';
import { AddStaffListEntry, RemoveStaffListEntry } from './ethics-archive.commands';
import { EthicsArchiveEvent } from './ethics-archive.events';
import { EthicsArchiveState } from './ethics-archive.state';
import { isStaffList, STAFF_LIST_KEEPERS, staffListDeadlineId } from './staff-lists';

type OpenArchive = Extract<EthicsArchiveState, { status: 'open' }>;

function requireArchive(state: EthicsArchiveState, staffId: string): OpenArchive {
  if (state.status !== 'open') throw ethicsError('ARCHIVE_NOT_FOUND', `no ethics archive for ${staffId}`);
  return state;
}

/**
 * 红黑榜: an entry on the staff member's open archive, for the institution it belongs to, by a keeper
 * of that list, citing records of this archive that still count, expiring after now by a deadline
 * (DeadlineSet at expiresAt, fixed instant: no working days). The same entry id again is a retry: [].
 */
export function addStaffListEntry(command: AddStaffListEntry, state: EthicsArchiveState, policy: EthicsPolicy): EthicsArchiveEvent[] {
  const { data, metadata } = command;
  const actor = metadata.actor;
  if (!isStaffList(data.list)) throw ethicsError('LIST_UNKNOWN', `unknown list "${String(data.list)}"`, { field: 'list' });
  requireRole(actor, STAFF_LIST_KEEPERS[data.list], `putting a staff member on the ${data.list} list`);
  const archive = requireArchive(state, data.staffId);
  requireOwnInstitution(actor, archive.staff.institutionId, 'listing a staff member');
  if (data.institutionId !== archive.staff.institutionId) {
    throw ethicsError('ARCHIVE_INSTITUTION_MISMATCH', `institution ${data.institutionId} does not fit the archive of ${data.staffId}`, {
      field: 'institutionId',
    });
  }
  const entryId = requireText(data.entryId, 'entryId');
  if (archive.lists[entryId]) return [];
  const recordIds = requireTextList(data.recordIds, 'recordIds');
  const missing = recordIds.find((id) => !archive.records[id] || archive.records[id]!.retracted);
  if (missing !== undefined)
    throw ethicsError('RECORD_NOT_FOUND', `no record ${missing} that counts in this archive`, { field: 'recordIds' });
  const expiresAt = requireIsoDate(data.expiresAt, 'expiresAt');
  if (Date.parse(expiresAt) <= Date.parse(metadata.now)) {
    throw ethicsError('EXPIRY_IN_PAST', 'a list entry must expire after now', { field: 'expiresAt' });
  }
  const deadlineId = staffListDeadlineId(data.list, entryId);
  const deadline: DeadlineSet = {
    type: 'DeadlineSet',
    data: {
      deadlineId,
      purpose: `staff-${data.list}-list-expiry`,
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
      type: 'StaffListEntryAdded',
      data: {
        entryId,
        staffId: archive.staff.staffId,
        institutionId: archive.staff.institutionId,
        list: data.list,
        reason: requireText(data.reason, 'reason'),
        recordIds,
        listedAt: metadata.now,
        expiresAt,
        deadlineId,
        listedBy: actor.id,
        policyVersion: policy.policyVersion,
      },
    },
    deadline,
  ];
}

/** Off the list early, by a keeper of that list; an entry no longer active answers []. */
export function removeStaffListEntry(command: RemoveStaffListEntry, state: EthicsArchiveState): EthicsArchiveEvent[] {
  const { data, metadata } = command;
  const archive = requireArchive(state, data.staffId);
  const entry = archive.lists[data.entryId];
  if (!entry) throw ethicsError('LIST_ENTRY_NOT_FOUND', `no list entry ${data.entryId}`, { field: 'entryId' });
  requireRole(metadata.actor, STAFF_LIST_KEEPERS[entry.list], `taking a staff member off the ${entry.list} list`);
  requireOwnInstitution(metadata.actor, archive.staff.institutionId, 'taking a staff member off a list');
  const reason = requireText(data.reason, 'reason');
  if (entry.status !== 'active') return [];
  return [
    {
      type: 'StaffListEntryRemoved',
      data: {
        entryId: entry.entryId,
        staffId: entry.staffId,
        list: entry.list,
        reason,
        removedAt: metadata.now,
        removedBy: metadata.actor.id,
      },
    },
    { type: 'DeadlineCleared', data: { deadlineId: entry.deadlineId, clearedAt: metadata.now, outcome: 'cancelled' } },
  ];
}

/** A due expiry takes its entry off the list; a late or duplicate wake-up answers []. */
export function expireStaffListEntry(data: ExpireDeadlineData, state: EthicsArchiveState, now: string): EthicsArchiveEvent[] {
  if (state.status !== 'open' || !expiryIsDue(state.deadlines, data)) return [];
  const expired: EthicsArchiveEvent = { type: 'DeadlineExpired', data: { deadlineId: data.deadlineId, dueAt: data.dueAt, expiredAt: now } };
  const entry = Object.values(state.lists).find((e) => e.deadlineId === data.deadlineId && e.status === 'active');
  if (!entry) return [expired];
  return [
    expired,
    { type: 'StaffListEntryExpired', data: { entryId: entry.entryId, staffId: entry.staffId, list: entry.list, expiredAt: data.dueAt } },
  ];
}
