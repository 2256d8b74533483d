import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, assertInspectorCovers, Jurisdiction, UserDirectory } from '@bihuan/auth';
import { Actor, assertNever } from '@bihuan/core';
import { CommandBody, CommandExecution, CommandReceipt, RequestAction, commandReceipt } from '@bihuan/platform';
import {
  DeclareConflict,
  INSPECTOR_CONFLICTS_CATEGORY,
  InspectorConflictsCommand,
  inspectorConflictsDecider,
  WithdrawConflict,
} from './conflicts/inspector-conflicts.decider';

/** Declare or withdraw a conflict of interest of an inspector with an institution. */
export type InspectorConflictsAction =
  RequestAction<'DeclareConflict', DeclareConflict['data']> | RequestAction<'WithdrawConflict', WithdrawConflict['data']>;

/** CommandBus message: one request to `inspectorConflicts-<inspectorId>` (the inspector is in the data). */
export class InspectorConflictsRequest extends Command<CommandReceipt> {
  constructor(
    readonly actor: Actor,
    readonly action: InspectorConflictsAction,
  ) {
    super();
  }
}

/**
 * Conflicts of interest: the institution must be known and within the declaring user's scope, and
 * the inspector a known, active inspector whose unit covers it (the only ones a draw could send).
 */
@CommandHandler(InspectorConflictsRequest)
export class InspectorConflictsHandler implements ICommandHandler<InspectorConflictsRequest, CommandReceipt> {
  constructor(
    private readonly execution: CommandExecution,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(UserDirectory) private readonly directory: UserDirectory,
  ) {}

  async execute({ actor, action }: InspectorConflictsRequest): Promise<CommandReceipt> {
    const { inspectorId, institutionId } = action.data;
    this.jurisdiction.requireInstitution(institutionId, 'institutionId');
    this.access.assertInScope(actor, institutionId, 'conflicts of interest');
    assertInspectorCovers(this.directory, this.jurisdiction, inspectorId, institutionId, 'inspectorId');
    const outcome = await this.execution.execute(actor, {
      category: INSPECTOR_CONFLICTS_CATEGORY,
      id: inspectorId,
      decider: inspectorConflictsDecider,
      build: () => conflictsCommand(action),
    });
    return commandReceipt(outcome);
  }
}

function conflictsCommand(action: InspectorConflictsAction): CommandBody<InspectorConflictsCommand> {
  switch (action.kind) {
    case 'DeclareConflict':
    case 'WithdrawConflict':
      return { type: action.kind, data: action.data };
    default:
      return assertNever(action, 'conflict action');
  }
}
