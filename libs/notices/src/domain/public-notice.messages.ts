import { Command, DomainEvent, EventTypes } from '@bihuan/core';
import { PublicityClass, PublicNoticeKind } from './public-notice-values';

/**
 * Commands and events of a public notice (通报 · 公示), stream `publicNotice-<noticeId>`; the
 * catalogue is docs/events/notices.md. The actor and the time come from metadata; the tables, the
 * number and the digests arrive in data (the decider reads no read model and hashes nothing).
 */

/** Beijing days, both inclusive. */
export interface NoticePeriod {
  readonly from: string;
  readonly to: string;
}

/** The notice a correction corrects, as the correction names it. */
export interface CorrectedNoticeRef {
  readonly noticeId: string;
  readonly documentNo: string;
  readonly title: string;
}

/** What a draft says; a correction names the notice it corrects and whether it withdraws it. */
export interface NoticeDraft {
  readonly noticeId: string;
  /** The commission unit that issues it (发文单位); its tables cover the institutions under it. */
  readonly issuingUnitId: string;
  readonly kind: PublicNoticeKind;
  readonly period: NoticePeriod | null;
  readonly campaignId: string | null;
  readonly title: string;
  /** The leader's text before the tables, paragraphs separated by new lines. */
  readonly preface: string;
  readonly corrects: CorrectedNoticeRef | null;
  /** A correction that withdraws the corrected notice (撤销) and prints no tables. */
  readonly withdraw: boolean;
}

/** One table as printed: text cells only, so the JSON, the page and the DOCX say exactly the same. */
export interface NoticeTable {
  readonly title: string;
  readonly subtitle: string | null;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly totals: readonly string[] | null;
}

/** Everything the notice prints, frozen when it is published; its SM3 (canonical JSON) is the notice's digest. */
export interface NoticeContent {
  readonly kind: PublicNoticeKind;
  readonly title: string;
  readonly documentNo: string;
  readonly issuingUnitName: string;
  /** The Beijing day it is issued (成文日期). */
  readonly issuedOn: string;
  /** The instant its figures were read (the read models caught up with the log then). */
  readonly asOf: string;
  readonly preface: readonly string[];
  readonly corrects: { readonly documentNo: string; readonly title: string; readonly withdraw: boolean } | null;
  readonly tables: readonly NoticeTable[];
  readonly notes: readonly string[];
}

/** How long the notice is shown to the public (seed 002), under the policy in force when published. */
export interface NoticePublicity {
  readonly class: PublicityClass;
  /** Null: as long as its subject exists (basic information). */
  readonly until: string | null;
  readonly policyVersion: string;
}

export type DraftPublicNotice = Command<'DraftPublicNotice', NoticeDraft>;

/** Changes what is given (title, preface, period, campaign) of a draft; a published notice refuses it. */
export type RevisePublicNoticeDraft = Command<
  'RevisePublicNoticeDraft',
  {
    readonly noticeId: string;
    readonly title?: string | null;
    readonly preface?: string | null;
    readonly period?: NoticePeriod | null;
    readonly campaignId?: string | null;
  }
>;

export type PublishPublicNotice = Command<
  'PublishPublicNotice',
  {
    readonly noticeId: string;
    /** The draft's revision the content was made from: a revision in between refuses the publication. */
    readonly revision: number;
    readonly documentNo: string;
    readonly content: NoticeContent;
    /** SM3 of the content's canonical JSON, lowercase hex. */
    readonly digest: string;
    /** SM3 of the DOCX rendered from the content. */
    readonly documentDigest: string;
    /** The printed layout's version, so a later layout never re-renders an old notice differently. */
    readonly layoutVersion: number;
    readonly publicity: NoticePublicity;
  }
>;

/** Recorded on the corrected notice before its correction is published: one correction per notice. */
export type MarkPublicNoticeCorrected = Command<
  'MarkPublicNoticeCorrected',
  { readonly noticeId: string; readonly correctionNoticeId: string; readonly withdraw: boolean }
>;

export type PublicNoticeCommand = DraftPublicNotice | RevisePublicNoticeDraft | PublishPublicNotice | MarkPublicNoticeCorrected;

export type PublicNoticeDrafted = DomainEvent<
  'PublicNoticeDrafted',
  NoticeDraft & { readonly draftedBy: string; readonly draftedAt: string }
>;

export type PublicNoticeDraftRevised = DomainEvent<
  'PublicNoticeDraftRevised',
  NoticeDraft & {
    readonly changed: readonly ('title' | 'preface' | 'period' | 'campaignId')[];
    readonly revisedBy: string;
    readonly revisedAt: string;
  }
>;

export type PublicNoticePublished = DomainEvent<
  'PublicNoticePublished',
  Omit<PublishPublicNotice['data'], 'revision'> &
    Pick<NoticeDraft, 'issuingUnitId' | 'kind' | 'period' | 'campaignId' | 'corrects' | 'withdraw'> & {
      readonly publishedBy: string;
      readonly publishedAt: string;
    }
>;

export type PublicNoticeCorrected = DomainEvent<
  'PublicNoticeCorrected',
  {
    readonly noticeId: string;
    readonly correctionNoticeId: string;
    readonly withdraw: boolean;
    readonly markedBy: string;
    readonly markedAt: string;
  }
>;

export type PublicNoticeEvent = PublicNoticeDrafted | PublicNoticeDraftRevised | PublicNoticePublished | PublicNoticeCorrected;

/** Every type a notice stream holds, for narrowing events read from the log (isEventOf). */
export const PUBLIC_NOTICE_EVENTS: EventTypes<PublicNoticeEvent> = {
  PublicNoticeDrafted: true,
  PublicNoticeDraftRevised: true,
  PublicNoticePublished: true,
  PublicNoticeCorrected: true,
};
