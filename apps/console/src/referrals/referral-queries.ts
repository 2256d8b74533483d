import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../client/client';
import { call } from '../client/errors';
import type { operations } from '../client/schema.gen';
import { PATHS } from '../routes';
import { LIVE_KEYS } from '../session/live-updates';

export type Referral = Schemas['ReferralDto'];
export type ReferralDetail = Schemas['ReferralDetailDto'];
export type ReferralListQuery = NonNullable<operations['ReferralsController_list']['parameters']['query']>;

/** Who refers a case and closes a referral: the API's REFERRER_ROLES (POST /referrals, …/close); 403 for anyone else. */
export const REFERRING_ROLES: readonly string[] = ['inspector', 'leader'];
/** Who reads referrals (GET /referrals…): the agencies' partners and the commission's staff, never a hospital. */
export const REFERRAL_READER_ROLES: readonly string[] = ['inspector', 'leader', 'admin', 'partner'];

/** Every referral query sits under this key, so a step refreshes lists and pages together. */
export const REFERRALS_KEY = ['referrals'] as const;

/** GET /referrals/:id — one referral with its files (the case file first, then the agency's documents). */
export function useReferral(referralId: string, enabled = true) {
  return useQuery({
    queryKey: [...REFERRALS_KEY, 'one', referralId],
    queryFn: () => call(api.GET('/referrals/{referralId}', { params: { path: { referralId } } })),
    enabled,
    retry: false,
  });
}

/** GET /referrals — one page of the referrals the caller may read, newest first. */
export function useReferralPage(query: ReferralListQuery, enabled = true) {
  return useQuery({
    queryKey: [...REFERRALS_KEY, 'page', query],
    queryFn: () => call(api.GET('/referrals', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** GET /referrals/agencies — the partner agencies the referrer may pick, the most local first. */
export function useReferralAgencies(enabled: boolean) {
  return useQuery({
    queryKey: [...REFERRALS_KEY, 'agencies'],
    queryFn: () => call(api.GET('/referrals/agencies')),
    enabled,
    staleTime: 10 * 60_000,
  });
}

/** After a step: the referral, every referral list and the to-do lists (签收, 反馈, 办结 are to-dos). */
export function useRefreshReferrals() {
  const queries = useQueryClient();
  return (): Promise<unknown> =>
    Promise.all([queries.invalidateQueries({ queryKey: REFERRALS_KEY }), queries.invalidateQueries({ queryKey: LIVE_KEYS.todos })]);
}

/** The download path of a referral's file (its case file or a document), through the referral's own route. */
export const referralFilePath = (referralId: string, digest: string): string =>
  `/referrals/${encodeURIComponent(referralId)}/files/${digest}`;

/** The console page of the case a referral names (`finding-…`, `complaintTicket-…`); null for a case without one (an ethics archive). */
export function casePageOf(sourceStream: string): string | null {
  const dash = sourceStream.indexOf('-');
  const category = sourceStream.slice(0, dash);
  const id = sourceStream.slice(dash + 1);
  if (category === 'finding') return PATHS.finding(id);
  if (category === 'complaintTicket') return PATHS.complaint(id);
  return null;
}
