import { assertNever, Decider, shanghaiDate } from '@bihuan/core';
import { acceptDraft } from './public-notice-draft.rules';
import { noticeError, requireRole, requireText } from './public-notice-errors';
import {
  MarkPublicNoticeCorrected,
  PublicNoticeCommand,
  PublicNoticeDraftRevised,
  PublicNoticeEvent,
  PublishPublicNotice,
  RevisePublicNoticeDraft,
} from './public-notice.messages';
import { evolvePublicNotice, ExistingPublicNotice, initialPublicNoticeState, PublicNoticeState } from './public-notice.state';

/** Stream category of public notices: `publicNotice-<noticeId>`. */
export const PUBLIC_NOTICE_CATEGORY = 'publicNotice';

/** Who drafts, publishes and corrects notices (the API checks the issuing unit lies in their jurisdiction). */
const ISSUERS = ['inspector', 'leader'] as const;

function alreadyPublished(noticeId: string): never {
  throw noticeError(
    'ALREADY_PUBLISHED',
    `notice ${noticeId} is published and can no longer change: publish a correction instead`,
    undefined,
    {
      noticeId,
    },
  );
}

function revise(command: RevisePublicNoticeDraft, state: ExistingPublicNotice): PublicNoticeEvent[] {
  if (state.status === 'published') return alreadyPublished(state.draft.noticeId);
  const { data, metadata } = command;
  const before = state.draft;
  const after = acceptDraft({
    ...before,
    title: data.title ?? before.title,
    preface: data.preface ?? before.preface,
    period: data.period ?? before.period,
    campaignId: data.campaignId ?? before.campaignId,
  });
  const changed: PublicNoticeDraftRevised['data']['changed'][number][] = [];
  if (after.title !== before.title) changed.push('title');
  if (after.preface !== before.preface) changed.push('preface');
  if (JSON.stringify(after.period) !== JSON.stringify(before.period)) changed.push('period');
  if (after.campaignId !== before.campaignId) changed.push('campaignId');
  if (changed.length === 0) return [];
  return [{ type: 'PublicNoticeDraftRevised', data: { ...after, changed, revisedBy: metadata.actor.id, revisedAt: metadata.now } }];
}

function publish(command: PublishPublicNotice, state: ExistingPublicNotice): PublicNoticeEvent[] {
  if (state.status === 'published') return alreadyPublished(state.draft.noticeId);
  const { data, metadata } = command;
  const draft = state.draft;
  if (data.revision !== draft.revision) {
    throw noticeError('DRAFT_CHANGED', 'the draft was revised while its tables were being made: publish again', undefined, {
      revision: draft.revision,
    });
  }
  // The figures are of a period that is over: its last day lies before the day they were read.
  if (draft.period && draft.period.to >= shanghaiDate(data.content.asOf)) {
    throw noticeError('PERIOD_NOT_OVER', `the period ends ${draft.period.to}: publish its figures once it is over`, 'period.to', {
      to: draft.period.to,
    });
  }
  const { revision: _revision, ...facts } = data;
  const { issuingUnitId, kind, period, campaignId, corrects, withdraw } = draft;
  return [
    {
      type: 'PublicNoticePublished',
      data: {
        ...facts,
        documentNo: requireText(data.documentNo, 'documentNo'),
        issuingUnitId,
        kind,
        period,
        campaignId,
        corrects,
        withdraw,
        publishedBy: metadata.actor.id,
        publishedAt: metadata.now,
      },
    },
  ];
}

function markCorrected(command: MarkPublicNoticeCorrected, state: ExistingPublicNotice): PublicNoticeEvent[] {
  const { data, metadata } = command;
  if (state.status !== 'published') {
    throw noticeError('NOT_PUBLISHED', `notice ${data.noticeId} is not published: a draft is revised, not corrected`, 'noticeId');
  }
  if (state.correctedBy) {
    if (state.correctedBy.correctionNoticeId === data.correctionNoticeId) return [];
    throw noticeError('ALREADY_CORRECTED', `notice ${data.noticeId} is already corrected: correct its correction instead`, undefined, {
      correctedBy: state.correctedBy.correctionNoticeId,
    });
  }
  const correctionNoticeId = requireText(data.correctionNoticeId, 'correctionNoticeId');
  return [
    {
      type: 'PublicNoticeCorrected',
      data: {
        noticeId: data.noticeId,
        correctionNoticeId,
        withdraw: data.withdraw === true,
        markedBy: metadata.actor.id,
        markedAt: metadata.now,
      },
    },
  ];
}

/**
 * Notice rules: draft → revise (while a draft) → publish once, with the content frozen; after that
 * nothing about it changes (409) except that a correction, itself a new notice, marks it corrected.
 */
export function decidePublicNotice(command: PublicNoticeCommand, state: PublicNoticeState): PublicNoticeEvent[] {
  requireRole(command.metadata.actor, ISSUERS, command.type);
  if (command.type === 'DraftPublicNotice') {
    if (state.status !== 'none') throw noticeError('ALREADY_EXISTS', `notice ${command.data.noticeId} already exists`);
    const { metadata } = command;
    return [{ type: 'PublicNoticeDrafted', data: { ...acceptDraft(command.data), draftedBy: metadata.actor.id, draftedAt: metadata.now } }];
  }
  if (state.status === 'none') throw noticeError('NOT_FOUND', `notice ${command.data.noticeId} does not exist`);
  switch (command.type) {
    case 'RevisePublicNoticeDraft':
      return revise(command, state);
    case 'PublishPublicNotice':
      return publish(command, state);
    case 'MarkPublicNoticeCorrected':
      return markCorrected(command, state);
    default:
      return assertNever(command, 'public notice command');
  }
}

/** The PublicNotice decider (通报 · 公示): one stream per notice. */
export const publicNoticeDecider: Decider<PublicNoticeCommand, PublicNoticeEvent, PublicNoticeState> = {
  initialState: initialPublicNoticeState,
  evolve: evolvePublicNotice,
  decide: decidePublicNotice,
};
