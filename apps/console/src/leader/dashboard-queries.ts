import { useQuery } from '@tanstack/react-query';
import { api, Schemas } from '../client/client';
import { call } from '../client/errors';
import { namesOf } from '../shared/names';
import { Period, receivedRange } from './leader-filters';

export type LedgerCounts = Schemas['InspectionLedgerCountsDto'];
export type ComplaintStatistics = Schemas['ComplaintStatisticsDto'];
export type CreditLevels = Schemas['CreditLevelListDto'];

/** Everything the dashboard draws, each from its owning context's read, all within the leader's jurisdiction. */
export interface Dashboard {
  readonly findings?: LedgerCounts;
  readonly complaintsByInstitution?: ComplaintStatistics;
  readonly complaintsByMonth?: ComplaintStatistics;
  readonly credit?: CreditLevels;
  /** Unit names of every answer (the API's `names`), for the ids the figures are keyed by. */
  readonly nameOf: (id: string) => string;
  readonly loading: boolean;
  readonly error: unknown;
}

/**
 * The four reads of the dashboard, in parallel: ledger counts (GET /ledgers/counts), complaint
 * statistics by institution and by month (GET /complaints/statistics, received within the period),
 * and credit levels with the list entries (GET /credit/archives: as of now, whatever the period).
 */
export function useDashboard(period: Period): Dashboard {
  const findings = useQuery({
    queryKey: ['leader', 'counts', period],
    queryFn: () => call(api.GET('/ledgers/counts', { params: { query: period } })),
  });
  const complaints = (groupBy: 'institution' | 'month') =>
    ({
      queryKey: ['leader', 'complaints', groupBy, period],
      // JSON here (no ?format=xlsx), whatever else the route may answer.
      queryFn: async () =>
        (await call(
          api.GET('/complaints/statistics', { params: { query: { groupBy, ...receivedRange(period) } } }),
        )) as ComplaintStatistics,
    }) as const;
  const byInstitution = useQuery(complaints('institution'));
  const byMonth = useQuery(complaints('month'));
  const credit = useQuery({ queryKey: ['leader', 'credit'], queryFn: () => call(api.GET('/credit/archives')) });
  const names = { ...namesOf(credit.data), ...namesOf(byInstitution.data), ...namesOf(findings.data) };
  return {
    findings: findings.data,
    complaintsByInstitution: byInstitution.data,
    complaintsByMonth: byMonth.data,
    credit: credit.data,
    nameOf: (id) => names[id] ?? id,
    loading: [findings, byInstitution, byMonth, credit].some((q) => q.isLoading),
    error: [findings, byInstitution, byMonth, credit].find((q) => q.error)?.error ?? null,
  };
}
