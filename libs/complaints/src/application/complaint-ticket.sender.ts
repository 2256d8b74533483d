import { Command, idOf } from '@bihuan/core';
import { CommandExecution, CommandOutcome } from '@bihuan/platform';
import { CommandSender } from '@bihuan/processing';
import { ComplaintTicketCommand } from '../domain/complaint-ticket.commands';
import { ComplaintTicketState } from '../domain/complaint-ticket.state';
import { ticketWrite, wakeUpBody } from './ticket-builds';

/**
 * The `complaintTicket` sender the worker's CommandRouter uses instead of the bare decider: every
 * timer wake-up and saga command goes through the same write seam as the API
 * (CommandExecution.deliver, with the command's own metadata), and an overdue answer gets its 督办
 * terms on the very state it is decided on (wakeUpBody). No scope check: the worker acts as system.
 */
export class ComplaintTicketSender implements CommandSender {
  constructor(private readonly commands: CommandExecution) {}

  send(stream: string, command: Command): Promise<CommandOutcome<ComplaintTicketState>> {
    return this.commands.deliver(command.metadata, ticketWrite(idOf(stream), wakeUpBody(command as ComplaintTicketCommand)));
  }
}
