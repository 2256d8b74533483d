import { Command, idOf } from '@bihuan/core';
import { CommandBody, CommandContext, CommandExecution, CommandOutcome } from '@bihuan/platform';
import { CommandSender } from '@bihuan/processing';
import { dutyNextDeadlineNeed } from '../../domain/duty/report-duty-clock.decide';
import { ReportingPolicy } from '../../domain/duty/report-duty-policy';
import { ReportDutyCommand } from '../../domain/duty/report-duty.messages';
import { ReportDutyState } from '../../domain/duty/report-duty.state';
import { REPORT_DUTY_WRITE } from './report-duty-access';
import { dueWindow, dutyDueDay, endOfDay, workingDayWindow } from './report-duty-windows';

/**
 * The `reportDuty` category's sender for the workflow and the timers: every command through the
 * write seam with its own metadata, under the reporting policy in force. What the decider cannot
 * compute is added on the state it is decided on, at the command's `now`: an assignment's due
 * instant (a recurring report's day moved to a working day) and due deadline; an expiry that
 * climbs to a rung with working days, that rung's window. Late or duplicate wake-ups go on as
 * they came and the decider answers [].
 */
export class ReportDutySender implements CommandSender {
  constructor(private readonly commands: CommandExecution) {}

  send(stream: string, command: Command): Promise<CommandOutcome<ReportDutyState>> {
    const received = command as ReportDutyCommand; // the router sends `reportDuty-*` commands here
    return this.commands.deliver(command.metadata, {
      ...REPORT_DUTY_WRITE,
      id: idOf(stream),
      build: (state, ctx) => withTerms(received, state, ctx),
    });
  }
}

function withTerms(
  command: ReportDutyCommand,
  state: ReportDutyState,
  ctx: CommandContext<ReportingPolicy>,
): CommandBody<ReportDutyCommand> {
  if (command.type === 'AssignReportDuty' && command.data.dueAt === undefined) {
    const dueAt = endOfDay(dutyDueDay(ctx.calendar, command.data.dueOn, command.data.recurrence));
    const deadline = dueWindow(ctx.calendar, ctx.policy, ctx.now, { ...command.data, dueAt });
    return { type: command.type, data: { ...command.data, dueAt, deadline } };
  }
  if (command.type === 'ExpireDeadline' && !command.data.next) {
    const need = dutyNextDeadlineNeed(state, command.data, ctx.policy);
    if (!need) return command;
    const next = workingDayWindow(ctx.calendar, ctx.policy, ctx.now, need.workingDays, { rung: need.rung, step: need.step });
    return { type: command.type, data: { ...command.data, next } };
  }
  return command;
}
