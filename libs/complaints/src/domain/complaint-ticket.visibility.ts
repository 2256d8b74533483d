import { commissionReads, Message, ReadDecision, Reader, StreamVisibility } from '@bihuan/core';
import { COMPLAINT_TICKET_CATEGORY } from './complaint-ticket.state';

/** What access to a ticket depends on: the unit that received it (首诉负责) and who holds it now. */
export interface TicketOwnership {
  readonly ticketId: string | null;
  /** The owner now: the unit that received it, or the commission a hospital escalated it to. */
  readonly receivingUnit: string | null;
  /** The unit that first received it: a hospital's complaint office keeps reading what it escalated. */
  readonly receivedBy: string | null;
  /** The institution the ticket is dispatched to now; kept after it is answered and closed, cleared when it is returned (退单). */
  readonly holder: string | null;
}

/**
 * What a hospital never sees of a ticket: who complained (the identity, its key-store subject,
 * contacts) and the hash of the complainant's secret. Commission readers keep them: the identity
 * is SM4 ciphertext that only the privacy service opens, and the events stay verifiable.
 */
const HIDDEN_FROM_HOSPITALS = /^(complainant|identity|subjectId|contact.*|.*Ciphertext|secretHash)$/;

function evolve(s: TicketOwnership, event: Message): TicketOwnership {
  const d = event.data as { ticketId?: string; receivingUnit?: string; institutionId?: string; toUnit?: string };
  switch (event.type) {
    case 'ComplaintReceived':
      return { ticketId: d.ticketId ?? null, receivingUnit: d.receivingUnit ?? null, receivedBy: d.receivingUnit ?? null, holder: null };
    case 'ComplaintEscalated':
      return { ...s, receivingUnit: d.toUnit ?? s.receivingUnit, holder: null };
    case 'ComplaintDispatched':
      return { ...s, holder: d.institutionId ?? null };
    case 'ComplaintReturned':
      return { ...s, holder: null };
    default:
      return s;
  }
}

/**
 * Who reads a ticket (domain.md, complaints): the hospital that holds it now — not one it was
 * returned from — and the hospital whose complaint office received it (首诉负责), also after it
 * escalated it; the commission staff whose jurisdiction covers the receiving unit or the holder,
 * admins. Everyone else is told nothing.
 */
export function decideTicketRead(reader: Reader, s: TicketOwnership): ReadDecision {
  if (s.receivingUnit === null) return { kind: 'hidden' };
  const { actor } = reader;
  const allowed =
    actor.role === 'hospital'
      ? (s.holder !== null && s.holder === actor.unit) || s.receivedBy === actor.unit
      : commissionReads(reader, [s.receivingUnit, s.holder]);
  if (allowed) return { kind: 'granted', institutionId: s.holder ?? (actor.role === 'hospital' ? actor.unit : null) };
  if (actor.role === 'hospital') return { kind: 'forbidden', reason: 'This ticket is not assigned to your institution' };
  return { kind: 'forbidden', reason: `${actor.role} ${actor.id} of ${actor.unit} may not read complaint ${s.ticketId ?? ''}` };
}

/**
 * A file the complainant or the commission attached may show the complainant in its very name
 * (`张三身份证.jpg`); a hospital sees that it exists (kind, size, digest), not what it is called.
 * The hospital's own files keep their names.
 */
function withoutName(file: object): object {
  const { name: _hidden, ...rest } = file as { name?: string };
  return rest;
}

function withoutFileName(data: object): object {
  const { file } = data as { file?: object };
  return file ? { ...data, file: withoutName(file) } : data;
}

/** The state's file list keeps no record of who attached what: a hospital sees none of the names there. */
function withoutFileNames(state: unknown): unknown {
  const { evidence } = (state ?? {}) as { evidence?: Readonly<Record<string, object>> };
  if (!evidence) return state;
  return { ...(state as object), evidence: Object.fromEntries(Object.entries(evidence).map(([digest, f]) => [digest, withoutName(f)])) };
}

function forHospital(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(forHospital);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (!HIDDEN_FROM_HOSPITALS.test(key)) out[key] = forHospital(v);
  return out;
}

/**
 * A hospital sees the ticket's steps without the complainant, and not the notes and steps another
 * institution's staff took while it held the ticket. Commission readers see the events as stored:
 * the privacy service decides what of the (encrypted) identity they see.
 */
export const complaintTicketVisibility: StreamVisibility<TicketOwnership> = {
  category: COMPLAINT_TICKET_CATEGORY,
  initialState: { ticketId: null, receivingUnit: null, receivedBy: null, holder: null },
  evolve,
  decide: decideTicketRead,
  viewMessage(reader, message) {
    if (reader.actor.role !== 'hospital') return message;
    const by = message.metadata?.actor;
    if (by?.role === 'hospital' && by.unit !== reader.actor.unit) return null;
    const data = forHospital(message.data) as object;
    return { ...message, data: message.type === 'EvidenceAttached' && by?.role !== 'hospital' ? withoutFileName(data) : data };
  },
  viewState: (reader, state) => (reader.actor.role === 'hospital' ? withoutFileNames(forHospital(state)) : state),
};
