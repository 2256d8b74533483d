import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { sm3Hex } from '@bihuan/event-store';
import { KeysetPage, READ_MODELS } from '@bihuan/platform';
import { noticeError } from '../domain/public-notice-errors';
import { PublishedPublicNotice } from '../domain/public-notice.state';
import { PublicNoticeKind } from '../domain/public-notice-values';
import { NoticeFilter, NoticeListItem, NoticeQueries } from '../read-models/notices.queries';
import { PUBLIC_NOTICE_LAYOUT_VERSION, renderPublicNotice } from '../rendering/public-notice-docx';
import { NoticeAccess } from './notice-access';
import { NoticeLink, noticeLink, PublicNoticeView, publicNoticeView, StaffNoticeView, staffNoticeView } from './notice-views';

/** A published notice as the public list shows it: nothing of its drafting. */
export interface PublicNoticeListItem {
  readonly noticeId: string;
  readonly kind: PublicNoticeKind;
  readonly documentNo: string;
  readonly title: string;
  readonly issuingUnitName: string;
  readonly publishedAt: string;
  readonly correctsId: string | null;
  readonly withdraw: boolean;
  readonly correctedById: string | null;
}

/** A printable notice to send: its bytes, names and SM3. */
export interface NoticeDocumentFile {
  readonly body: Buffer;
  readonly digest: string;
  readonly utf8Name: string;
  readonly asciiName: string;
}

/**
 * The notices' reads. Staff: the list of their units' notices (read model) and a notice with its
 * draft (its stream, through its visibility). Public: published notices only, within their publicity
 * period (seed 002), from what the publication recorded — the JSON and a DOCX re-rendered from it and
 * answered only when its SM3 equals the one recorded (ADR 0021).
 */
@Injectable()
export class NoticeReads {
  private readonly queries: NoticeQueries;

  constructor(
    @Inject(NoticeAccess) private readonly notices: NoticeAccess,
    @Inject(READ_MODELS) database: SqlDatabase,
  ) {
    this.queries = new NoticeQueries(database);
  }

  staffList(actor: Actor, filter: NoticeFilter, cursor: string | undefined, pageSize: number): Promise<KeysetPage<NoticeListItem>> {
    return this.queries.staff(this.notices.access.visibleUnits(actor), filter, cursor, pageSize);
  }

  async staffDetail(actor: Actor, noticeId: string): Promise<StaffNoticeView> {
    const notice = this.notices.notice(actor, noticeId)(await this.notices.state(noticeId));
    const published = notice.status === 'published' ? publicNoticeView(notice, await this.links(notice)) : null;
    return staffNoticeView(notice, this.notices.unitName(notice.draft.issuingUnitId), published);
  }

  async publicList(
    kind: PublicNoticeKind | undefined,
    cursor: string | undefined,
    pageSize: number,
  ): Promise<KeysetPage<PublicNoticeListItem>> {
    const page = await this.queries.published(this.notices.execution.now(), kind, cursor, pageSize);
    return {
      items: page.items.map((n) => ({
        noticeId: n.noticeId,
        kind: n.kind,
        documentNo: n.documentNo ?? '',
        title: n.title,
        issuingUnitName: this.notices.unitName(n.issuingUnitId),
        publishedAt: n.publishedAt ?? '',
        correctsId: n.correctsId,
        withdraw: n.withdraw,
        correctedById: n.correctedById,
      })),
      nextCursor: page.nextCursor,
    };
  }

  async publicDetail(noticeId: string): Promise<PublicNoticeView> {
    const notice = await this.publicNotice(noticeId);
    return publicNoticeView(notice, await this.links(notice));
  }

  /** The DOCX re-rendered from the recorded content, byte for byte the one whose SM3 was recorded (else 409). */
  async publicDocument(noticeId: string): Promise<NoticeDocumentFile> {
    const { published: p } = await this.publicNotice(noticeId);
    const body = p.layoutVersion === PUBLIC_NOTICE_LAYOUT_VERSION ? await renderPublicNotice(p.content, p.digest) : null;
    const digest = body ? sm3Hex(body) : null;
    if (!body || digest !== p.documentDigest) {
      throw noticeError('DIGEST_MISMATCH', "The re-rendered notice's SM3 differs from the one recorded when it was published", undefined, {
        algorithm: 'SM3',
      });
    }
    const name = `${p.content.title}（${p.documentNo}）.docx`.replace(/[\\/]/g, '_');
    return { body, digest, utf8Name: name, asciiName: `public-notice-${p.noticeId}.docx` };
  }

  /** A published notice the public may still see: 404 for a draft or none, 404 NOTICE.PUBLICITY_ENDED after its period. */
  private async publicNotice(noticeId: string): Promise<PublishedPublicNotice> {
    const notice = await this.notices.state(noticeId);
    if (notice.status !== 'published') throw noticeError('NOT_FOUND', `notice ${noticeId} does not exist`);
    const until = notice.published.publicity.until;
    if (until !== null && Date.parse(until) <= Date.parse(this.notices.execution.now())) {
      throw noticeError('PUBLICITY_ENDED', `notice ${noticeId} was public until ${until}`, undefined, { until });
    }
    return notice;
  }

  /** The notice it corrects and the published correction that corrects it (one marked but not yet published: none). */
  private async links(notice: PublishedPublicNotice): Promise<{ corrects: NoticeLink | null; correctedBy: NoticeLink | null }> {
    const link = async (id: string | undefined) => {
      if (!id) return null;
      const other = await this.notices.state(id);
      return other.status === 'none' ? null : noticeLink(other);
    };
    const [corrects, correctedBy] = await Promise.all([
      link(notice.draft.corrects?.noticeId),
      link(notice.correctedBy?.correctionNoticeId),
    ]);
    return { corrects, correctedBy };
  }
}
