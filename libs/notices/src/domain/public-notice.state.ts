import { assertNever } from '@bihuan/core';
import { NoticeDraft, PublicNoticeCorrected, PublicNoticeEvent, PublicNoticePublished } from './public-notice.messages';

/** Who drafted it and when; how often it was revised (a publication names the revision it was made from). */
export interface DraftRecord extends NoticeDraft {
  readonly draftedBy: string;
  readonly draftedAt: string;
  readonly revision: number;
}

export type PublicNoticeState =
  | { readonly status: 'none' }
  | { readonly status: 'draft'; readonly draft: DraftRecord }
  | {
      readonly status: 'published';
      readonly draft: DraftRecord;
      readonly published: PublicNoticePublished['data'];
      /** The correction that corrects (or withdraws) it, once one was published or is being published. */
      readonly correctedBy: PublicNoticeCorrected['data'] | null;
    };

export type ExistingPublicNotice = Exclude<PublicNoticeState, { status: 'none' }>;
export type PublishedPublicNotice = Extract<PublicNoticeState, { status: 'published' }>;

export const initialPublicNoticeState: PublicNoticeState = { status: 'none' };

function draftOf(data: NoticeDraft): NoticeDraft {
  const { noticeId, issuingUnitId, kind, period, campaignId, title, preface, corrects, withdraw } = data;
  return { noticeId, issuingUnitId, kind, period, campaignId, title, preface, corrects, withdraw };
}

export function evolvePublicNotice(state: PublicNoticeState, event: PublicNoticeEvent): PublicNoticeState {
  switch (event.type) {
    case 'PublicNoticeDrafted':
      return {
        status: 'draft',
        draft: { ...draftOf(event.data), draftedBy: event.data.draftedBy, draftedAt: event.data.draftedAt, revision: 0 },
      };
    case 'PublicNoticeDraftRevised':
      if (state.status !== 'draft') return state;
      return { status: 'draft', draft: { ...state.draft, ...draftOf(event.data), revision: state.draft.revision + 1 } };
    case 'PublicNoticePublished':
      return state.status === 'draft' ? { status: 'published', draft: state.draft, published: event.data, correctedBy: null } : state;
    case 'PublicNoticeCorrected':
      return state.status === 'published' ? { ...state, correctedBy: event.data } : state;
    default:
      return assertNever(event, 'public notice event');
  }
}
