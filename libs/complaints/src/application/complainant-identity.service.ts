import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy } from '@bihuan/auth';
import { Actor, ID_GENERATOR, IdGenerator } from '@bihuan/core';
import { EVENT_STORE, EventStore } from '@bihuan/event-store';
import { streamState } from '@bihuan/processing';
import { ErasedIdentity, PersonalDataAccess, PersonalDataCipher, PersonalIdentity } from '@bihuan/privacy';
import { complaintError } from '../domain/complaint-errors';
import { complaintTicketDecider, complaintTicketStream } from '../domain/complaint-ticket.decider';
import { Complainant } from '../domain/complaint-vocabulary';
import { assertTicketScope } from './ticket-scope';

/** What GET /complaints/:id/complainant answers. */
export type ComplainantView =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'named'; readonly subjectId: string; readonly erased: true }
  | { readonly kind: 'named'; readonly subjectId: string; readonly erased: false; readonly identity: PersonalIdentity };

/**
 * The complainant's identity: encrypted with the subject's own SM4 key at intake (the log holds
 * only subjectId + ciphertext), and read back only through PersonalDataAccess, which checks the
 * role and records every read in the access log before handing anything out.
 */
@Injectable()
export class ComplainantIdentityService {
  constructor(
    private readonly cipher: PersonalDataCipher,
    private readonly access: PersonalDataAccess,
    @Inject(AccessPolicy) private readonly scope: AccessPolicy,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  /** A fresh subject per named complaint (Bihuan does not link people across tickets). */
  async protect(identity: PersonalIdentity | null | undefined): Promise<Complainant> {
    if (!identity) return { kind: 'anonymous' };
    const subjectId = `subj-${this.ids.next()}`;
    return { kind: 'named', subjectId, identityCiphertext: await this.cipher.encrypt(subjectId, identity) };
  }

  /** Explicit, recorded read by commission staff within their jurisdiction. */
  async reveal(ticketId: string, reader: Actor, purpose: string): Promise<ComplainantView> {
    const stream = complaintTicketStream(ticketId);
    const state = await streamState(this.store, stream, complaintTicketDecider);
    assertTicketScope(this.scope, reader, state);
    if (state.status === 'none') throw complaintError('NOT_FOUND', 'No such complaint ticket');
    const complainant = state.complainant;
    if (complainant.kind === 'anonymous') return { kind: 'anonymous' };
    const identity: PersonalIdentity | ErasedIdentity = await this.access.reveal({
      reader,
      subjectId: complainant.subjectId,
      ciphertext: complainant.identityCiphertext,
      purpose,
      caseStream: stream,
    });
    if ('erased' in identity && identity.erased === true) return { kind: 'named', subjectId: complainant.subjectId, erased: true };
    return { kind: 'named', subjectId: complainant.subjectId, erased: false, identity: identity as PersonalIdentity };
  }
}
