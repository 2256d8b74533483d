import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, assertStaffOf, Jurisdiction, StaffDirectory } from '@bihuan/auth';
import { Actor, assertNever } from '@bihuan/core';
import { CaseWrite, CommandExecution, CommandReceipt, RequestAction, commandReceipt } from '@bihuan/platform';
import { AddEthicsRecord, EthicsArchiveCommand, OpenEthicsArchive, RetractEthicsRecord } from '../domain/archive/ethics-archive.commands';
import { ETHICS_ARCHIVE_CATEGORY, ethicsArchiveDecider } from '../domain/archive/ethics-archive.decider';
import { EthicsArchiveEvent } from '../domain/archive/ethics-archive.events';
import { EthicsArchiveState } from '../domain/archive/ethics-archive.state';
import { ethicsError } from '../domain/ethics-errors';
import { EthicsPolicy } from '../domain/ethics-policy';
import { ETHICS_POLICY } from './ethics-writes';

type ArchiveWrite = CaseWrite<EthicsArchiveCommand, EthicsArchiveEvent, EthicsArchiveState, EthicsPolicy>;

/** What a user may ask of a staff member's archive (the staff member is the stream). */
export type EthicsArchiveAction =
  | RequestAction<'OpenEthicsArchive', Omit<OpenEthicsArchive['data'], 'staffId'>>
  | RequestAction<'AddEthicsRecord', Omit<AddEthicsRecord['data'], 'staffId'>>
  | RequestAction<'RetractEthicsRecord', Omit<RetractEthicsRecord['data'], 'staffId'>>;

/** CommandBus message: one request to the archive `ethicsArchive-<staffId>`. */
export class EthicsArchiveRequest extends Command<CommandReceipt> {
  constructor(
    readonly actor: Actor,
    readonly staffId: string,
    readonly action: EthicsArchiveAction,
  ) {
    super();
  }
}

/**
 * A staff member's archive. Opening it and adding a record name the institution: it must be known
 * and within the caller's scope, and a staff id on another institution's books is refused (403
 * AUTH.STAFF_OF_OTHER_INSTITUTION) before the archive's own ARCHIVE_ALREADY_EXISTS could tell the
 * caller that it exists. Retracting a record is scoped by the archive's own institution.
 */
@CommandHandler(EthicsArchiveRequest)
export class EthicsArchiveHandler implements ICommandHandler<EthicsArchiveRequest, CommandReceipt> {
  constructor(
    private readonly execution: CommandExecution,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(StaffDirectory) private readonly staff: StaffDirectory,
  ) {}

  async execute({ actor, staffId, action }: EthicsArchiveRequest): Promise<CommandReceipt> {
    return commandReceipt(await this.execution.execute(actor, await this.write(actor, staffId, action)));
  }

  private async write(actor: Actor, staffId: string, action: EthicsArchiveAction): Promise<ArchiveWrite> {
    switch (action.kind) {
      case 'OpenEthicsArchive':
        await this.assertStaffInScope(actor, staffId, action.data.institutionId);
        return archive(staffId, () => ({ type: action.kind, data: { ...action.data, staffId } }));
      case 'AddEthicsRecord':
        await this.assertStaffInScope(actor, staffId, action.data.institutionId);
        // A manual record has no source case to derive its id from: it gets a fresh one.
        return archive(staffId, (_state, { newId }) => ({
          type: action.kind,
          data: { ...action.data, staffId, recordId: action.data.recordId ?? newId() },
        }));
      case 'RetractEthicsRecord':
        return archive(
          staffId,
          () => ({ type: action.kind, data: { ...action.data, staffId } }),
          (state) => {
            if (state.status !== 'open') throw ethicsError('ARCHIVE_NOT_FOUND', `no ethics archive for ${staffId}`);
            this.access.assertInScope(actor, state.staff.institutionId, 'the ethics archives');
          },
        );
      default:
        return assertNever(action, 'ethics archive action');
    }
  }

  private async assertStaffInScope(actor: Actor, staffId: string, institutionId: string): Promise<void> {
    this.jurisdiction.requireInstitution(institutionId, 'institutionId');
    this.access.assertInScope(actor, institutionId, 'the ethics archives');
    await assertStaffOf(this.staff, staffId, institutionId);
  }
}

function archive(staffId: string, build: ArchiveWrite['build'], authorize?: ArchiveWrite['authorize']): ArchiveWrite {
  return {
    category: ETHICS_ARCHIVE_CATEGORY,
    id: staffId,
    decider: (policy: EthicsPolicy) => ethicsArchiveDecider(policy),
    policy: ETHICS_POLICY,
    authorize,
    build,
  };
}
