import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ComplaintsModule } from '@bihuan/complaints';
import { LeadHandler } from './application/lead.handler';
import { ReferralHandler } from './application/referral.handler';
import { ReferralReads } from './application/referral-reads';
import { LeadsController } from './http/leads.controller';
import { ReferralsController } from './http/referrals.controller';
import { ReferralQueries } from './read-models/referrals.queries';

/**
 * The referrals context in the API: referrals to partner agencies and leads from them. Needs the
 * platform, CQRS, auth and evidence modules (global), the complaints context (a lead becomes its
 * ticket; the agency reads its status) and CASE_DOSSIER_EXPORT, which the app binds to the audit's
 * dossier export.
 */
@Module({
  imports: [CqrsModule, ComplaintsModule],
  controllers: [ReferralsController, LeadsController],
  providers: [ReferralQueries, ReferralReads, ReferralHandler, LeadHandler],
})
export class ReferralsModule {}
