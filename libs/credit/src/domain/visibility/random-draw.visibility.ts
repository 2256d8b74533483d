import { commissionReads, Message, Reader, StreamVisibility, ViewedMessage } from '@bihuan/core';
import { RANDOM_DRAW_CATEGORY } from '../draw/random-draw.decider';

/** What reading a draw depends on: the jurisdiction it draws from, and whether its seed is public yet. */
export interface RandomDrawAccess {
  readonly jurisdiction: string | null;
  readonly revealed: boolean;
}

interface Inspector {
  readonly id: string;
  readonly conflicts?: readonly string[] | null;
}

/**
 * Declared conflicts of interest are read as the directory reads them (PUT /directory/users/:id/conflicts):
 * by leaders and admins over the inspector, and by the inspector themself — not by the other inspectors
 * who read the draw. Leaders and admins who read a draw cover its jurisdiction, hence its inspectors.
 */
function readsConflictsOf(reader: Reader, inspectorId: string): boolean {
  const { role, id } = reader.actor;
  return role === 'leader' || role === 'admin' || role === 'system' || id === inspectorId;
}

/** The inspectors with the conflicts the reader may not see set to null (withheld, not "none"). */
function trimInspectors(reader: Reader, inspectors: unknown): unknown {
  if (!Array.isArray(inspectors)) return inspectors;
  return (inspectors as Inspector[]).map((i) => (readsConflictsOf(reader, i.id) ? i : { ...i, conflicts: null }));
}

/** A record (event data or folded record) without the seed before the reveal and without conflicts the reader may not see. */
function trimRecord(reader: Reader, record: Record<string, unknown>, keepSeed: boolean): Record<string, unknown> {
  const { seed, ...rest } = record;
  return { ...rest, ...(keepSeed && seed !== undefined ? { seed } : {}), inspectors: trimInspectors(reader, record['inspectors']) };
}

function viewMessage(reader: Reader, message: ViewedMessage, access: RandomDrawAccess): ViewedMessage {
  const data = message.data as Record<string, unknown>;
  // A draw committed to its seed keeps it secret until revealed; a draw made before commitments published it at once.
  if (message.type === 'DrawCommitted') return { ...message, data: trimRecord(reader, data, access.revealed) };
  if (message.type === 'DrawRequested') return { ...message, data: trimRecord(reader, data, true) };
  return message;
}

function viewState(reader: Reader, state: unknown, access: RandomDrawAccess): unknown {
  const record = (state as { record?: Record<string, unknown> } | null)?.record;
  if (!record) return state;
  const keepSeed = access.revealed || record['commitment'] === null;
  return { ...(state as object), record: trimRecord(reader, record, keepSeed) };
}

/**
 * A 双随机 draw belongs to the jurisdiction it draws from: the commission staff whose jurisdiction
 * covers it read it (the public reads its commitment, then after the reveal its seed and result, on
 * /public/draws — never the inspectors). Hospitals never read it as a case: an institution must not
 * learn it was drawn before its visit (the visit's own visibility hides it while planned). Every
 * reader sees it without the seed until DrawRevealed, so a committed seed is in no view before the
 * public page shows it, and without the conflicts of other inspectors.
 */
export const randomDrawVisibility: StreamVisibility<RandomDrawAccess> = {
  category: RANDOM_DRAW_CATEGORY,
  initialState: { jurisdiction: null, revealed: false },
  evolve: (state, event: Message) => {
    const unit = (event.data as { jurisdiction?: unknown }).jurisdiction;
    const jurisdiction = state.jurisdiction === null && typeof unit === 'string' ? unit : state.jurisdiction;
    return { jurisdiction, revealed: state.revealed || event.type === 'DrawRevealed' };
  },
  decide: (reader, { jurisdiction }) => {
    if (jurisdiction === null) return { kind: 'hidden' };
    if (commissionReads(reader, [jurisdiction])) return { kind: 'granted', institutionId: null };
    return { kind: 'forbidden', reason: `${reader.actor.role} ${reader.actor.id} may not read draws of ${jurisdiction}` };
  },
  viewMessage,
  viewState,
};
