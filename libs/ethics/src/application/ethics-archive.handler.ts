import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, assertStaffOf, Jurisdiction, StaffDirectory } from '@bihuan/auth';
import { Actor, assertNever } from '@bihuan/core';
import { EVIDENCE_VAULT, EvidenceVault } from '@bihuan/evidence';
import { CaseWrite, CommandExecution, CommandReceipt, RequestAction, StagedFile, commandReceipt } from '@bihuan/platform';
import {
  AddEthicsRecord,
  AddStaffListEntry,
  EthicsArchiveCommand,
  OpenEthicsArchive,
  RemoveStaffListEntry,
  RetractEthicsRecord,
} from '../domain/archive/ethics-archive.commands';
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
  | RequestAction<'RetractEthicsRecord', Omit<RetractEthicsRecord['data'], 'staffId'>>
  /** 红黑榜: the entry id is drawn fresh when absent. */
  | RequestAction<'AddStaffListEntry', Omit<AddStaffListEntry['data'], 'staffId' | 'entryId'> & { readonly entryId?: string }>
  | RequestAction<'RemoveStaffListEntry', Omit<RemoveStaffListEntry['data'], 'staffId'>>
  /** 上传材料: a streamed upload the upload guard staged, for the records to cite by digest. */
  | RequestAction<'AttachEvidence', { readonly institutionId: string; readonly staged: StagedFile; readonly note: string | null }>;

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
    @Inject(EVIDENCE_VAULT) private readonly vault: EvidenceVault,
  ) {}

  async execute({ actor, staffId, action }: EthicsArchiveRequest): Promise<CommandReceipt> {
    if (action.kind === 'AttachEvidence') return this.attach(actor, staffId, action.data);
    return commandReceipt(await this.execution.execute(actor, await this.write(actor, staffId, action)));
  }

  /**
   * Scope first (as for a record), then the file is described (not sealed: these are the
   * institution's materials about its staff), decided, and its bytes kept only once accepted;
   * the staging copy goes whatever the answer.
   */
  private async attach(
    actor: Actor,
    staffId: string,
    data: Extract<EthicsArchiveAction, { kind: 'AttachEvidence' }>['data'],
  ): Promise<CommandReceipt> {
    await this.assertStaffInScope(actor, staffId, data.institutionId);
    const prepared = await this.vault.prepare(data.staged);
    try {
      const write = archive(staffId, () => ({
        type: 'AttachEvidence',
        data: { staffId, institutionId: data.institutionId, file: prepared.file, note: data.note },
      }));
      return commandReceipt(await this.execution.execute(actor, { ...write, beforeAppend: () => prepared.keep() }));
    } finally {
      await prepared.discard();
    }
  }

  private async write(
    actor: Actor,
    staffId: string,
    action: Exclude<EthicsArchiveAction, { kind: 'AttachEvidence' }>,
  ): Promise<ArchiveWrite> {
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
      case 'AddStaffListEntry':
        await this.assertStaffInScope(actor, staffId, action.data.institutionId);
        return archive(staffId, (_state, { newId }) => ({
          type: action.kind,
          data: { ...action.data, staffId, entryId: action.data.entryId ?? newId() },
        }));
      case 'RetractEthicsRecord':
        return archive(
          staffId,
          () => ({ type: action.kind, data: { ...action.data, staffId } }),
          (state) => this.assertArchiveInScope(actor, staffId, state),
        );
      case 'RemoveStaffListEntry':
        return archive(
          staffId,
          () => ({ type: action.kind, data: { ...action.data, staffId } }),
          (state) => this.assertArchiveInScope(actor, staffId, state),
        );
      default:
        return assertNever(action, 'ethics archive action');
    }
  }

  /** A step on an existing archive is scoped by the archive's own institution. */
  private assertArchiveInScope(actor: Actor, staffId: string, state: EthicsArchiveState): void {
    if (state.status !== 'open') throw ethicsError('ARCHIVE_NOT_FOUND', `no ethics archive for ${staffId}`);
    this.access.assertInScope(actor, state.staff.institutionId, 'the ethics archives');
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
