import { Actor, Role } from '@bihuan/core';

/** A case file as the audit exports it: one self-contained HTML page (the dossier). */
export interface CaseDossier {
  readonly fileName: string;
  readonly html: string;
}

/**
 * The one way a case file is made: the audit's dossier export (libs/audit, AuditReadService),
 * which opens the case as `reader` may (scope, linked streams, trimming), records the export, and
 * shows personal data as `audience` may see it. A port because the audit reads this context's
 * streams (its visibility and summaries), so this context may not import the audit; the app binds
 * it (libs/app, ReferralDossierModule).
 */
export interface CaseDossierExport {
  dossier(reader: Actor, stream: string, options: { readonly purpose: string; readonly audience: Role }): Promise<CaseDossier>;
}

export const CASE_DOSSIER_EXPORT = Symbol('CASE_DOSSIER_EXPORT');
