import { Module } from '@nestjs/common';
import { Clock, CLOCK } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { EVENT_STORE, EventStore } from '@bihuan/event-store';
import { READ_MODELS } from '@bihuan/platform';
import { ACCESS_LOG, AccessLog } from '@bihuan/privacy';
import { Jurisdiction, UserDirectory } from '@bihuan/auth';
import { AuditReadService } from './application/audit-read.service';
import { AUDIT_CASE_INDEX, AUDIT_TRAIL, CASE_HISTORY, EVENT_SUMMARIES } from './application/audit.tokens';
import { directoryNames, eventSummaries } from './history/summary-catalogues';
import { CaseIndex } from './case-index/case-index.port';
import { SqlCaseIndex } from './case-index/sql-case-index.adapter';
import { CaseHistoryService } from './history/case-history.service';
import { AuditCasesController } from './http/audit-cases.controller';
import { AuditLogController } from './http/audit-log.controller';
import { AuditFilesController } from './http/audit-files.controller';
import { AuditFilesService } from './application/audit-files.service';
import { AccessLogAuditTrail } from './trail/access-log-audit-trail.adapter';
import { AuditTrail } from './trail/audit-trail.port';
import { SqlAuditTrail } from './trail/sql-audit-trail.adapter';

/**
 * The leaders' audit over HTTP (`/audit/…`). Reads the case index tables the worker's `audit`
 * contribution keeps in READ_MODELS (AUDIT_MIGRATIONS); records reads in privacy's AccessLog when
 * PrivacyModule is wired (one hash-chained record of every read), else in the `audit_access`
 * table beside the read models.
 */
@Module({
  controllers: [AuditCasesController, AuditFilesController, AuditLogController],
  providers: [
    { provide: AUDIT_CASE_INDEX, useFactory: (database: SqlDatabase): CaseIndex => new SqlCaseIndex(database), inject: [READ_MODELS] },
    {
      provide: AUDIT_TRAIL,
      useFactory: (database: SqlDatabase, log?: AccessLog): AuditTrail =>
        log ? new AccessLogAuditTrail(log) : new SqlAuditTrail(database),
      inject: [READ_MODELS, { token: ACCESS_LOG, optional: true }],
    },
    {
      provide: CASE_HISTORY,
      useFactory: (store: EventStore, index: CaseIndex, trail: AuditTrail, clock: Clock) =>
        new CaseHistoryService(store, index, { trail, clock }),
      inject: [EVENT_STORE, AUDIT_CASE_INDEX, AUDIT_TRAIL, CLOCK],
    },
    {
      provide: EVENT_SUMMARIES,
      useFactory: (users?: UserDirectory, jurisdiction?: Jurisdiction) => eventSummaries(directoryNames(users, jurisdiction)),
      inject: [
        { token: UserDirectory, optional: true },
        { token: Jurisdiction, optional: true },
      ],
    },
    AuditReadService,
    AuditFilesService,
  ],
  exports: [AuditReadService, AUDIT_TRAIL, EVENT_SUMMARIES],
})
export class AuditModule {}
