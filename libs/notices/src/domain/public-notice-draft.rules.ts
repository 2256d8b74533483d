import { noticeError, requireText } from './public-notice-errors';
import { NoticeDraft, NoticePeriod } from './public-notice.messages';
import { isPublicNoticeKind, kindTakesPeriod, NOTICE_PREFACE_MAX, NOTICE_TITLE_MAX } from './public-notice-values';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real Beijing day YYYY-MM-DD (2025-02-30 is not one). */
function requireDay(value: unknown, field: string): string {
  const day = typeof value === 'string' ? value : '';
  const parsed = DAY.test(day) ? new Date(`${day}T00:00:00.000Z`) : null;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) {
    throw noticeError('DATE_INVALID', `${field} must be a date YYYY-MM-DD`, field);
  }
  return day;
}

function acceptPeriod(period: NoticePeriod | null | undefined): NoticePeriod {
  if (!period) throw noticeError('FIELD_REQUIRED', 'this kind of notice is over a period: give period.from and period.to', 'period');
  const from = requireDay(period.from, 'period.from');
  const to = requireDay(period.to, 'period.to');
  if (to < from) throw noticeError('PERIOD_INVALID', 'period.to lies before period.from', 'period.to');
  return { from, to };
}

/**
 * A draft as it may be recorded: a known kind; a period for the kinds over one, a campaign (and no
 * period) for a campaign summary; a title and a preface within their lengths; `withdraw` only on a
 * correction, whose kind, period and campaign are the corrected notice's.
 */
export function acceptDraft(draft: NoticeDraft): NoticeDraft {
  if (!isPublicNoticeKind(draft.kind)) throw noticeError('KIND_UNKNOWN', `unknown notice kind "${String(draft.kind)}"`, 'kind');
  const periodic = kindTakesPeriod(draft.kind);
  if (!periodic && draft.period) throw noticeError('PERIOD_NOT_ALLOWED', 'a campaign summary is over its campaign, not a period', 'period');
  if (periodic && draft.campaignId) throw noticeError('CAMPAIGN_NOT_ALLOWED', 'only a campaign summary names a campaign', 'campaignId');
  if (draft.withdraw && !draft.corrects)
    throw noticeError('WITHDRAW_WITHOUT_CORRECTION', 'only a correction can withdraw a notice', 'withdraw');
  return {
    noticeId: requireText(draft.noticeId, 'noticeId'),
    issuingUnitId: requireText(draft.issuingUnitId, 'issuingUnitId'),
    kind: draft.kind,
    period: periodic ? acceptPeriod(draft.period) : null,
    campaignId: periodic ? null : requireText(draft.campaignId, 'campaignId'),
    title: requireText(draft.title, 'title', NOTICE_TITLE_MAX),
    preface: requireText(draft.preface, 'preface', NOTICE_PREFACE_MAX),
    corrects: draft.corrects ?? null,
    withdraw: draft.withdraw === true,
  };
}
