import { UserDirectory, Jurisdiction } from '@bihuan/auth';
import { DEADLINE_SUMMARY_CATALOGUE, EVIDENCE_SUMMARY_CATALOGUE, SummaryCatalogue } from '@bihuan/core';
import { COMPLAINTS_SUMMARY_CATALOGUE } from '@bihuan/complaints';
import { CREDIT_SUMMARY_CATALOGUE } from '@bihuan/credit';
import { CAMPAIGNS_SUMMARY_CATALOGUE } from '@bihuan/campaigns';
import { NOTICES_SUMMARY_CATALOGUE } from '@bihuan/notices';
import { DIRECTORY_SUMMARY_CATALOGUE } from '@bihuan/directory';
import { DOCUMENTS_SUMMARY_CATALOGUE } from '@bihuan/documents';
import { ETHICS_SUMMARY_CATALOGUE } from '@bihuan/ethics';
import { IDENTITY_SUMMARY_CATALOGUE } from '@bihuan/identity';
import { INSPECTION_SUMMARY_CATALOGUE } from '@bihuan/inspection';
import { PLATFORM_SUMMARY_CATALOGUE } from '@bihuan/platform';
import { PROCESSING_SUMMARY_CATALOGUE } from '@bihuan/processing';
import { REFERRALS_SUMMARY_CATALOGUE } from '@bihuan/referrals';
import { EventSummaryRegistry, NameLookup } from './summary-registry';

/**
 * The catalogues of every context whose events reach the log, in one list (as the visibility
 * registry lists their declarations). A context with new events adds its catalogue here; the
 * completeness spec fails until every type it lists has a summary.
 */
export const SUMMARY_CATALOGUES: readonly SummaryCatalogue[] = [
  DEADLINE_SUMMARY_CATALOGUE,
  EVIDENCE_SUMMARY_CATALOGUE, // files attached to any case (core/evidence.ts)
  PROCESSING_SUMMARY_CATALOGUE,
  PLATFORM_SUMMARY_CATALOGUE,
  INSPECTION_SUMMARY_CATALOGUE,
  COMPLAINTS_SUMMARY_CATALOGUE,
  ETHICS_SUMMARY_CATALOGUE,
  CREDIT_SUMMARY_CATALOGUE,
  CAMPAIGNS_SUMMARY_CATALOGUE,
  NOTICES_SUMMARY_CATALOGUE,
  REFERRALS_SUMMARY_CATALOGUE,
  DOCUMENTS_SUMMARY_CATALOGUE,
  DIRECTORY_SUMMARY_CATALOGUE,
  IDENTITY_SUMMARY_CATALOGUE,
];

/** Names from the directory's people and the jurisdiction's units (ids when unknown). */
export function directoryNames(
  users: Pick<UserDirectory, 'get'> | undefined,
  jurisdiction: Pick<Jurisdiction, 'get'> | undefined,
): NameLookup {
  return { person: (id) => users?.get(id)?.name, unit: (id) => jurisdiction?.get(id)?.name };
}

/** The registry of every context's summaries, naming people and units through the directory. */
export function eventSummaries(names?: NameLookup): EventSummaryRegistry {
  return new EventSummaryRegistry(SUMMARY_CATALOGUES, names);
}
