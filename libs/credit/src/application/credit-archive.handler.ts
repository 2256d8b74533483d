import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, assertInspectorCovers, assertStaffOf, Jurisdiction, StaffDirectory, UserDirectory } from '@bihuan/auth';
import { RunCreditArchiveCommand, InspectorConflictCommand } from './credit.commands';
import { CreditCommandOutcome, CreditCommandRunner } from './credit-command-runner';

/**
 * Every user command to a credit archive: the institution must be known and within the caller's
 * scope; a staff pledge's staff member must be on that institution's staff (the commitment-breach
 * saga writes into their ethics archive later); the archive's own rules (roles, classes, scale,
 * expiry after now, known commitment / points / entry ids …) decide the rest.
 */
@CommandHandler(RunCreditArchiveCommand)
export class RunCreditArchiveHandler implements ICommandHandler<RunCreditArchiveCommand, CreditCommandOutcome> {
  constructor(
    private readonly runner: CreditCommandRunner,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(StaffDirectory) private readonly staff: StaffDirectory,
  ) {}

  async execute({ actor, institutionId, request }: RunCreditArchiveCommand): Promise<CreditCommandOutcome> {
    this.jurisdiction.requireInstitution(institutionId, 'institutionId');
    this.access.assertInScope(actor, institutionId, 'the credit archive');
    // CreditArchiveRequest is a Pick of the command union, which TypeScript does not narrow on `type`.
    const staffId = request.type === 'PledgeCommitment' ? (request.data as { readonly staffId?: string | null }).staffId : null;
    if (staffId) await assertStaffOf(this.staff, staffId, institutionId);
    return this.runner.archive(institutionId, { ...request, data: { ...request.data, institutionId } } as RunCreditArchiveCommand['request'], actor);
  }
}

/**
 * Conflicts of interest: the institution must be known and within the declaring user's scope, and
 * the inspector a known, active inspector whose unit covers it (the only ones a draw could send).
 */
@CommandHandler(InspectorConflictCommand)
export class InspectorConflictHandler implements ICommandHandler<InspectorConflictCommand, CreditCommandOutcome> {
  constructor(
    private readonly runner: CreditCommandRunner,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(UserDirectory) private readonly directory: UserDirectory,
  ) {}

  execute({ actor, type, data }: InspectorConflictCommand): Promise<CreditCommandOutcome> {
    this.jurisdiction.requireInstitution(data.institutionId, 'institutionId');
    this.access.assertInScope(actor, data.institutionId, 'conflicts of interest');
    assertInspectorCovers(this.directory, this.jurisdiction, data.inspectorId, data.institutionId, 'inspectorId');
    return this.runner.conflicts(data.inspectorId, { type, data }, actor);
  }
}
