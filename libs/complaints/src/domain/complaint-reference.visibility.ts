import { Message, StreamVisibility } from '@bihuan/core';
import { COMPLAINT_REFERENCE_CATEGORY } from './complaint-reference.decider';
import { complaintTicketStream } from './complaint-ticket.decider';

/** An external reference's claim belongs to the ticket that holds it: whoever reads the ticket reads the claim. */
export const complaintReferenceVisibility: StreamVisibility<{ readonly ticketId: string | null }> = {
  category: COMPLAINT_REFERENCE_CATEGORY,
  initialState: { ticketId: null },
  evolve: (state, event: Message) => {
    const ticketId = (event.data as { ticketId?: unknown }).ticketId;
    return event.type === 'ExternalReferenceClaimed' && typeof ticketId === 'string' ? { ticketId } : state;
  },
  decide: () => ({ kind: 'hidden' }),
  serves: (state) => (state.ticketId === null ? null : complaintTicketStream(state.ticketId)),
};
