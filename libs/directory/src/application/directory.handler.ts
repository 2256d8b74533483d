import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@bihuan/auth';
import { Actor, assertNever, DomainError } from '@bihuan/core';
import { CaseWrite, CommandExecution, CommandReceipt, RequestAction, commandReceipt } from '@bihuan/platform';
import { DirectoryCommand } from '../domain/directory.commands';
import { DirectoryEvent } from '../domain/directory.events';
import { DIRECTORY_CATEGORY, DIRECTORY_ID, DirectoryState } from '../domain/directory.model';
import { importRejected } from '../domain/directory-import.decision';
import { DIRECTORY_DECIDER } from './directory-rules';
import { DirectoryScope } from './directory-scope';

type Data<K extends DirectoryCommand['type']> = Extract<DirectoryCommand, { type: K }>['data'];
type Action<K extends DirectoryCommand['type']> = RequestAction<K, Data<K>>;

/** What a person may ask of the directory (SeedDirectory is the first start's, never a request). */
export type DirectoryAction =
  | Action<'CreateUnit'>
  | Action<'UpdateUnit'>
  | Action<'MoveUnit'>
  | Action<'CreateDepartment'>
  | Action<'UpdateDepartment'>
  | Action<'CreateUser'>
  | Action<'UpdateUser'>
  | Action<'DisableUser'>
  | Action<'EnableUser'>
  | Action<'SetInspectorConflicts'>
  | Action<'RegisterStaff'>
  | Action<'ImportDirectory'>;

/** CommandBus message: one request to the directory `directory-main`. */
export class DirectoryRequest extends Command<CommandReceipt> {
  constructor(
    readonly actor: Actor,
    readonly action: DirectoryAction,
  ) {
    super();
  }
}

type DirectoryWrite = CaseWrite<DirectoryCommand, DirectoryEvent, DirectoryState>;

/**
 * The directory's application service. `authorize` names the units a write touches on the loaded
 * state and has AccessPolicy judge them (delegated administration); the decider checks the rest.
 */
@CommandHandler(DirectoryRequest)
export class DirectoryHandler implements ICommandHandler<DirectoryRequest, CommandReceipt> {
  constructor(
    private readonly execution: CommandExecution,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  async execute({ actor, action }: DirectoryRequest): Promise<CommandReceipt> {
    const scope = new DirectoryScope(this.access, actor);
    const write: DirectoryWrite = {
      category: DIRECTORY_CATEGORY,
      id: DIRECTORY_ID,
      decider: DIRECTORY_DECIDER,
      authorize: (state) => this.authorize(scope, actor, action, state),
      build: () => ({ type: action.kind, data: action.data }) as DirectoryCommand,
    };
    return commandReceipt(await this.execution.execute(actor, write));
  }

  private authorize(scope: DirectoryScope, actor: Actor, action: DirectoryAction, state: DirectoryState): void {
    const userUnit = (userId: string): string | undefined => state.users.get(userId)?.unitId;
    switch (action.kind) {
      case 'CreateUnit':
        return scope.require(action.data.unit.parentId);
      case 'UpdateUnit':
        return scope.require(action.data.unitId);
      case 'MoveUnit':
        return scope.require(action.data.unitId, action.data.parentId);
      case 'CreateDepartment':
        return scope.require(action.data.department.institutionId);
      case 'UpdateDepartment':
        return scope.require(state.departments.get(action.data.departmentId)?.institutionId);
      case 'CreateUser':
        return scope.require(action.data.user.unitId);
      case 'UpdateUser':
        return scope.require(userUnit(action.data.userId), action.data.unitId);
      case 'DisableUser':
        if (action.data.userId === actor.id) {
          throw new DomainError('DIRECTORY.CANNOT_DISABLE_SELF', 'You cannot disable your own account', 'rule', { field: 'userId' });
        }
        return scope.require(userUnit(action.data.userId));
      case 'EnableUser':
        return scope.require(userUnit(action.data.userId));
      case 'SetInspectorConflicts':
        return scope.requireConflictsOf(action.data.userId, userUnit(action.data.userId));
      case 'RegisterStaff':
        return scope.require(action.data.staff.institutionId, state.staff.get(action.data.staff.id)?.institutionId);
      case 'ImportDirectory': {
        const outside = scope.importRejections(state, action.data.import);
        if (outside.length > 0) throw importRejected(outside);
        return;
      }
      default:
        return assertNever(action, 'directory action');
    }
  }
}
