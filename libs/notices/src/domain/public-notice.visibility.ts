import { commissionReads, Message, ReadDecision, Reader, StreamVisibility } from '@bihuan/core';
import { PUBLIC_NOTICE_CATEGORY } from './public-notice.decider';

/** What access to a notice's stream depends on: the unit that issues it. */
export interface PublicNoticeAccessFacts {
  readonly issuingUnitId: string | null;
}

/**
 * Who reads a notice as a case (drafts, their revisions, who published it): the commission staff
 * whose jurisdiction covers the issuing unit. Everyone else reads a published notice on the public
 * routes, which show what it printed and nothing of the drafting; the stream itself is refused
 * (403: a notice's existence is no secret once published, and a draft's unit is the caller's own business).
 */
export function decideNoticeRead(reader: Reader, facts: PublicNoticeAccessFacts): ReadDecision {
  if (facts.issuingUnitId === null) return { kind: 'hidden' };
  if (commissionReads(reader, [facts.issuingUnitId])) return { kind: 'granted', institutionId: null };
  const { actor } = reader;
  return { kind: 'forbidden', reason: `${actor.role} ${actor.id} of ${actor.unit} may not read notices of ${facts.issuingUnitId}` };
}

/** The notice stream's declaration (architecture rule 9): its staff routes and the audit read through it. */
export const publicNoticeVisibility: StreamVisibility<PublicNoticeAccessFacts> = {
  category: PUBLIC_NOTICE_CATEGORY,
  initialState: { issuingUnitId: null },
  evolve: (state, event: Message) => {
    const unit = (event.data as { issuingUnitId?: unknown }).issuingUnitId;
    return state.issuingUnitId === null && event.type === 'PublicNoticeDrafted' && typeof unit === 'string'
      ? { issuingUnitId: unit }
      : state;
  },
  decide: decideNoticeRead,
};

/** The access facts of a folded notice (its state), as the declaration folds them from its events. */
export function noticeAccessFactsOf(state: {
  readonly status: string;
  readonly draft?: { readonly issuingUnitId: string };
}): PublicNoticeAccessFacts {
  return { issuingUnitId: state.draft?.issuingUnitId ?? null };
}
