import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, assertStaffOf, Jurisdiction, StaffDirectory } from '@bihuan/auth';
import { ethicsError } from '../domain/ethics-errors';
import { AddEthicsRecordCommand, OpenEthicsArchiveCommand, RetractEthicsRecordCommand } from './ethics.commands';
import { EthicsCommandOutcome, EthicsCommandRunner } from './ethics-command-runner';

/**
 * Opens a staff member's archive (hospital of the institution, admin). A staff id on another
 * institution's books is refused (403 AUTH.STAFF_OF_OTHER_INSTITUTION) before the archive's own
 * ARCHIVE_ALREADY_EXISTS could tell the caller that it exists.
 */
@CommandHandler(OpenEthicsArchiveCommand)
export class OpenEthicsArchiveHandler implements ICommandHandler<OpenEthicsArchiveCommand, EthicsCommandOutcome> {
  constructor(
    private readonly runner: EthicsCommandRunner,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(StaffDirectory) private readonly staff: StaffDirectory,
  ) {}

  async execute({ actor, data }: OpenEthicsArchiveCommand): Promise<EthicsCommandOutcome> {
    this.jurisdiction.requireInstitution(data.institutionId, 'institutionId');
    this.access.assertInScope(actor, data.institutionId, 'the ethics archives');
    await assertStaffOf(this.staff, data.staffId, data.institutionId);
    return this.runner.archive(data.staffId, { type: 'OpenEthicsArchive', data }, actor);
  }
}

/**
 * Adds a record (hospital for its own staff, inspectors within their jurisdiction). An existing
 * archive fixes the institution: a record naming another one is refused (403
 * AUTH.STAFF_OF_OTHER_INSTITUTION) before anything is written.
 */
@CommandHandler(AddEthicsRecordCommand)
export class AddEthicsRecordHandler implements ICommandHandler<AddEthicsRecordCommand, EthicsCommandOutcome> {
  constructor(
    private readonly runner: EthicsCommandRunner,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(StaffDirectory) private readonly staff: StaffDirectory,
  ) {}

  async execute({ actor, data }: AddEthicsRecordCommand): Promise<EthicsCommandOutcome> {
    this.jurisdiction.requireInstitution(data.institutionId, 'institutionId');
    this.access.assertInScope(actor, data.institutionId, 'the ethics archives');
    await assertStaffOf(this.staff, data.staffId, data.institutionId);
    // A manual record has no source case to derive its id from: it gets a fresh one.
    return this.runner.archive(data.staffId, { type: 'AddEthicsRecord', data: { ...data, recordId: data.recordId ?? this.runner.ids.next() } }, actor);
  }
}

@CommandHandler(RetractEthicsRecordCommand)
export class RetractEthicsRecordHandler implements ICommandHandler<RetractEthicsRecordCommand, EthicsCommandOutcome> {
  constructor(private readonly runner: EthicsCommandRunner, @Inject(AccessPolicy) private readonly access: AccessPolicy) {}

  async execute({ actor, staffId, recordId, reason }: RetractEthicsRecordCommand): Promise<EthicsCommandOutcome> {
    const state = await this.runner.archiveState(staffId);
    if (state.status !== 'open') throw ethicsError('ARCHIVE_NOT_FOUND', `no ethics archive for ${staffId}`);
    this.access.assertInScope(actor, state.staff.institutionId, 'the ethics archives');
    return this.runner.archive(staffId, { type: 'RetractEthicsRecord', data: { staffId, recordId, reason } }, actor);
  }
}
