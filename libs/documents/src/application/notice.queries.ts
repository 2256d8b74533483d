import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Actor, streamName } from '@bihuan/core';
import { EVENT_STORE, EventStore, RecordedEvent, sm3Hex } from '@bihuan/event-store';
import { FINDING_STREAM_CATEGORY, findingDecider, InspectionAccess, NoticeDocumentIssued } from '@bihuan/inspection';
import { streamState } from '@bihuan/processing';
import { documentsError } from '../documents-errors';
import { renderNotice } from '../rendering/docx-render';
import { NoticeTemplates } from '../templates/notice-templates';
import { NoticeDocumentView, NoticeFile, noticeView } from './notice-views';

export class ListNoticesQuery extends Query<{ findingId: string; items: NoticeDocumentView[] }> {
  constructor(
    readonly actor: Actor,
    readonly findingId: string,
  ) {
    super();
  }
}

export class DownloadNoticeQuery extends Query<NoticeFile> {
  constructor(
    readonly actor: Actor,
    readonly findingId: string,
    readonly documentNo: string,
  ) {
    super();
  }
}

abstract class NoticeReads {
  constructor(
    @Inject(EVENT_STORE) protected readonly store: EventStore,
    @Inject(InspectionAccess) protected readonly scope: InspectionAccess,
    @Inject(NoticeTemplates) protected readonly templates: NoticeTemplates,
  ) {}

  /** The finding's printed notices, visible exactly as the finding is (404 unknown, 403 out of scope). */
  protected async notices(actor: Actor, findingId: string): Promise<RecordedEvent[]> {
    const stream = streamName(FINDING_STREAM_CATEGORY, findingId);
    this.scope.finding(actor, findingId)(await streamState(this.store, stream, findingDecider));
    return (await this.store.readStream(stream)).filter((e) => e.type === 'NoticeDocumentIssued');
  }
}

@QueryHandler(ListNoticesQuery)
export class ListNoticesHandler extends NoticeReads implements IQueryHandler<ListNoticesQuery> {
  async execute({ actor, findingId }: ListNoticesQuery) {
    return { findingId, items: (await this.notices(actor, findingId)).map(noticeView) };
  }
}

/**
 * A notice's DOCX, regenerated from what the log recorded (the field values and the template
 * version) and answered only when its SM3 equals the digest recorded at issue: the file handed out
 * today is provably the one issued then (ADR 0009).
 */
@QueryHandler(DownloadNoticeQuery)
export class DownloadNoticeHandler extends NoticeReads implements IQueryHandler<DownloadNoticeQuery> {
  async execute({ actor, findingId, documentNo }: DownloadNoticeQuery): Promise<NoticeFile> {
    const event = (await this.notices(actor, findingId)).find((e) => (e.data as NoticeDocumentIssued['data']).documentNo === documentNo);
    if (!event) throw documentsError('NOTICE_NOT_FOUND', `This finding has no notice numbered "${documentNo}"`, { documentNo });
    const d = event.data as NoticeDocumentIssued['data'];
    const template = await this.templates.version(d.kind, d.templateVersion);
    if (!template || template.digest !== d.templateDigest) {
      throw documentsError(
        'DIGEST_MISMATCH',
        `Template version ${d.templateVersion} differs from the record; the notice cannot be regenerated`,
        {
          templateVersion: d.templateVersion,
        },
      );
    }
    const body = renderNotice(template.bytes, d.fields as Parameters<typeof renderNotice>[1]);
    const digest = sm3Hex(body);
    if (digest !== d.digest)
      throw documentsError('DIGEST_MISMATCH', "The regenerated notice's SM3 digest differs from the case record", {
        algorithm: 'SM3',
      });
    return { body, digest, utf8Name: d.fileName, asciiName: `notice-${d.kind}-r${d.round}-${d.step}.docx` };
  }
}
