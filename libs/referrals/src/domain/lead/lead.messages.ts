import { Command, DomainEvent, EventTypes } from '@bihuan/core';

/**
 * A lead (交办线索) a partner agency sends a health commission, stream `lead-<leadId>`: submitted by
 * the agency, then registered as the complaint ticket the commission handles it as. The lead keeps
 * no personal data: a named informant's identity goes only into the ticket, SM4-encrypted.
 */
export type SubmitLead = Command<
  'SubmitLead',
  {
    readonly leadId: string;
    /** The agency sending it (the actor's unit) and its kind. */
    readonly fromUnit: string;
    readonly agencyType: string;
    /** The commission it goes to. */
    readonly toUnit: string;
    readonly institutionId: string | null;
    readonly category: string;
    readonly description: string;
    /** The agency's own number for it (来文编号), if any. */
    readonly agencyReference: string | null;
  }
>;
export type RegisterLead = Command<'RegisterLead', { readonly ticketId: string; readonly ticketCode: string }>;
export type LeadCommand = SubmitLead | RegisterLead;

export type LeadSubmitted = DomainEvent<
  'LeadSubmitted',
  SubmitLead['data'] & { readonly submittedBy: string; readonly submittedAt: string }
>;
export type LeadRegistered = DomainEvent<
  'LeadRegistered',
  { readonly leadId: string; readonly ticketId: string; readonly ticketCode: string; readonly registeredAt: string }
>;
export type LeadEvent = LeadSubmitted | LeadRegistered;

export const LEAD_EVENTS: EventTypes<LeadEvent> = { LeadSubmitted: true, LeadRegistered: true };

export type LeadState =
  | { readonly status: 'none' }
  | {
      readonly status: 'submitted' | 'registered';
      readonly leadId: string;
      readonly fromUnit: string;
      readonly toUnit: string;
      readonly institutionId: string | null;
      readonly ticketId: string | null;
    };
