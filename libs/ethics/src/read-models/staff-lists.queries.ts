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
