import { createTransport, Transporter } from 'nodemailer';
import { Delivery, DeliveryResult, failed, retry, SENT } from '../notification';
import { NotificationChannel } from '../notification-channel.port';
import { absoluteLink } from './links';

export interface EmailChannelOptions {
  /** SMTP_URL: `smtp://user:pass@host:port` (or `smtps://` for TLS from the start). */
  readonly url: string;
  /** SMTP_FROM: the sender, e.g. `"闭环督办" <noreply@wjw.example.gov.cn>`. */
  readonly from: string;
  /** Base URL the console's link is made absolute with; null: the path as is. */
  readonly linkBase?: string | null;
  /** Milliseconds to connect, to get the greeting, and of socket silence before a try is given up. Default 15 s. */
  readonly timeoutMs?: number;
}

/** An error nodemailer gives: `responseCode` is the SMTP reply when the server answered. */
interface SmtpError {
  readonly responseCode?: number;
  readonly code?: string;
  readonly message?: string;
}

/**
 * E-mail over SMTP (nodemailer). Subject and body are UTF-8 (nodemailer encodes Chinese headers as
 * RFC 2047 words and the body as quoted-printable or base64), the Message-ID derives from the
 * notification id so a receiving system can drop a second copy. A 5xx reply is permanent (no such
 * mailbox, refused); a 4xx reply or a connection that fails or times out is tried again.
 */
export class EmailChannel implements NotificationChannel {
  readonly kind = 'email' as const;
  private readonly transport: Transporter;

  constructor(private readonly options: EmailChannelOptions) {
    const timeout = options.timeoutMs ?? 15_000;
    this.transport = createTransport({
      url: options.url,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
  }

  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    const n = delivery.notification;
    const link = absoluteLink(this.options.linkBase ?? null, n.link);
    try {
      await this.transport.sendMail({
        from: this.options.from,
        to: delivery.address,
        subject: n.title,
        text: `${n.body}\n\n${link}`,
        messageId: `<${encodeURIComponent(n.id)}@bihuan>`,
        headers: { 'X-Bihuan-Notification': n.id, 'X-Bihuan-Kind': n.kind },
      });
      return SENT;
    } catch (error) {
      return classifySmtpError(error as SmtpError);
    }
  }

  close(): void {
    this.transport.close();
  }
}

export function classifySmtpError(error: SmtpError): DeliveryResult {
  const reason = `SMTP ${error.responseCode ?? error.code ?? 'error'}: ${String(error.message ?? error).slice(0, 300)}`;
  if (typeof error.responseCode === 'number') return error.responseCode >= 500 ? failed(reason) : retry(reason);
  // No reply at all: the server could not be reached or went silent — it may be back later.
  return error.code === 'EENVELOPE' || error.code === 'EMESSAGE' ? failed(reason) : retry(reason);
}
