import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, assertStaffOf, Jurisdiction, StaffDirectory } from '@bihuan/auth';
import { Actor, assertNever, ID_GENERATOR, IdGenerator } from '@bihuan/core';
import { EVIDENCE_VAULT, EvidenceVault } from '@bihuan/evidence';
import {
  CaseWrite,
  CommandBody,
  CommandContext,
  CommandExecution,
  CommandReceipt,
  RequestAction,
  StagedFile,
  commandReceipt,
} from '@bihuan/platform';
import {
  AddCreditPoints,
  AddListEntry,
  CloseCreditCycle,
  CreditArchiveCommand,
  OpenCreditArchive,
  PledgeCommitment,
  RecordCreditInformation,
  RemoveListEntry,
  ReportCommitmentBreach,
  RevokeCreditPoints,
} from '../domain/archive/credit-archive.commands';
import { CREDIT_ARCHIVE_CATEGORY, creditArchiveDecider } from '../domain/archive/credit-archive.decider';
import { CreditArchiveEvent } from '../domain/archive/credit-archive.events';
import { CreditArchiveState } from '../domain/archive/credit-archive.state';
import { CreditPolicy } from '../domain/credit-policy';
import { writeCreditPoints } from './credit-points.writes';
import { CREDIT_POLICY } from './credit-writes';

/** A command's data as a caller gives it: the stream names the institution; `Id` is drawn fresh when absent. */
type Given<C extends { readonly data: object }, Id extends string = never> = Omit<C['data'], 'institutionId' | Id> & {
  readonly [K in Id]?: string;
};

/** What a user may ask of an institution's credit archive (the timer wake-ups are the worker's). */
export type CreditArchiveAction =
  | RequestAction<'OpenCreditArchive', Given<OpenCreditArchive>>
  | RequestAction<'AddCreditPoints', Given<AddCreditPoints, 'pointsId'>>
  | RequestAction<'RevokeCreditPoints', Given<RevokeCreditPoints>>
  | RequestAction<'CloseCreditCycle', Given<CloseCreditCycle>>
  | RequestAction<'PledgeCommitment', Given<PledgeCommitment, 'commitmentId'>>
  | RequestAction<'ReportCommitmentBreach', Given<ReportCommitmentBreach, 'breachId'>>
  | RequestAction<'RecordCreditInformation', Given<RecordCreditInformation, 'recordId'>>
  | RequestAction<'AddListEntry', Given<AddListEntry, 'entryId'>>
  | RequestAction<'RemoveListEntry', Given<RemoveListEntry>>
  /** 上传材料: a streamed upload the upload guard staged, for commitments to cite by digest. */
  | RequestAction<'AttachEvidence', { readonly staged: StagedFile; readonly note: string | null }>;

type ArchiveWrite = CaseWrite<CreditArchiveCommand, CreditArchiveEvent, CreditArchiveState, CreditPolicy>;

/** CommandBus message: one request to the credit archive `creditArchive-<institutionId>`. */
export class CreditArchiveRequest extends Command<CommandReceipt> {
  constructor(
    readonly actor: Actor,
    readonly institutionId: string,
    readonly action: CreditArchiveAction,
  ) {
    super();
  }
}

/**
 * The credit archive's application service: the institution must be known and within the caller's
 * scope; a staff pledge's staff member must be on that institution's staff (the commitment-breach
 * saga writes into their ethics archive later); the archive's own rules (roles, classes, scale,
 * expiry after now, known commitment / points / entry ids …) decide the rest.
 */
@CommandHandler(CreditArchiveRequest)
export class CreditArchiveHandler implements ICommandHandler<CreditArchiveRequest, CommandReceipt> {
  constructor(
    private readonly execution: CommandExecution,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(StaffDirectory) private readonly staff: StaffDirectory,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(EVIDENCE_VAULT) private readonly vault: EvidenceVault,
  ) {}

  async execute({ actor, institutionId, action }: CreditArchiveRequest): Promise<CommandReceipt> {
    this.jurisdiction.requireInstitution(institutionId, 'institutionId');
    this.access.assertInScope(actor, institutionId, 'the credit archive');
    if (action.kind === 'PledgeCommitment' && action.data.staffId) await assertStaffOf(this.staff, action.data.staffId, institutionId);
    // Each points entry has its own stream (ADR 0006); a new entry without an id gets a fresh one.
    if (action.kind === 'AddCreditPoints') {
      const data = { ...action.data, institutionId, pointsId: action.data.pointsId ?? this.ids.next() };
      return commandReceipt(await writeCreditPoints(this.execution, { actor }, { type: action.kind, data }));
    }
    if (action.kind === 'RevokeCreditPoints')
      return commandReceipt(
        await writeCreditPoints(this.execution, { actor }, { type: action.kind, data: { ...action.data, institutionId } }),
      );
    if (action.kind === 'AttachEvidence') return this.attach(actor, institutionId, action.data);
    return commandReceipt(
      await this.execution.execute(
        actor,
        archiveWrite(institutionId, (_state, context) => archiveCommand(action, institutionId, context)),
      ),
    );
  }

  /**
   * Scope first (above), then the file is described (not sealed: the institution's own documents),
   * decided, and its bytes kept only once accepted; the staging copy goes whatever the answer.
   */
  private async attach(actor: Actor, institutionId: string, data: { staged: StagedFile; note: string | null }): Promise<CommandReceipt> {
    const prepared = await this.vault.prepare(data.staged);
    try {
      const write = archiveWrite(institutionId, () => ({
        type: 'AttachEvidence',
        data: { institutionId, file: prepared.file, note: data.note },
      }));
      return commandReceipt(await this.execution.execute(actor, { ...write, beforeAppend: () => prepared.keep() }));
    } finally {
      await prepared.discard();
    }
  }
}

/** The write of one credit archive, decided with the credit policy in force. */
function archiveWrite(institutionId: string, build: ArchiveWrite['build']): ArchiveWrite {
  return {
    category: CREDIT_ARCHIVE_CATEGORY,
    id: institutionId,
    decider: (policy: CreditPolicy) => creditArchiveDecider(policy),
    policy: CREDIT_POLICY,
    build,
  };
}

/** The domain command for an action; an id the caller left out is drawn fresh (the idempotency key of a manual entry). */
function archiveCommand(
  action: Exclude<CreditArchiveAction, { kind: 'AddCreditPoints' | 'RevokeCreditPoints' | 'AttachEvidence' }>,
  institutionId: string,
  { newId }: CommandContext<CreditPolicy>,
): CommandBody<CreditArchiveCommand> {
  switch (action.kind) {
    case 'OpenCreditArchive':
    case 'CloseCreditCycle':
    case 'RemoveListEntry':
      return { type: action.kind, data: { ...action.data, institutionId } };
    case 'PledgeCommitment':
      return { type: action.kind, data: { ...action.data, institutionId, commitmentId: action.data.commitmentId ?? newId() } };
    case 'ReportCommitmentBreach':
      return { type: action.kind, data: { ...action.data, institutionId, breachId: action.data.breachId ?? newId() } };
    case 'RecordCreditInformation':
      return { type: action.kind, data: { ...action.data, institutionId, recordId: action.data.recordId ?? newId() } };
    case 'AddListEntry':
      return { type: action.kind, data: { ...action.data, institutionId, entryId: action.data.entryId ?? newId() } };
    default:
      return assertNever(action, 'credit archive action');
  }
}
