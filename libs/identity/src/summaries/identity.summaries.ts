import { chineseDateTime, EventSummaries, summaryCatalogue } from '@bihuan/core';
import { AccountEvent, RevocationReason, SignInMethod } from '../domain/account.events';

const METHODS: Readonly<Record<SignInMethod, string>> = { password: '密码', oidc: '统一身份认证' };
const REVOCATIONS: Readonly<Record<RevocationReason, string>> = {
  'sign-out-all': '本人退出全部登录',
  'password-changed': '修改密码',
  'password-reset': '管理员重置密码',
};

/**
 * An account's events in words (docs/events/identity.md). Every sign-in, failure and lockout is on
 * the record (等保 2.0); no summary ever shows a hash, a token or a session id.
 */
export const IDENTITY_SUMMARIES: EventSummaries<AccountEvent> = {
  PasswordSet: (d, c) => `${c.person(d.userId)} 的密码已设置${d.source === 'demo' ? '（演示密码）' : ''}`,
  OneTimePasswordIssued: (d, c) =>
    `${d.source === 'first-start' ? '首次启动为' : `${c.actor} 重置`} ${c.person(d.userId)} ${d.source === 'first-start' ? '签发' : '的密码，签发'}一次性密码（首次登录须修改）`,
  PasswordChanged: (d, c) => `${c.person(d.userId)} 修改了密码`,
  SignInSucceeded: (d, c) => `${c.person(d.userId)} 通过${METHODS[d.method] ?? d.method}登录`,
  SignInFailed: (d, c) => `${c.person(d.userId)} 登录失败（${d.reason === 'locked' ? '账号已锁定' : '密码错误'}，连续第${d.failures}次）`,
  AccountLocked: (d, c) => `${c.person(d.userId)} 连续 ${d.failures} 次登录失败，账号锁定至 ${chineseDateTime(d.until)}`,
  AccountUnlocked: (d, c) =>
    `${c.person(d.userId)} 的账号已解锁（${d.reason === 'admin' ? `${c.actor} 解锁` : d.reason === 'password-reset' ? '密码已重置' : '锁定期满'}）`,
  ExternalIdentityLinked: (d, c) => `${c.actor} 将 ${c.person(d.userId)} 关联到统一身份认证账号（${d.issuer}）`,
  ExternalIdentityUnlinked: (d, c) => `${c.actor} 解除 ${c.person(d.userId)} 与统一身份认证账号的关联（${d.issuer}）`,
  SessionsRevoked: (d, c) => `${c.person(d.userId)} 的全部登录会话已注销（${REVOCATIONS[d.reason] ?? d.reason}）`,
};

export const IDENTITY_SUMMARY_CATALOGUE = summaryCatalogue<AccountEvent>('identity', IDENTITY_SUMMARIES);
