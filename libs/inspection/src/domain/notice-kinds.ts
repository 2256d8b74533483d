/**
 * The printable notices of the ladder and of sign-off (issue 17): 整改通知书, 提醒敦促函, 约谈通知书,
 * 挂牌督办通知, 销号确认. Codes reuse the ladder's rung names where a notice is a rung.
 */
export const NOTICE_KINDS = ['rectification-notice', 'reminder-letter', 'summons', 'listed-supervision', 'sign-off-confirmation'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_KIND_LABELS: Readonly<Record<NoticeKind, string>> = {
  'rectification-notice': '整改通知书',
  'reminder-letter': '提醒敦促函',
  summons: '约谈通知书',
  'listed-supervision': '挂牌督办通知',
  'sign-off-confirmation': '销号确认',
};

export function isNoticeKind(value: unknown): value is NoticeKind {
  return typeof value === 'string' && (NOTICE_KINDS as readonly string[]).includes(value);
}
