import { assertNever, Decider } from '@bihuan/core';
import { optionalText, referralError, requireRole, requireText } from '../referral-errors';
import { LeadCommand, LeadEvent, LeadState } from './lead.messages';

/** Stream category: `lead-<leadId>`. */
export const LEAD_CATEGORY = 'lead';

function evolve(state: LeadState, event: LeadEvent): LeadState {
  switch (event.type) {
    case 'LeadSubmitted': {
      const { leadId, fromUnit, toUnit, institutionId } = event.data;
      return { status: 'submitted', leadId, fromUnit, toUnit, institutionId, ticketId: null };
    }
    case 'LeadRegistered':
      return state.status === 'none' ? state : { ...state, status: 'registered', ticketId: event.data.ticketId };
  }
}

function decide(command: LeadCommand, state: LeadState): LeadEvent[] {
  const { actor, now } = command.metadata;
  switch (command.type) {
    case 'SubmitLead': {
      if (state.status !== 'none') throw referralError('ALREADY_EXISTS', 'This lead was already submitted');
      requireRole(actor, ['partner'], 'Sending a lead');
      const d = command.data;
      if (d.fromUnit !== actor.unit) throw referralError('NOT_THE_AGENCY', 'A lead is sent by the agency of the user sending it');
      return [
        {
          type: 'LeadSubmitted',
          data: {
            leadId: requireText(d.leadId, 'leadId', 200),
            fromUnit: d.fromUnit,
            agencyType: requireText(d.agencyType, 'agencyType', 64),
            toUnit: requireText(d.toUnit, 'unitId', 200),
            institutionId: optionalText(d.institutionId, 'institutionId', 200),
            category: requireText(d.category, 'category', 64),
            description: requireText(d.description, 'description', 5000),
            agencyReference: optionalText(d.agencyReference, 'agencyReference', 100),
            submittedBy: actor.id,
            submittedAt: now,
          },
        },
      ];
    }
    case 'RegisterLead': {
      if (state.status === 'none') throw referralError('LEAD_NOT_FOUND', 'No such lead');
      if (state.status === 'registered') throw referralError('LEAD_ALREADY_REGISTERED', 'This lead is already a complaint ticket');
      requireRole(actor, ['partner', 'system'], 'Registering a lead');
      const { ticketId, ticketCode } = command.data;
      return [
        {
          type: 'LeadRegistered',
          data: {
            leadId: state.leadId,
            ticketId: requireText(ticketId, 'ticketId', 200),
            ticketCode: requireText(ticketCode, 'ticketCode', 64),
            registeredAt: now,
          },
        },
      ];
    }
    default:
      return assertNever(command, 'lead command');
  }
}

/** 交办线索: submitted by a partner agency, registered as the complaint ticket it became (docs/referrals.md). */
export const leadDecider: Decider<LeadCommand, LeadEvent, LeadState> = {
  initialState: { status: 'none' },
  evolve,
  decide,
};
