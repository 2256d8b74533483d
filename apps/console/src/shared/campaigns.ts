import { useQuery } from '@tanstack/react-query';
import { api } from '../client/client';
import { call } from '../client/errors';

/** Every campaign query sits under ['campaigns']: one launch, amendment or close refreshes them together. */
export const CAMPAIGNS_KEY = ['campaigns'] as const;
/** One campaign's page (GET /campaigns/:id), shared by its own page, the lists' current phase and the case pages' links. */
export const campaignKey = (campaignId: string) => [...CAMPAIGNS_KEY, campaignId] as const;

/**
 * The campaigns (专项行动) still running that the signed-in user may see, for the pickers that file a
 * visit under one. The API checks the rest: a campaign whose scope leaves the institution out is
 * refused naming the field.
 */
export function useOpenCampaigns(enabled = true) {
  const campaigns = useQuery({
    queryKey: [...CAMPAIGNS_KEY, 'launched'],
    queryFn: () => call(api.GET('/campaigns', { params: { query: { status: 'launched', pageSize: 200 } } })),
    staleTime: 60_000,
    enabled,
  });
  return {
    loading: campaigns.isLoading,
    options: (campaigns.data?.items ?? []).map((c) => ({ value: c.campaignId, label: c.title })),
  };
}

/**
 * A campaign as the reader may see it: facts, phases placed on the server's day (`today`, the
 * clock the API runs on, never the browser's), the scope's institutions the reader covers. A reader
 * who may not open it (or an old free-text id) gets the API's refusal, not retried.
 */
export function useCampaign(campaignId: string | null | undefined) {
  return useQuery({
    queryKey: campaignKey(campaignId ?? ''),
    queryFn: () => call(api.GET('/campaigns/{campaignId}', { params: { path: { campaignId: campaignId! } } })),
    enabled: Boolean(campaignId),
    staleTime: 60_000,
    retry: false,
  });
}

/**
 * Every campaign the signed-in user may see, running or closed, for the picker of a campaign summary
 * (专项行动情况通报): a summary is mostly drafted once the campaign has closed.
 */
export function useCampaignOptions(enabled = true) {
  const campaigns = useQuery({
    queryKey: ['campaigns', 'all'],
    queryFn: () => call(api.GET('/campaigns', { params: { query: { pageSize: 200 } } })),
    staleTime: 60_000,
    enabled,
  });
  return {
    loading: campaigns.isLoading,
    options: (campaigns.data?.items ?? []).map((c) => ({ value: c.campaignId, label: c.title })),
  };
}
