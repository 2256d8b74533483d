import { Command, idOf } from '@bihuan/core';
import { CommandBody, CommandContext, CommandExecution, CommandOutcome } from '@bihuan/platform';
import { CommandSender } from '@bihuan/processing';
import { FindingCommand, FindingState, InspectionPolicy, nextDeadlineNeed } from '../domain';
import { workingDayWindow } from './deadline-windows';
import { FINDING_WRITE } from './inspection-access';

/**
 * The `finding` category's sender for timers and workflows: every command is delivered as it came
 * (its own metadata) under the policy in force. An `ExpireDeadline` that climbs the escalation
 * ladder (提醒敦促函 → 整改通知书 → 约谈通知书 → 挂牌督办 → 通报) to a rung with its own deadline gets
 * that rung's working-day window in `data.next`, computed on the state it is decided on (one load)
 * at `metadata.now`, the instant the wake-up is handled. A late or duplicate wake-up goes to the
 * decider unchanged, which answers [].
 */
export class FindingSender implements CommandSender {
  constructor(private readonly commands: CommandExecution) {}

  send(stream: string, command: Command): Promise<CommandOutcome<FindingState>> {
    const received = command as FindingCommand; // the router sends `finding-*` commands here
    return this.commands.deliver(command.metadata, {
      ...FINDING_WRITE,
      id: idOf(stream),
      build: (state, ctx) => withNextDeadline(received, state, ctx),
    });
  }
}

/** The command as it came, or an escalating expiry with its next rung's window. */
function withNextDeadline(
  command: FindingCommand,
  state: FindingState,
  ctx: CommandContext<InspectionPolicy>,
): CommandBody<FindingCommand> {
  if (command.type !== 'ExpireDeadline' || command.data.next) return command;
  const need = nextDeadlineNeed(state, command.data, ctx.policy);
  if (!need) return command;
  const next = workingDayWindow(ctx.calendar, ctx.policy, ctx.now, need.workingDays, { rung: need.rung, step: need.step });
  return { type: command.type, data: { ...command.data, next } };
}
