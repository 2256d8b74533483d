import { Actor, Command, CommandMetadata, derivedId, idOf } from '@bihuan/core';
import { CaseWrite, CommandBody, CommandExecution, CommandOutcome } from '@bihuan/platform';
import { CommandSender } from '@bihuan/processing';
import { AddCreditPoints, CreditArchiveCommand, CreditPointsCommand, RevokeCreditPoints } from '../domain/archive/credit-archive.commands';
import { CREDIT_ARCHIVE_CATEGORY, creditArchiveDecider } from '../domain/archive/credit-archive.decider';
import { CreditArchiveEvent, CreditPointsEvent } from '../domain/archive/credit-archive.events';
import { CreditArchiveState, CreditPointsState } from '../domain/archive/credit-archive.state';
import { CREDIT_POINTS_CATEGORY, creditPointsDecider, creditPointsStreamId, pointsIdOf } from '../domain/archive/credit-points.decider';
import { CreditPolicy } from '../domain/credit-policy';
import { CREDIT_POLICY } from './credit-writes';

/** A points command as a write builds it (the union kept discriminated on `type`). */
export type CreditPointsBody = CommandBody<AddCreditPoints> | CommandBody<RevokeCreditPoints>;

/** How a write reaches the seam: a person's request (fresh metadata, read-your-writes) or a saga's command (its own metadata). */
export type CreditWriteBy = { readonly actor: Actor } | { readonly metadata: CommandMetadata };

function run<C extends Command, E extends CreditArchiveEvent | CreditPointsEvent, S>(
  execution: CommandExecution,
  by: CreditWriteBy,
  write: CaseWrite<C, E, S, CreditPolicy>,
): Promise<CommandOutcome<S>> {
  return 'actor' in by ? execution.execute(by.actor, write) : execution.deliver(by.metadata, write);
}

/** The archive's current cycle, opening the archive implicitly first when it does not exist (EnsureCreditArchive). */
async function currentCycle(execution: CommandExecution, by: CreditWriteBy, entry: AddCreditPoints['data']): Promise<number> {
  const { institutionId, behaviour, points, occurredAt } = entry;
  const ensure =
    'actor' in by ? by : { metadata: { ...by.metadata, commandId: derivedId(by.metadata.commandId, CREDIT_ARCHIVE_CATEGORY) } };
  const outcome = await run<CreditArchiveCommand, CreditArchiveEvent, CreditArchiveState>(execution, ensure, {
    category: CREDIT_ARCHIVE_CATEGORY,
    id: institutionId,
    decider: (policy: CreditPolicy) => creditArchiveDecider(policy),
    policy: CREDIT_POLICY,
    build: () => ({ type: 'EnsureCreditArchive', data: { institutionId, behaviour, points, occurredAt } }),
  });
  const state = outcome.state;
  // An open archive always has a current cycle (a roll closes one and opens the next in one append).
  return state.status === 'open' && state.current ? state.current.cycle.cycleNo : 1;
}

/**
 * A points entry's write (ADR 0006): the entry has its own stream `creditPoints-<institutionId>.<pointsId>`,
 * so entries never contend with one another nor with the archive, and each write folds at most the
 * entry's two events. Adding first reads the archive (low-rate facts only) for its current cycle —
 * the cycle the points are counted in — opening it implicitly if needed. Revoking needs only the entry.
 */
export async function writeCreditPoints(
  execution: CommandExecution,
  by: CreditWriteBy,
  command: CreditPointsBody,
): Promise<CommandOutcome<CreditPointsState>> {
  const { institutionId } = command.data;
  if (command.type === 'RevokeCreditPoints') return decideEntry(execution, by, institutionId, command.data.pointsId, command);
  const pointsId = pointsIdOf(command.data);
  const cycleNo = await currentCycle(execution, by, command.data);
  return decideEntry(execution, by, institutionId, pointsId, { type: command.type, data: { ...command.data, pointsId, cycleNo } });
}

function decideEntry(
  execution: CommandExecution,
  by: CreditWriteBy,
  institutionId: string,
  pointsId: string,
  body: CreditPointsBody,
): Promise<CommandOutcome<CreditPointsState>> {
  return run<CreditPointsCommand, CreditPointsEvent, CreditPointsState>(execution, by, {
    category: CREDIT_POINTS_CATEGORY,
    id: creditPointsStreamId(institutionId, pointsId),
    decider: (policy: CreditPolicy) => creditPointsDecider(policy),
    policy: CREDIT_POLICY,
    build: () => body,
  });
}

const isPointsCommand = (command: Command): command is CreditPointsCommand =>
  command.type === 'AddCreditPoints' || command.type === 'RevokeCreditPoints';

/**
 * The worker's senders for the credit archive and its points entries. A points command may be
 * addressed to its entry's stream (the creditConsequences saga) or to the institution's archive
 * (the complaints context's complaintConsequences, which knows the institution, not the entry id):
 * either way it goes through writeCreditPoints. Every other archive command is decided on the archive.
 */
export function creditArchiveSenders(execution: CommandExecution): (readonly [string, CommandSender])[] {
  const points: CommandSender = {
    send: (_stream, command) => writeCreditPoints(execution, { metadata: command.metadata }, command as CreditPointsBody),
  };
  const archive: CommandSender = {
    send: (stream, command) =>
      isPointsCommand(command)
        ? points.send(stream, command)
        : execution.deliver(command.metadata, {
            category: CREDIT_ARCHIVE_CATEGORY,
            id: idOf(stream),
            decider: (policy: CreditPolicy) => creditArchiveDecider(policy),
            policy: CREDIT_POLICY,
            build: () => ({ type: command.type, data: command.data }) as Pick<CreditArchiveCommand, 'type' | 'data'>,
          }),
  };
  return [
    [CREDIT_ARCHIVE_CATEGORY, archive],
    [CREDIT_POINTS_CATEGORY, points],
  ];
}
