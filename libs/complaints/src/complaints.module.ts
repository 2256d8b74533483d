import { Module } from '@nestjs/common';
import { SqlDatabase } from '@bihuan/database';
import { AccessPolicy } from '@bihuan/auth';
import { Clock, CLOCK } from '@bihuan/core';
import { EVENT_STORE, EventStore } from '@bihuan/event-store';
import { AppConfig, CONFIG, READ_MODELS } from '@bihuan/platform';
import { MemorySubjectKeyStore, PrivacyModule, PrivacyResources, SqlAccessLog, SqlSubjectKeyStore } from '@bihuan/privacy';
import { ComplainantIdentityService } from './application/complainant-identity.service';
import { ExternalReferences } from './application/external-references';
import { TicketHandler } from './application/ticket.handler';
import { TicketEvidenceService } from './application/ticket-evidence.service';
import { AdminSubjectsController } from './http/admin-subjects.controller';
import { ComplaintQueriesController } from './http/complaint-queries.controller';
import { ComplaintEvidenceController } from './http/complaint-evidence.controller';
import { ComplaintStepsController } from './http/complaint-steps.controller';
import { PublicComplaintsController } from './http/public-complaints.controller';
import { PublicEvidenceController } from './http/public-evidence.controller';
import { PUBLIC_RATE_LIMIT, PublicRateLimitGuard, rateLimitFromEnv } from './http/public-rate-limit.guard';
import { ComplaintStatisticsQuery } from './read-models/complaint-statistics.query';
import { ComplaintTicketQueries } from './read-models/complaint-tickets.query';

/**
 * Where personal data lives (docs/privacy.md): keys in the privacy database — `${DATA_DIR}/keys.sqlite`,
 * or schema `privacy` on PostgreSQL — outside the log, or in memory when the log itself is in
 * memory (tests, demo); the hash-chained access log in the read-model database. Jurisdiction
 * checks on reads use the AccessPolicy.
 */
export async function privacyResourcesFor(
  config: AppConfig,
  store: EventStore,
  readModels: SqlDatabase,
  scope: AccessPolicy,
  clock: Clock,
): Promise<PrivacyResources> {
  const keyStore =
    store.kind === 'memory'
      ? new MemorySubjectKeyStore(clock)
      : await SqlSubjectKeyStore.open({ dataDir: config.dataDir, url: config.postgresUrl, clock });
  return { keyStore, accessLog: new SqlAccessLog(readModels), scope };
}

export const COMPLAINTS_PRIVACY = PrivacyModule.forRootAsync({
  inject: [CONFIG, EVENT_STORE, READ_MODELS, AccessPolicy, CLOCK],
  useFactory: privacyResourcesFor as (...args: never[]) => Promise<PrivacyResources>,
});

/**
 * The complaints context in the API (issue 5): staff steps, the public entry (rate limited),
 * the recorded identity read, erasure, lists, details and statistics. Needs the platform, CQRS
 * and auth modules (global); brings PrivacyModule (global) for the key store and access log.
 */
@Module({
  imports: [COMPLAINTS_PRIVACY],
  controllers: [
    ComplaintQueriesController,
    ComplaintStepsController,
    ComplaintEvidenceController,
    PublicComplaintsController,
    PublicEvidenceController,
    AdminSubjectsController,
  ],
  providers: [
    TicketHandler,
    TicketEvidenceService,
    ExternalReferences,
    ComplainantIdentityService,
    ComplaintTicketQueries,
    ComplaintStatisticsQuery,
    { provide: PUBLIC_RATE_LIMIT, useFactory: () => rateLimitFromEnv() },
    PublicRateLimitGuard,
  ],
  exports: [ComplaintTicketQueries, ComplainantIdentityService, ComplaintStatisticsQuery],
})
export class ComplaintsModule {}
