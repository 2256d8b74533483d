import { assertNever, Command, Decider, DomainEvent } from '@bihuan/core';
import { complaintError } from './complaint-errors';

/**
 * One stream per external reference (a 12345 hotline or agency number): the log, not an eventually
 * consistent read model, decides which ticket holds it, so two intakes of one reference — also
 * concurrent ones, also in two processes — cannot both create a ticket.
 */
export const COMPLAINT_REFERENCE_CATEGORY = 'complaintReference';

export type ExternalReferenceClaimed = DomainEvent<'ExternalReferenceClaimed', { reference: string; ticketId: string; claimedAt: string }>;
/** The intake that claimed it failed (or died) before its ticket existed: the reference is free again. */
export type ExternalReferenceReleased = DomainEvent<
  'ExternalReferenceReleased',
  { ticketId: string; reason: 'intake-failed' | 'abandoned' }
>;
export type ComplaintReferenceEvent = ExternalReferenceClaimed | ExternalReferenceReleased;

export type ClaimExternalReference = Command<'ClaimExternalReference', { reference: string; ticketId: string }>;
export type ReleaseExternalReference = Command<'ReleaseExternalReference', { ticketId: string; reason: 'intake-failed' | 'abandoned' }>;
export type ComplaintReferenceCommand = ClaimExternalReference | ReleaseExternalReference;

export type ComplaintReferenceState =
  { readonly status: 'free' } | { readonly status: 'claimed'; readonly ticketId: string; readonly claimedAt: string };

export const complaintReferenceDecider: Decider<ComplaintReferenceCommand, ComplaintReferenceEvent, ComplaintReferenceState> = {
  initialState: { status: 'free' },
  evolve(_state, event) {
    switch (event.type) {
      case 'ExternalReferenceClaimed':
        return { status: 'claimed', ticketId: event.data.ticketId, claimedAt: event.data.claimedAt };
      case 'ExternalReferenceReleased':
        return { status: 'free' };
      default:
        return assertNever(event, 'reference event');
    }
  },
  decide(command, state) {
    switch (command.type) {
      case 'ClaimExternalReference': {
        if (state.status === 'free')
          return [{ type: 'ExternalReferenceClaimed', data: { ...command.data, claimedAt: command.metadata.now } }];
        if (state.ticketId === command.data.ticketId) return [];
        throw complaintError('DUPLICATE_REFERENCE', `externalReference is already held by ticket ${state.ticketId}`, {
          field: 'externalReference',
          ticketId: state.ticketId,
        });
      }
      case 'ReleaseExternalReference':
        // only the claim it names: a late release never frees a reference another ticket holds
        return state.status === 'claimed' && state.ticketId === command.data.ticketId
          ? [{ type: 'ExternalReferenceReleased', data: command.data }]
          : [];
      default:
        return assertNever(command, 'reference command');
    }
  },
};
