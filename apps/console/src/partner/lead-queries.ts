import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client/client';
import { call } from '../client/errors';

/** Every lead query sits under this key, so sending one refreshes the list. */
export const LEADS_KEY = ['leads'] as const;

/** GET /leads — one page of the leads the agency sent, newest first. */
export function useLeadPage(cursor: string | undefined) {
  return useQuery({
    queryKey: [...LEADS_KEY, 'page', cursor],
    queryFn: () => call(api.GET('/leads', { params: { query: cursor ? { cursor } : {} } })),
    placeholderData: keepPreviousData,
  });
}

/** GET /leads/:id — the lead and how far its complaint ticket has come (step and dates only). */
export function useLead(leadId: string) {
  return useQuery({
    queryKey: [...LEADS_KEY, 'one', leadId],
    queryFn: () => call(api.GET('/leads/{leadId}', { params: { path: { leadId } } })),
  });
}

export function useRefreshLeads() {
  const queries = useQueryClient();
  return (): Promise<unknown> => queries.invalidateQueries({ queryKey: LEADS_KEY });
}

/**
 * The commissions a lead may go to and the institutions under each, from the directory the partner
 * reads (its commission's subtree, ADR 0022): the agency's own commission or one below it.
 */
export function useLeadUnits() {
  const units = useQuery({ queryKey: ['directory', 'units'], queryFn: () => call(api.GET('/directory/units')), staleTime: 10 * 60_000 });
  const all = units.data?.units ?? [];
  const commissions = all.filter((unit) => unit.kind === 'province' || unit.kind === 'city' || unit.kind === 'county');
  /** Institutions in the subtree of `commissionId`. */
  const institutionsUnder = (commissionId: string | undefined) => {
    if (!commissionId) return [];
    const parentOf = new Map(all.map((unit) => [unit.id, unit.parentId]));
    const under = (id: string): boolean => {
      for (let at: string | null | undefined = parentOf.get(id); at; at = parentOf.get(at)) if (at === commissionId) return true;
      return false;
    };
    return all.filter((unit) => unit.kind === 'institution' && under(unit.id));
  };
  return { loading: units.isLoading, commissions, institutionsUnder };
}
