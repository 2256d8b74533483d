import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, Jurisdiction } from '@bihuan/auth';
import { ComplaintCategory, ReceivedTicket, TicketRequest, transferTarget } from '@bihuan/complaints';
import { Actor, DomainError, ID_GENERATOR, IdGenerator, streamName } from '@bihuan/core';
import { CommandExecution, CommandReceipt, commandReceipt } from '@bihuan/platform';
import { PersonalIdentity } from '@bihuan/privacy';
import { LEAD_CATEGORY, leadDecider } from '../domain/lead/lead.decider';
import { correlationOf } from './referral-sources';

/** What a partner agency sends with a lead (交办线索). `identity` (a named informant) goes only into the ticket, encrypted. */
export interface LeadSubmission {
  readonly unitId: string;
  readonly institutionId: string | null;
  readonly category: ComplaintCategory;
  readonly description: string;
  readonly agencyReference: string | null;
  readonly identity: PersonalIdentity | null;
}

/** What a lead answers: its receipt and the complaint ticket it became. */
export type LeadReceipt = CommandReceipt & { readonly ticketId: string; readonly ticketCode: string };

/** CommandBus message: a partner agency sends a lead to a health commission. */
export class LeadRequest extends Command<LeadReceipt> {
  constructor(
    readonly actor: Actor,
    readonly lead: LeadSubmission,
  ) {
    super();
  }
}

/** The reference a lead's ticket carries (one ticket per lead: complaints claim it in their reference streams). */
export const leadReference = (leadId: string): string => `LEAD-${leadId}`;

/**
 * 交办线索 → 投诉工单, the one way the complaints context takes a case in (its intake, channel
 * agency-transfer): the lead is on the record first (`lead-<id>`, by the agency's user), then the
 * ticket is received in the lead's correlation with the lead as its external reference, and the
 * lead records the ticket it became. Everything the intake would refuse is checked before the lead
 * is written (the commission, the institution under it), so bad input writes nothing.
 */
@CommandHandler(LeadRequest)
export class LeadHandler implements ICommandHandler<LeadRequest, LeadReceipt> {
  constructor(
    private readonly execution: CommandExecution,
    private readonly commands: CommandBus,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ actor, lead }: LeadRequest): Promise<LeadReceipt> {
    this.access.assertRole(actor, ['partner'], 'Sending a lead to a commission');
    const agency = this.jurisdiction.get(actor.unit);
    if (agency?.kind !== 'agency') throw DomainError.forbidden('AUTH.OUT_OF_SCOPE', `${actor.unit} is not a partner agency`);
    transferTarget(this.access, actor, lead.unitId, lead.institutionId);
    const leadId = this.ids.next();
    const submitted = await this.execution.execute(actor, {
      category: LEAD_CATEGORY,
      id: leadId,
      decider: leadDecider,
      build: () => ({
        type: 'SubmitLead',
        data: {
          leadId,
          fromUnit: actor.unit,
          agencyType: agency.agencyType ?? 'other',
          toUnit: lead.unitId,
          institutionId: lead.institutionId,
          category: lead.category,
          description: lead.description,
          agencyReference: lead.agencyReference,
        },
      }),
    });
    const correlationId = (await correlationOf(this.execution.store, streamName(LEAD_CATEGORY, leadId))) ?? submitted.id;
    const ticket: ReceivedTicket = await this.commands.execute(
      new TicketRequest(
        actor,
        {
          kind: 'transfer-in',
          unitId: lead.unitId,
          externalReference: leadReference(leadId),
          category: lead.category,
          description: lead.description,
          institutionId: lead.institutionId,
          identity: lead.identity,
        },
        { correlationId },
      ),
    );
    const registered = await this.execution.execute(
      actor,
      {
        category: LEAD_CATEGORY,
        id: leadId,
        decider: leadDecider,
        build: () => ({ type: 'RegisterLead', data: { ticketId: ticket.ticketId, ticketCode: ticket.ticketCode } }),
      },
      { correlationId },
    );
    return {
      ...commandReceipt(registered),
      events: [...submitted.events, ...registered.events],
      ticketId: ticket.ticketId,
      ticketCode: ticket.ticketCode,
    };
  }
}
