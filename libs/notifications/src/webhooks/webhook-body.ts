import { absoluteLink } from '../channels/links';
import { Notification } from '../notification';
import { WebhookFormat } from '../notifications.policy';

/**
 * The JSON a receiver gets. `generic`: the notification itself (no addresses: an endpoint learns
 * the user and unit ids, never an e-mail or phone). `wecom` / `dingtalk`: the robots' markdown
 * message, title in bold, body, and the link.
 */
export function webhookBody(format: WebhookFormat, n: Notification, linkBase: string | null): string {
  const link = absoluteLink(linkBase, n.link);
  switch (format) {
    case 'generic':
      return JSON.stringify({
        id: n.id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link,
        stream: n.stream,
        occurredAt: n.occurredAt,
        recipient: { userId: n.recipient.userId, unitId: n.recipient.unitId },
      });
    case 'wecom':
      return JSON.stringify({ msgtype: 'markdown', markdown: { content: `**${n.title}**\n${n.body}\n[查看详情](${link})` } });
    case 'dingtalk':
      return JSON.stringify({
        msgtype: 'markdown',
        markdown: { title: n.title, text: `#### ${n.title}\n${n.body}\n\n[查看详情](${link})` },
      });
    default: {
      const never: never = format;
      throw new Error(`Unknown webhook format ${String(never)}`);
    }
  }
}

/** Robot error codes that mean "too many messages, later" (WeCom 45009, DingTalk 130101/130102). */
const ROBOT_THROTTLED = new Set([45009, 130101, 130102]);

/**
 * Robots answer HTTP 200 with `errcode` ≠ 0 when they refuse a message: a throttle is retried,
 * anything else (bad key, bad signature, keyword not matched) is permanent. Null: accepted.
 */
export function robotRefusal(text: string): { readonly retry: boolean; readonly reason: string } | null {
  let answer: { errcode?: unknown; errmsg?: unknown };
  try {
    answer = JSON.parse(text) as { errcode?: unknown; errmsg?: unknown };
  } catch {
    return null;
  }
  if (typeof answer.errcode !== 'number' || answer.errcode === 0) return null;
  return { retry: ROBOT_THROTTLED.has(answer.errcode), reason: `robot errcode ${answer.errcode}: ${String(answer.errmsg ?? '')}` };
}
