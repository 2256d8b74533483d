import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { StaffDirectory } from '@bihuan/auth';
import { streamName } from '@bihuan/core';
import { LiveDirectory } from '@bihuan/directory';
import { EVENT_STORE, EventStore } from '@bihuan/event-store';
import { streamState } from '@bihuan/processing';
import { ETHICS_ARCHIVE_CATEGORY, ethicsArchiveDecider } from '../domain/archive/ethics-archive.decider';

/**
 * StaffDirectory from the directory's staff records (医务人员, registered by an administrator or
 * an import), and — for a staff member the directory does not list — from the ethics archives:
 * then they belong where their archive was opened.
 */
@Injectable()
export class EthicsStaffDirectory extends StaffDirectory {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LiveDirectory) private readonly directory: LiveDirectory,
  ) {
    super();
  }

  async institutionOf(staffId: string): Promise<string | null> {
    const listed = this.directory.state.staff.get(staffId);
    if (listed) return listed.institutionId;
    const state = await streamState(this.store, streamName(ETHICS_ARCHIVE_CATEGORY, staffId), ethicsArchiveDecider());
    return state.status === 'open' ? state.staff.institutionId : null;
  }
}

/**
 * Global, so the complaints and credit contexts check staff references without importing the
 * ethics context (they see only the StaffDirectory port of @bihuan/auth).
 */
@Global()
@Module({ providers: [{ provide: StaffDirectory, useClass: EthicsStaffDirectory }], exports: [StaffDirectory] })
export class EthicsStaffDirectoryModule {}
