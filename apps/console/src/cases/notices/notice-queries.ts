import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../client/client';
import { call } from '../../client/errors';

export type StaffNotice = Schemas['StaffNoticeViewDto'];
export type NoticeKind = StaffNotice['kind'];
export type NoticePreview = Schemas['PublicNoticePreviewDto'];

/** Every query of the notices' pages sits under this key, so one step refreshes the list and the notice together. */
export const NOTICES_KEY = ['notices'] as const;
const noticeKey = (noticeId: string) => [...NOTICES_KEY, 'notice', noticeId] as const;

/**
 * Who drafts, revises, publishes and corrects notices: the API's issuers (AccessPolicy's ISSUING_ROLES,
 * inspectors and leaders of the issuing unit's jurisdiction); admins only read them.
 */
export const mayIssueNotices = (role: string | undefined): boolean => role === 'inspector' || role === 'leader';

/** Kinds over a period of Beijing days; a campaign summary is over its campaign instead (the API's kindTakesPeriod). */
export const takesPeriod = (kind: string | undefined): boolean => kind !== 'campaign-summary';

/** A notice as the commission reads it: its draft, who made it, and once published what the public reads. */
export function useNotice(noticeId: string) {
  return useQuery({
    queryKey: [...noticeKey(noticeId), 'detail'],
    queryFn: () => call(api.GET('/public-notices/{noticeId}', { params: { path: { noticeId } } })),
  });
}

/** What publishing the draft now would make public (made by the API as publishing makes it, recorded nowhere). */
export function useNoticePreview(noticeId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...noticeKey(noticeId), 'preview'],
    queryFn: () => call(api.GET('/public-notices/{noticeId}/preview', { params: { path: { noticeId } } })),
    enabled,
    retry: false,
  });
}

/** After a step: the notices' list and pages. */
export function useRefreshNotices() {
  const queries = useQueryClient();
  return (): Promise<unknown> => queries.invalidateQueries({ queryKey: NOTICES_KEY });
}
