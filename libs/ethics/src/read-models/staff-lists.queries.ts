import { Inject, Injectable } from '@nestjs/common';
import { Kysely } from 'kysely';
import { SqlDatabase } from '@bihuan/database';
import { READ_MODELS } from '@bihuan/platform';
import { StaffList, StaffListEntryStatus } from '../domain/archive/staff-lists';
import { EthicsTables } from './ethics-read-model.schema';

/** A 红黑榜 entry of a staff member, as the reader's lists allow (seesStaffList). */
export interface StaffListEntryRow {
  readonly entryId: string;
  readonly staffId: string;
  readonly institutionId: string;
  readonly list: StaffList;
  readonly reason: string;
  readonly recordIds: string[];
  readonly listedAt: string;
  readonly expiresAt: string;
  readonly listedBy: string;
  readonly status: StaffListEntryStatus;
  readonly endedAt: string | null;
  readonly endReason: string | null;
}

/** A line of an institution's public 荣誉榜: who is on its red list now, and why. */
export interface HonourRollEntry {
  readonly entryId: string;
  /** The staff member's name as their archive holds it (null when none was given). */
  readonly name: string | null;
  readonly departmentId: string | null;
  readonly reason: string;
  readonly listedAt: string;
  readonly expiresAt: string;
}

/** Reads of staff members' list entries; the caller passes the lists its reader may see. */
@Injectable()
export class StaffListQueries {
  private readonly db: Kysely<EthicsTables>;

  constructor(@Inject(READ_MODELS) database: SqlDatabase) {
    this.db = database.db.withTables<EthicsTables>();
  }

  /** Every entry of one staff member on the given lists, newest first. */
  async entries(staffId: string, lists: readonly StaffList[]): Promise<StaffListEntryRow[]> {
    if (lists.length === 0) return [];
    const rows = await this.db
      .selectFrom('ethics_list_entries')
      .selectAll()
      .where('staff_id', '=', staffId)
      .where('list', 'in', lists)
      .orderBy('listed_at', 'desc')
      .orderBy('entry_id')
      .execute();
    return rows.map((r) => ({
      entryId: r.entry_id,
      staffId: r.staff_id,
      institutionId: r.institution_id,
      list: r.list as StaffList,
      reason: r.reason,
      recordIds: JSON.parse(r.record_ids) as string[],
      listedAt: r.listed_at,
      expiresAt: r.expires_at,
      listedBy: r.listed_by,
      status: r.status as StaffListEntryStatus,
      endedAt: r.ended_at,
      endReason: r.end_reason,
    }));
  }

  /**
   * The institution's 荣誉榜 at `now`: its staff on the red list — public information (seed 002) —
   * newest first; an entry past its expiry is left out even before its timer has taken it off.
   */
  async honourRoll(institutionId: string, now: string): Promise<HonourRollEntry[]> {
    const rows = await this.db
      .selectFrom('ethics_list_entries as e')
      .leftJoin('ethics_archives as a', 'a.staff_id', 'e.staff_id')
      .select(['e.entry_id', 'a.name', 'a.department_id', 'e.reason', 'e.listed_at', 'e.expires_at'])
      .where('e.institution_id', '=', institutionId)
      .where('e.list', '=', 'red')
      .where('e.status', '=', 'active')
      .where('e.expires_at', '>', now)
      .orderBy('e.listed_at', 'desc')
      .orderBy('e.entry_id')
      .execute();
    return rows.map((r) => ({
      entryId: r.entry_id,
      name: r.name ?? null,
      departmentId: r.department_id ?? null,
      reason: r.reason,
      listedAt: r.listed_at,
      expiresAt: r.expires_at,
    }));
  }

  /** The lists (of those given) each of these staff members is on now: staff id → lists, red first. */
  async activeLists(institutionIds: readonly string[], lists: readonly StaffList[]): Promise<Map<string, StaffList[]>> {
    const on = new Map<string, StaffList[]>();
    if (institutionIds.length === 0 || lists.length === 0) return on;
    const rows = await this.db
      .selectFrom('ethics_list_entries')
      .select(['staff_id', 'list'])
      .distinct()
      .where('institution_id', 'in', institutionIds)
      .where('list', 'in', lists)
      .where('status', '=', 'active')
      .orderBy('staff_id')
      .orderBy('list', 'desc')
      .execute();
    for (const r of rows) on.set(r.staff_id, [...(on.get(r.staff_id) ?? []), r.list as StaffList]);
    return on;
  }
}
