import { InspectionModule } from '@bihuan/inspection';
import { AuditModule } from '@bihuan/audit';
import { EthicsModule } from '@bihuan/ethics';
import { CreditModule } from '@bihuan/credit';
import { CampaignsModule } from '@bihuan/campaigns';
import { ComplaintsModule } from '@bihuan/complaints';
import { DocumentsModule } from '@bihuan/documents';
import { NoticesModule } from '@bihuan/notices';
import { EvidenceModule } from '@bihuan/evidence';
import { DirectoryModule } from '@bihuan/directory';
import { IdentityModule } from '@bihuan/identity';
import { NotificationsHttpModule } from '@bihuan/notifications';
import { ReferralsModule } from '@bihuan/referrals';
import { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import { AdminModule } from './admin/admin.module';
import { HistorySummariesModule } from './history-summaries.module';
import { ReferralDossierModule } from './referral-dossier.module';

type ModuleRef = Type<unknown> | DynamicModule | Promise<DynamicModule> | ForwardReference;

/**
 * The bounded contexts the API serves. Add each context's Nest module here (InspectionModule,
 * ComplaintsModule, EthicsModule, CreditModule, AuditModule, AdminModule, …); AppModule imports
 * them after the platform, CQRS, health and metrics. A context module brings its controllers,
 * DTOs and command handlers; its domain stays in `libs/<context>`.
 */
export const CONTEXT_MODULES: readonly ModuleRef[] = [
  AdminModule,
  InspectionModule,
  AuditModule,
  HistorySummariesModule, // the audit's summary registry for the finding and complaint histories
  EthicsModule,
  CreditModule,
  CampaignsModule, // campaigns (专项行动); global: binds core's CAMPAIGN_CHECK for visits and draws
  ComplaintsModule,
  ReferralsModule, // referrals to partner agencies and leads from them (docs/referrals.md)
  ReferralDossierModule, // the referrals' case file is the audit's dossier export
  DocumentsModule,
  NoticesModule, // public notices (通报 · 公示): drafted and published by the commission, read by the public
  EvidenceModule, // evidence files (global BLOB_STORE, EVIDENCE_VAULT); its sealed files use the keys PrivacyModule brings
  DirectoryModule,
  NotificationsHttpModule, // delivery status for admins; the outbox is sent by the worker (NotificationsDispatchModule)
  IdentityModule, // sign-in, sessions, SSO; its SESSION_VALIDATOR makes AuthGuard check sessions
];
