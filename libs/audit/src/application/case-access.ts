import { Actor, DomainError } from '@bihuan/core';
import { AccessPolicy } from '@bihuan/auth';
import { EventStore } from '@bihuan/event-store';

/** How many of the root stream's first events are searched for the owning institution. */
const SCAN = 20;

/** Roles that may read a case whose institution cannot be determined (or is not a known unit). */
const UNSCOPED_READERS: readonly Actor['role'][] = ['leader', 'admin'];

/** Roles that may read case histories at all; scope decides the rest. */
export const CASE_READER_ROLES: readonly Actor['role'][] = ['leader', 'admin', 'inspector', 'hospital'];

/**
 * The institution a case belongs to: the `institutionId` named by the first event of the root
 * stream that names one (FindingOpened, VisitPlanned, EthicsArchiveOpened, CreditArchiveOpened …;
 * a complaint received without an institution gets it on dispatch). Null when none of the first
 * events names one. Throws 404 when the stream has no events.
 */
export async function institutionOfStream(store: EventStore, stream: string): Promise<string | null> {
  const events = await store.readStream(stream, { maxCount: SCAN });
  if (events.length === 0) throw DomainError.notFound('AUDIT.CASE_NOT_FOUND', `No events in ${stream}`);
  for (const e of events) {
    const id = (e.data as { institutionId?: unknown }).institutionId;
    if (typeof id === 'string' && id.length > 0) return id;
  }
  return null;
}

/**
 * Who may open which case (domain.md, People): leaders and admins everything in their
 * jurisdiction, inspectors cases of institutions in theirs, hospital users only their own
 * institution's cases. Decided per case by the institution the root stream belongs to; when no
 * known institution can be determined only leaders and admins may read (conservative).
 */
export class CaseAccess {
  constructor(
    private readonly store: EventStore,
    private readonly policy: AccessPolicy,
  ) {}

  /** Throws 403 (AUTH.ROLE_NOT_ALLOWED / AUTH.OUT_OF_SCOPE) or 404; returns the case's institution. */
  async assertCanRead(actor: Actor, stream: string): Promise<string | null> {
    this.policy.assertRole(actor, CASE_READER_ROLES, 'Reading case histories');
    const institutionId = await institutionOfStream(this.store, stream);
    const known = institutionId !== null && this.policy.jurisdiction.get(institutionId)?.kind === 'institution';
    if (!known) {
      if (!UNSCOPED_READERS.includes(actor.role)) {
        throw DomainError.forbidden('AUTH.OUT_OF_SCOPE', `${actor.role} ${actor.id} may not read ${stream}: its institution cannot be determined (leaders and admins only)`);
      }
      return institutionId;
    }
    this.policy.assertInScope(actor, institutionId, `case ${stream}`);
    return institutionId;
  }

  /** The ledger of an institution: 400 for an unknown institution, 403 out of scope. */
  assertCanReadInstitution(actor: Actor, institutionId: string): void {
    this.policy.assertRole(actor, CASE_READER_ROLES, 'Reading ledgers');
    this.policy.jurisdiction.requireInstitution(institutionId, 'institutionId');
    this.policy.assertInScope(actor, institutionId, 'the ledger');
  }
}
