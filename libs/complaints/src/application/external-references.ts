import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Actor, isDomainError } from '@bihuan/core';
import { CommandExecution } from '@bihuan/platform';
import { COMPLAINT_REFERENCE_CATEGORY, complaintReferenceDecider } from '../domain/complaint-reference.decider';
import { complaintTicketStream } from '../domain/complaint-ticket.decider';

/** A claim whose ticket still does not exist after this long belongs to an intake that died. */
const ABANDONED_AFTER_MS = 5 * 60_000;

/**
 * The form a reference is compared in: NFKC (full-width digits and letters as typed on Chinese
 * keyboards become ASCII), trimmed, upper case — `１２３４５-a7` and `12345-A7` are one reference.
 */
export function normalizeReference(reference: string): string {
  return reference.normalize('NFKC').trim().toUpperCase();
}

/** Stream id: a hash, so the dash-free category rule holds whatever the reference contains. */
export function referenceStreamId(reference: string): string {
  return createHash('sha256').update(normalizeReference(reference)).digest('hex').slice(0, 40);
}

/**
 * One ticket per external reference (issue 11, part 5), decided in the log by the reference's own
 * stream (complaint-reference.decider.ts): intake claims the reference before it creates the ticket
 * and releases it when the creation fails.
 */
@Injectable()
export class ExternalReferences {
  constructor(@Inject(CommandExecution) private readonly commands: CommandExecution) {}

  /** 409 COMPLAINT.DUPLICATE_REFERENCE (field externalReference, details.ticketId) when another ticket holds it. */
  async claim(reference: string, ticketId: string, actor: Actor): Promise<void> {
    const id = referenceStreamId(reference);
    const body = { type: 'ClaimExternalReference' as const, data: { reference: normalizeReference(reference), ticketId } };
    const write = { category: COMPLAINT_REFERENCE_CATEGORY, id, decider: complaintReferenceDecider, build: () => body };
    try {
      await this.commands.execute(actor, write);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'COMPLAINT.DUPLICATE_REFERENCE') throw error;
      if (!(await this.abandoned(id))) throw error;
      await this.release(reference, String(error.details['ticketId']), actor, 'abandoned');
      await this.commands.execute(actor, write);
    }
  }

  async release(reference: string, ticketId: string, actor: Actor, reason: 'intake-failed' | 'abandoned' = 'intake-failed'): Promise<void> {
    const body = { type: 'ReleaseExternalReference' as const, data: { ticketId, reason } };
    await this.commands.execute(actor, {
      category: COMPLAINT_REFERENCE_CATEGORY,
      id: referenceStreamId(reference),
      decider: complaintReferenceDecider,
      build: () => body,
    });
  }

  /** The holder's ticket was never written and its claim is old: the claiming process died in between. */
  private async abandoned(id: string): Promise<boolean> {
    const state = await this.commands.state(complaintReferenceDecider, COMPLAINT_REFERENCE_CATEGORY, id);
    if (state.status !== 'claimed') return false;
    if (Date.parse(this.commands.now()) - Date.parse(state.claimedAt) < ABANDONED_AFTER_MS) return false;
    return (await this.commands.store.readStream(complaintTicketStream(state.ticketId), { maxCount: 1 })).length === 0;
  }
}
