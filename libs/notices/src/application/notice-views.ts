import { CorrectedNoticeRef, NoticeContent, NoticePeriod, NoticePublicity, NoticeTable } from '../domain/public-notice.messages';
import { PublicityClass, PublicNoticeKind, PublicNoticeStatus } from '../domain/public-notice-values';
import { DraftRecord, ExistingPublicNotice, PublishedPublicNotice } from '../domain/public-notice.state';

/** Another notice a notice points to: the one it corrects, or the correction that corrects it. */
export interface NoticeLink {
  readonly noticeId: string;
  readonly documentNo: string;
  readonly title: string;
  readonly publishedAt: string;
  /** A correction that withdraws (撤销) rather than corrects. */
  readonly withdraw: boolean;
}

/**
 * A published notice as anyone may read it: exactly what it printed (text, tables, notes), its
 * number and digests, how long it is public, and its corrections. Nothing of its drafting: no
 * person, no revision.
 */
export interface PublicNoticeView {
  readonly noticeId: string;
  readonly kind: PublicNoticeKind;
  readonly documentNo: string;
  readonly title: string;
  readonly issuingUnit: { readonly id: string; readonly name: string };
  readonly issuedOn: string;
  readonly publishedAt: string;
  /** The instant its figures were read. */
  readonly asOf: string;
  readonly period: NoticePeriod | null;
  readonly campaignId: string | null;
  readonly preface: readonly string[];
  readonly tables: readonly NoticeTable[];
  readonly notes: readonly string[];
  readonly digest: { readonly algorithm: 'SM3'; readonly content: string; readonly document: string };
  readonly publicity: { readonly class: PublicityClass; readonly until: string | null };
  readonly corrects: NoticeLink | null;
  readonly correctedBy: NoticeLink | null;
  /** GET this path for the printable DOCX. */
  readonly document: string;
}

/** A notice as the commission staff read it: its draft (who, when, what), and once published what the public reads. */
export interface StaffNoticeView {
  readonly noticeId: string;
  readonly status: PublicNoticeStatus;
  readonly kind: PublicNoticeKind;
  readonly issuingUnitId: string;
  readonly issuingUnitName: string;
  readonly title: string;
  readonly preface: string;
  readonly period: NoticePeriod | null;
  readonly campaignId: string | null;
  readonly corrects: CorrectedNoticeRef | null;
  readonly withdraw: boolean;
  readonly revision: number;
  readonly draftedBy: string;
  readonly draftedAt: string;
  readonly publishedBy: string | null;
  readonly published: PublicNoticeView | null;
}

export const documentPath = (noticeId: string): string => `/public/notices/${encodeURIComponent(noticeId)}/document`;

/** What a published notice shows, given the links to the notices it corrects and that correct it. */
export function publicNoticeView(
  notice: PublishedPublicNotice,
  links: { readonly corrects: NoticeLink | null; readonly correctedBy: NoticeLink | null },
): PublicNoticeView {
  const p = notice.published;
  const c = p.content;
  return {
    noticeId: p.noticeId,
    kind: p.kind,
    documentNo: p.documentNo,
    title: c.title,
    issuingUnit: { id: p.issuingUnitId, name: c.issuingUnitName },
    issuedOn: c.issuedOn,
    publishedAt: p.publishedAt,
    asOf: c.asOf,
    period: p.period,
    campaignId: p.campaignId,
    preface: c.preface,
    tables: c.tables,
    notes: c.notes,
    digest: { algorithm: 'SM3', content: p.digest, document: p.documentDigest },
    publicity: { class: p.publicity.class, until: p.publicity.until },
    corrects: links.corrects,
    correctedBy: links.correctedBy,
    document: documentPath(p.noticeId),
  };
}

/** A published notice as a link from another. */
export function noticeLink(notice: ExistingPublicNotice): NoticeLink | null {
  if (notice.status !== 'published') return null;
  const p = notice.published;
  return { noticeId: p.noticeId, documentNo: p.documentNo, title: p.content.title, publishedAt: p.publishedAt, withdraw: p.withdraw };
}

export function staffNoticeView(
  notice: ExistingPublicNotice,
  issuingUnitName: string,
  published: PublicNoticeView | null,
): StaffNoticeView {
  const d = notice.draft;
  return {
    noticeId: d.noticeId,
    status: notice.status,
    kind: d.kind,
    issuingUnitId: d.issuingUnitId,
    issuingUnitName,
    title: notice.status === 'published' ? notice.published.content.title : d.title,
    preface: d.preface,
    period: d.period,
    campaignId: d.campaignId,
    corrects: d.corrects,
    withdraw: d.withdraw,
    revision: d.revision,
    draftedBy: d.draftedBy,
    draftedAt: d.draftedAt,
    publishedBy: notice.status === 'published' ? notice.published.publishedBy : null,
    published,
  };
}

/**
 * What publishing a draft now would make public (its staff preview): the public page's text, tables
 * and notes exactly as they would be frozen, but no number (taken at publication) and no digest (of
 * content that holds the number). `periodOver`: publishing now is not refused for the period.
 */
export interface NoticePreview {
  readonly noticeId: string;
  readonly kind: PublicNoticeKind;
  readonly title: string;
  readonly issuingUnit: { readonly id: string; readonly name: string };
  readonly issuedOn: string;
  readonly asOf: string;
  readonly period: NoticePeriod | null;
  readonly campaignId: string | null;
  readonly preface: readonly string[];
  readonly corrects: NoticeContent['corrects'];
  readonly tables: readonly NoticeTable[];
  readonly notes: readonly string[];
  readonly publicity: { readonly class: PublicityClass; readonly until: string | null };
  readonly periodOver: boolean;
}

export function noticePreview(draft: DraftRecord, content: NoticeContent, publicity: NoticePublicity, periodOver: boolean): NoticePreview {
  return {
    noticeId: draft.noticeId,
    kind: content.kind,
    title: content.title,
    issuingUnit: { id: draft.issuingUnitId, name: content.issuingUnitName },
    issuedOn: content.issuedOn,
    asOf: content.asOf,
    period: draft.period,
    campaignId: draft.campaignId,
    preface: content.preface,
    corrects: content.corrects,
    tables: content.tables,
    notes: content.notes,
    publicity: { class: publicity.class, until: publicity.until },
    periodOver,
  };
}
