import { commissionReads, Message, StreamVisibility } from '@bihuan/core';
import { DOC_NUMBER_STREAM_CATEGORY } from './document-number.decider';

/**
 * Who reads a unit's number register (`docNumber-<unitId>-<year>`) as a case: the commission staff
 * whose jurisdiction covers the unit — the register is that unit's office bookkeeping (文号, what
 * each was taken for, what was voided and why), with nothing personal in it. Hospitals never read it.
 */
export const documentNumberVisibility: StreamVisibility<{ readonly unitId: string | null }> = {
  category: DOC_NUMBER_STREAM_CATEGORY,
  initialState: { unitId: null },
  evolve: (state, event: Message) => {
    const unit = (event.data as { unitId?: unknown }).unitId;
    return state.unitId === null && typeof unit === 'string' ? { unitId: unit } : state;
  },
  decide: (reader, { unitId }) => {
    if (unitId === null) return { kind: 'hidden' };
    if (commissionReads(reader, [unitId])) return { kind: 'granted', institutionId: null };
    return { kind: 'forbidden', reason: `${reader.actor.role} ${reader.actor.id} may not read the number register of ${unitId}` };
  },
};
