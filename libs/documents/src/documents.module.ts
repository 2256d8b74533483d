import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { InspectionAccess } from '@bihuan/inspection';
import { IssueNoticeDocumentHandler } from './application/issue-notice.handler';
import { DOCUMENTS_PROVIDERS } from './application/notice-documents.tokens';
import { DownloadNoticeHandler, ListNoticesHandler } from './application/notice.queries';
import { NoticeTemplatesController } from './http/notice-templates.controller';
import { NoticesController } from './http/notices.controller';

/**
 * Printable notices (issue 17, ADR 0009): issuing, listing and downloading a finding's notices,
 * and the admin's templates. Scope checks are the finding's own (InspectionAccess); writes to the
 * finding go through the one write seam. Needs the platform's global providers and AuthModule.
 */
@Module({
  imports: [CqrsModule],
  controllers: [NoticesController, NoticeTemplatesController],
  providers: [InspectionAccess, ...DOCUMENTS_PROVIDERS, IssueNoticeDocumentHandler, ListNoticesHandler, DownloadNoticeHandler],
})
export class DocumentsModule {}
