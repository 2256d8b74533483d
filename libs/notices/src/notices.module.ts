import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ComplaintsModule } from '@bihuan/complaints';
import { CreditModule } from '@bihuan/credit';
import { DocumentNumberRegister } from '@bihuan/documents';
import { EVENT_STORE, EventStore } from '@bihuan/event-store';
import { NoticeAccess } from './application/notice-access';
import { NoticePublisher } from './application/notice-publisher';
import { NoticeReads } from './application/notice-reads';
import { PublicNoticeRequestHandler } from './application/notice-request.handler';
import { NoticeTables } from './application/tables/notice-tables.service';
import { PublicNoticesPublicController } from './http/public-notices-public.controller';
import { PublicNoticesController } from './http/public-notices.controller';

/**
 * Public notices (通报 · 公示) in the API: the commission's drafting, publishing and correcting, and
 * the public's reads. Its tables are the contexts' own reads (complaints' and credit's modules, the
 * inspection ledger's counts through the QueryBus, the campaign summary); its numbers come from the
 * documents context's register (one sequence per unit and year, ADR 0009). Its projection runs in
 * the worker (NOTICES_WORKER).
 */
@Module({
  imports: [CqrsModule, ComplaintsModule, CreditModule],
  controllers: [PublicNoticesController, PublicNoticesPublicController],
  providers: [
    NoticeAccess,
    NoticeTables,
    NoticePublisher,
    NoticeReads,
    PublicNoticeRequestHandler,
    { provide: DocumentNumberRegister, inject: [EVENT_STORE], useFactory: (store: EventStore) => new DocumentNumberRegister(store) },
  ],
})
export class NoticesModule {}
