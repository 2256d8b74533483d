import { Command, Decider } from '@bihuan/core';
import { EventStore } from '@bihuan/event-store';
import { CalendarService, PolicyRegistry } from '@bihuan/platform';
import { CommandSender, handleCommand, HandleCommandResult } from '@bihuan/processing';
import { DEFAULT_COMPLAINT_POLICY } from '../domain/complaint-policy';
import { ComplaintTicketCommand, ExpireDeadline } from '../domain/complaint-ticket.commands';
import { complaintTicketDecider } from '../domain/complaint-ticket.decider';
import { ComplaintTicketEvent } from '../domain/complaint-ticket.events';
import { ComplaintTicketState, expiryNeedsNext } from '../domain/complaint-ticket.state';
import { clockTerms } from './complaint-terms';
import { COMPLAINTS_POLICY_CONTEXT } from './ticket-command.runner';

/**
 * The `complaintTicket` sender the worker's CommandRouter uses instead of the bare decider: an
 * overdue answer (ExpireDeadline of `answer-<n>` in an unsupervised round) becomes 督办 with its
 * own deadline, whose terms (publicNoticeWorkingDaysAfterSupervision from the firing instant)
 * need the calendar and policy. They are added on the very state the wake-up is decided on, so
 * reminder → supervision → public notice (通报) run by themselves.
 */
export class ComplaintTicketSender implements CommandSender {
  constructor(
    private readonly store: EventStore,
    private readonly calendars: CalendarService,
    private readonly policies: PolicyRegistry,
  ) {}

  async send(stream: string, command: Command): Promise<HandleCommandResult<unknown>> {
    if (command.type !== 'ExpireDeadline') return handleCommand(this.store, stream, complaintTicketDecider, command as ComplaintTicketCommand);
    const [policy, calendar] = await Promise.all([this.policies.current(COMPLAINTS_POLICY_CONTEXT, DEFAULT_COMPLAINT_POLICY), this.calendars.current()]);
    const decider: Decider<ComplaintTicketCommand, ComplaintTicketEvent, ComplaintTicketState> = {
      ...complaintTicketDecider,
      decide: (cmd, state) => {
        const wakeUp = cmd as ExpireDeadline;
        if (expiryNeedsNext(state, wakeUp.data.deadlineId) !== 'supervision') return complaintTicketDecider.decide(wakeUp, state);
        const now = wakeUp.metadata.now;
        const supervision = clockTerms(calendar, policy, now, policy.publicNoticeWorkingDaysAfterSupervision, now);
        return complaintTicketDecider.decide({ ...wakeUp, data: { ...wakeUp.data, next: { policy, supervision } } }, state);
      },
    };
    return handleCommand(this.store, stream, decider, command as ComplaintTicketCommand);
  }
}
