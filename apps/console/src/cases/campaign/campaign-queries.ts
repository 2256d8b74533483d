import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, Schemas } from '../../client/client';
import { call } from '../../client/errors';
import { useInstitutions } from '../../inspector/inspector-api';
import { LIVE_KEYS } from '../../session/live-updates';
import { campaignKey, CAMPAIGNS_KEY } from '../../shared/campaigns';

export type CampaignDetail = Schemas['CampaignDetailDto'];
export type CampaignListItem = Schemas['CampaignListItemDto'];
export type CampaignPhase = Schemas['CampaignPhaseViewDto'];
export type DirectoryUnit = Schemas['DirectoryUnitDto'];

/** The roles that launch, amend and close campaigns (the API's ISSUING_ROLES); others read. */
export const ISSUING_ROLES: readonly string[] = ['inspector', 'leader'];

const partKey = (campaignId: string, part: string) => [...campaignKey(campaignId), part] as const;
const onPath = (campaignId: string) => ({ params: { path: { campaignId } } });

/* Each tab reads its own route when first opened. */

/** 台账: the inspection ledger's rows filed under the campaign (there is no second ledger). */
export const useCampaignLedger = (campaignId: string) =>
  useQuery({ queryKey: partKey(campaignId, 'ledger'), queryFn: () => call(api.GET('/campaigns/{campaignId}/ledger', onPath(campaignId))) });

/** 进度: phase × unit. */
export const useCampaignProgress = (campaignId: string) =>
  useQuery({
    queryKey: partKey(campaignId, 'progress'),
    queryFn: () => call(api.GET('/campaigns/{campaignId}/progress', onPath(campaignId))),
  });

/** 报送: unit × report instance, each cell a reporting duty. */
export const useCampaignReports = (campaignId: string) =>
  useQuery({
    queryKey: partKey(campaignId, 'reports'),
    queryFn: () => call(api.GET('/campaigns/{campaignId}/reports', onPath(campaignId))),
  });

/** 总结: the closing summary (通报). */
export const useCampaignSummary = (campaignId: string) =>
  useQuery({
    queryKey: partKey(campaignId, 'summary'),
    queryFn: () => call(api.GET('/campaigns/{campaignId}/summary', onPath(campaignId))),
  });

/** After a launch, an amendment or a close: every campaign view, and the to-do lists (duties follow the phases). */
export function useCampaignRefresh() {
  const queries = useQueryClient();
  return (): Promise<unknown> =>
    Promise.all([queries.invalidateQueries({ queryKey: CAMPAIGNS_KEY }), queries.invalidateQueries({ queryKey: LIVE_KEYS.todos })]);
}

/** Units of the commission (卫生健康行政部门) that issue campaigns: not institutions, not partner agencies. */
const COMMISSION_KINDS: readonly string[] = ['province', 'city', 'county'];

/**
 * The reader's subtree from the directory (GET /directory/units, the pickers' source): the commission
 * units they may issue for, and the institutions under any one of them (a campaign's listed
 * institutions must lie under its issuing unit).
 */
export function useIssuingUnits() {
  const { institutions, loading } = useInstitutions();
  const units = useQuery({ queryKey: ['directory', 'units'], queryFn: () => call(api.GET('/directory/units')), staleTime: 10 * 60_000 });
  const all = units.data?.units ?? [];
  const commissions = all.filter((unit) => COMMISSION_KINDS.includes(unit.kind));
  const parentOf = new Map(all.map((unit) => [unit.id, unit.parentId]));
  const lies = (unitId: string, under: string): boolean => {
    for (let at: string | null | undefined = unitId; at; at = parentOf.get(at)) if (at === under) return true;
    return false;
  };
  return {
    loading: loading || units.isLoading,
    commissions,
    /** The institutions under `issuingUnitId` (all of the reader's before one is chosen). */
    institutionsUnder: (issuingUnitId: string | undefined): DirectoryUnit[] =>
      issuingUnitId ? institutions.filter((unit) => lies(unit.id, issuingUnitId)) : institutions,
    /** The commissions strictly below `issuingUnitId` (区县卫生健康局 under a city): they may owe its reports. */
    commissionsUnder: (issuingUnitId: string | undefined): DirectoryUnit[] =>
      issuingUnitId ? commissions.filter((unit) => unit.id !== issuingUnitId && lies(unit.id, issuingUnitId)) : [],
    /** Whether the reader's subtree holds the unit: only then may they amend or close its campaigns. */
    covers: (unitId: string): boolean => all.some((unit) => unit.id === unitId),
  };
}
