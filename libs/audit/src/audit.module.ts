import { Module } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { Clock, CLOCK } from '@bihuan/core';
import { EVENT_STORE, EventStore } from '@bihuan/event-store';
import { READ_MODEL_DB } from '@bihuan/platform';
import { ACCESS_LOG, AccessLog } from '@bihuan/privacy';
import { AuditReadService } from './application/audit-read.service';
import { AUDIT_CASE_INDEX, AUDIT_TRAIL, CASE_HISTORY } from './application/audit.tokens';
import { CaseIndex } from './case-index/case-index.port';
import { SqliteCaseIndex } from './case-index/sqlite-case-index.adapter';
import { CaseHistoryService } from './history/case-history.service';
import { AuditCasesController } from './http/audit-cases.controller';
import { AuditLogController } from './http/audit-log.controller';
import { AccessLogAuditTrail } from './trail/access-log-audit-trail.adapter';
import { AuditTrail } from './trail/audit-trail.port';
import { SqliteAuditTrail } from './trail/sqlite-audit-trail.adapter';

/**
 * The leaders' audit over HTTP (`/audit/…`). Reads the case index tables the worker's `audit`
 * contribution keeps in READ_MODEL_DB; records reads in privacy's AccessLog when PrivacyModule is
 * wired (one hash-chained record of every read), else in the `audit_access` table beside the
 * read models.
 */
@Module({
  controllers: [AuditCasesController, AuditLogController],
  providers: [
    { provide: AUDIT_CASE_INDEX, useFactory: (db: Database.Database): CaseIndex => new SqliteCaseIndex(db), inject: [READ_MODEL_DB] },
    {
      provide: AUDIT_TRAIL,
      useFactory: (db: Database.Database, log?: AccessLog): AuditTrail => (log ? new AccessLogAuditTrail(log) : new SqliteAuditTrail(db)),
      inject: [READ_MODEL_DB, { token: ACCESS_LOG, optional: true }],
    },
    {
      provide: CASE_HISTORY,
      useFactory: (store: EventStore, index: CaseIndex, trail: AuditTrail, clock: Clock) =>
        new CaseHistoryService(store, index, { trail, clock }),
      inject: [EVENT_STORE, AUDIT_CASE_INDEX, AUDIT_TRAIL, CLOCK],
    },
    AuditReadService,
  ],
  exports: [AuditReadService, AUDIT_TRAIL],
})
export class AuditModule {}
