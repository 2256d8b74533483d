import { Actor } from './actor';
import { DomainError } from './domain-error';
import { Message } from './message';

/**
 * The reader as a visibility rule sees them: who they are, and whether a unit lies in their
 * jurisdiction (their own unit or below it; everywhere only for the system and the root unit's
 * admin — a city's admin covers its city). Built by `readerOf` in @bihuan/auth (AccessPolicy.inScope),
 * so rules never see the jurisdiction tree itself.
 */
export interface Reader {
  readonly actor: Actor;
  covers(unitId: string): boolean;
}

/**
 * What a visibility rule sees of a message: an event as stored, a command a workflow recorded
 * (both say who acted), or a bare probe (`DeadlineSet` of one deadline) that says nobody.
 */
export interface ViewedMessage {
  readonly type: string;
  readonly data: object;
  readonly metadata?: { readonly actor: { readonly id: string; readonly role: string; readonly unit: string } };
}

/**
 * Whether a reader may open a stream: `granted` (with the institution the stream belongs to, when
 * it belongs to one), `forbidden` (403: the reader may know the case exists), or `hidden` (404:
 * the reader may not even learn that it exists — a planned 暗访 to the hospital it targets).
 */
export type ReadDecision =
  | { readonly kind: 'granted'; readonly institutionId: string | null }
  | { readonly kind: 'forbidden'; readonly reason: string }
  | { readonly kind: 'hidden' };

/**
 * One stream category's declaration of who may read it and what each reader sees of it
 * (architecture rule 9: one home per rule). Every read path — the context's own routes, the
 * audit history / state / dossier / as-of, case linking, integrity views, exports and the access
 * log — goes through it. Pure: `evolve` folds the stream into the facts access depends on (the
 * *current* owner: a ticket's current assignment, a visit's status), `decide` rules on them.
 */
export interface StreamVisibility<S = unknown> {
  readonly category: string;
  readonly initialState: S;
  evolve(state: S, event: Message): S;
  /** The decision on the stream as it stands now (never as of a past instant: access follows the present owner). */
  decide(reader: Reader, state: S): ReadDecision;
  /**
   * The message as the reader may see it — `data` trimmed of what they may not see — or null to
   * leave it out altogether. Given the stream's current state (e.g. which list an entry is on).
   * Also applied to commands a workflow recorded for this category's streams. Default: as is.
   */
  viewMessage?(reader: Reader, message: ViewedMessage, state: S): ViewedMessage | null;
  /** A folded case state (now or as of an instant) as the reader may see it. Default: as is. */
  viewState?(reader: Reader, state: unknown, current: S): unknown;
  /**
   * For a stream that only serves another case (a reference claim kept apart for uniqueness):
   * the stream of that case, whose access it then has. `decide` is not asked when it names one.
   */
  serves?(state: S): string | null;
}

/** Folds a stream's messages with a rule's `evolve`. */
export function foldVisibility<S>(rule: StreamVisibility<S>, messages: readonly Message[]): S {
  return messages.reduce((state, message) => rule.evolve(state, message), rule.initialState);
}

/** The message as the reader may see it under the rule (as is when the rule trims nothing). */
export function viewMessage<S>(rule: StreamVisibility<S>, reader: Reader, message: ViewedMessage, state: S): ViewedMessage | null {
  return rule.viewMessage ? rule.viewMessage(reader, message, state) : message;
}

/**
 * Throws what a refused read answers: 404 with `notFound` (the same answer as for a stream that
 * does not exist, so a hidden case cannot be told from a missing one) or 403 AUTH.OUT_OF_SCOPE.
 * Returns the institution of a granted stream.
 */
export function assertReadGranted(decision: ReadDecision, notFound: () => DomainError): string | null {
  if (decision.kind === 'granted') return decision.institutionId;
  if (decision.kind === 'hidden') throw notFound();
  throw DomainError.forbidden('AUTH.OUT_OF_SCOPE', decision.reason);
}

/**
 * Commission roles that read by jurisdiction: inspectors, leaders and admins (administration is
 * delegated down the tree, so an admin reads its own subtree; the root's admin covers every unit).
 */
export function commissionReads(reader: Reader, units: readonly (string | null)[]): boolean {
  const { role } = reader.actor;
  if (role === 'system') return true;
  if (role !== 'inspector' && role !== 'leader' && role !== 'admin') return false;
  return units.some((unit) => unit !== null && reader.covers(unit));
}

/**
 * The common rule of records that belong to one institution: its own hospital users, the
 * inspectors, leaders and admins whose jurisdiction covers it. Partners and the public read
 * through their own routes, not case histories.
 */
export function institutionRecordDecision(reader: Reader, institutionId: string, what: string): ReadDecision {
  const { actor } = reader;
  if (actor.role === 'hospital' ? actor.unit === institutionId : commissionReads(reader, [institutionId])) {
    return { kind: 'granted', institutionId };
  }
  return { kind: 'forbidden', reason: `${actor.role} ${actor.id} of ${actor.unit} may not read ${what} of institution ${institutionId}` };
}

/** The owner of a record that one opening event ties to an institution for good (an archive, an evaluation). */
export interface OpenedRecord {
  readonly institutionId: string | null;
}

/**
 * The visibility of a category whose opening event names the institution the stream belongs to
 * for good: the common institution rule, and optionally a trimming of what readers see.
 */
export function openedRecordVisibility(
  category: string,
  openedType: string,
  what: string,
  views: Pick<StreamVisibility<OpenedRecord>, 'viewMessage' | 'viewState'> = {},
): StreamVisibility<OpenedRecord> {
  return {
    category,
    initialState: { institutionId: null },
    evolve(state, event) {
      const institutionId = (event.data as { institutionId?: unknown }).institutionId;
      return event.type === openedType && typeof institutionId === 'string' ? { institutionId } : state;
    },
    decide: (reader, state) =>
      state.institutionId === null ? { kind: 'hidden' } : institutionRecordDecision(reader, state.institutionId, what),
    ...views,
  };
}
