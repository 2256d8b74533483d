import { useQuery } from '@tanstack/react-query';
import { api } from '../client/client';
import { call } from '../client/errors';

/**
 * The campaigns (专项行动) still running that the signed-in user may see, for the pickers that file a
 * visit under one. The API checks the rest: a campaign whose scope leaves the institution out is
 * refused naming the field.
 */
export function useOpenCampaigns(enabled = true) {
  const campaigns = useQuery({
    queryKey: ['campaigns', 'launched'],
    queryFn: () => call(api.GET('/campaigns', { params: { query: { status: 'launched', pageSize: 200 } } })),
    staleTime: 60_000,
    enabled,
  });
  return {
    loading: campaigns.isLoading,
    options: (campaigns.data?.items ?? []).map((c) => ({ value: c.campaignId, label: c.title })),
  };
}

/** A campaign's title for a case page; the id while it loads or when the reader may not open it. */
export function useCampaignTitle(campaignId: string | null | undefined): string | null {
  const campaign = useQuery({
    queryKey: ['campaigns', campaignId],
    queryFn: () => call(api.GET('/campaigns/{campaignId}', { params: { path: { campaignId: campaignId! } } })),
    enabled: Boolean(campaignId),
    staleTime: 10 * 60_000,
    retry: false,
  });
  if (!campaignId) return null;
  return campaign.data?.title ?? campaignId;
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
