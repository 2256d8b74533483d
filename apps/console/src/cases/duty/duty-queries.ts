import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, Schemas } from '../../client/client';
import { call } from '../../client/errors';
import { auditKey } from '../../audit/audit-queries';
import { LIVE_KEYS } from '../../session/live-updates';
import { caseFilesKey } from '../../shared/CaseFiles';
import type { Words } from '../../shared/catalogue';

export type ReportDuty = Schemas['ReportDutyDetailDto'];
export type ReportDutyRow = Schemas['ReportDutyListItemDto'];

/** The duty's stream, as the audit routes name it (history, files). */
export const reportDutyStream = (dutyId: string): string => `reportDuty-${dutyId}`;

/** Every read of duties (lists and pages) sits under this key, so a step refreshes them together. */
export const REPORT_DUTIES_KEY = ['report-duties'] as const;

/** The API's caps (libs/campaigns: REPORT_TEXT_MAX, REVIEW_TEXT_MAX, REPORT_NOTE_MAX). */
export const REPORT_TEXT_MAX = 5000;
export const REVIEW_TEXT_MAX = 1000;

/** GET /report-duties/:id — facts, where it stands, submissions with their files, reviews, the deadline running. */
export function useReportDuty(dutyId: string) {
  return useQuery({
    queryKey: [...REPORT_DUTIES_KEY, 'detail', dutyId],
    queryFn: () => call(api.GET('/report-duties/{dutyId}', { params: { path: { dutyId } } })),
  });
}

/** After a step: the duty, the lists, its history and files, and the to-dos are re-read. */
export function useRefreshDuty(dutyId: string): () => Promise<unknown> {
  const queries = useQueryClient();
  return () =>
    Promise.all([
      queries.invalidateQueries({ queryKey: REPORT_DUTIES_KEY }),
      queries.invalidateQueries({ queryKey: auditKey(reportDutyStream(dutyId)) }),
      queries.invalidateQueries({ queryKey: caseFilesKey(reportDutyStream(dutyId)) }),
      queries.invalidateQueries({ queryKey: LIVE_KEYS.todos }),
    ]);
}

/** Every campaign the reader may see, for the list's filter (the hospital's: those it owes reports to). */
export function useCampaignOptions() {
  const campaigns = useQuery({
    queryKey: ['campaigns', 'all'],
    queryFn: () => call(api.GET('/campaigns', { params: { query: { pageSize: 200 } } })),
    staleTime: 60_000,
  });
  return (campaigns.data?.items ?? []).map((c) => ({ value: c.campaignId, label: c.title }));
}

/** The report's name as people say it: 实施方案, or 月报（集中整治） when a phase names the period. */
export function reportName(words: Words, duty: Pick<ReportDutyRow, 'kind' | 'phaseName'>): string {
  return `${words.label('campaignReportKinds', duty.kind)}（${duty.phaseName}）`;
}

/** Whether the unit owes the report now (it may attach files and hand it in). */
export const isOwed = (status: string): boolean => status === 'assigned' || status === 'returned';
