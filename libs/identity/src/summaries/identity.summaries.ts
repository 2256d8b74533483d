import { EventSummaries, summaryCatalogue } from '@bihuan/core';
import { AccountEvent } from '../domain/account.events';

const METHODS: Readonly<Record<string, string>> = { password: '密码', oidc: '统一身份认证' };
const REVOCATIONS: Readonly<Record<string, string>> = {
  'sign-out-all': '退出全部登录',
  'password-changed': '修改密码',
  'password-reset': '重置密码',
};
const UNLOCKS: Readonly<Record<string, string>> = { admin: '管理员解锁', 'lock-expired': '锁定期满', 'password-reset': '重置密码' };

/** The accounts' events in words: never a hash, a session id or a token (docs/events/identity.md). */
export const IDENTITY_SUMMARIES: EventSummaries<AccountEvent> = {
  PasswordSet: (d, c) => `${c.actor} 为 ${c.person(d.userId)} 设置密码${d.source === 'demo' ? '（演示）' : ''}`,
  OneTimePasswordIssued: (d, c) =>
    `${c.actor} 为 ${c.person(d.userId)} 签发一次性密码（${d.source === 'first-start' ? '首次启动' : '管理员重置'}）`,
  PasswordChanged: (d, c) => `${c.person(d.userId)} 修改密码`,
  SignInSucceeded: (d, c) => `${c.person(d.userId)} 登录（${METHODS[d.method] ?? d.method}）`,
  SignInFailed: (d, c) => `${c.person(d.userId)} 登录失败（${d.reason === 'locked' ? '账户已锁定' : '密码错误'}，连续${d.failures}次）`,
  AccountLocked: (d, c) => `${c.person(d.userId)} 的账户因连续${d.failures}次登录失败被锁定`,
  AccountUnlocked: (d, c) => `${c.person(d.userId)} 的账户解锁（${UNLOCKS[d.reason] ?? d.reason}）`,
  ExternalIdentityLinked: (d, c) => `${c.person(d.userId)} 绑定统一身份认证账号（${d.issuer}）`,
  ExternalIdentityUnlinked: (d, c) => `${c.actor} 解除 ${c.person(d.userId)} 的统一身份认证绑定（${d.issuer}）`,
  SessionsRevoked: (d, c) => `${c.person(d.userId)} 的全部登录会话失效（${REVOCATIONS[d.reason] ?? d.reason}）`,
};

export const IDENTITY_SUMMARY_CATALOGUE = summaryCatalogue<AccountEvent>('identity', IDENTITY_SUMMARIES);
