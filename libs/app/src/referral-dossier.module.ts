import { Global, Module } from '@nestjs/common';
import { AuditModule, AuditReadService } from '@bihuan/audit';
import { CASE_DOSSIER_EXPORT, CaseDossierExport } from '@bihuan/referrals';

/**
 * Binds the referrals context's CASE_DOSSIER_EXPORT to the audit's dossier export, the one way a
 * case file is made: the audit reads the referrals' streams (visibility, summaries), so that
 * context may not import it, and the binding lives where both are composed.
 */
@Global()
@Module({
  imports: [AuditModule],
  providers: [
    { provide: CASE_DOSSIER_EXPORT, useFactory: (audit: AuditReadService): CaseDossierExport => audit, inject: [AuditReadService] },
  ],
  exports: [CASE_DOSSIER_EXPORT],
})
export class ReferralDossierModule {}
