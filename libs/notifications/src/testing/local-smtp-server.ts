import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** What a test wants the server to answer a recipient with: accept, or an SMTP reply code. */
export type RecipientAnswer = 'accept' | number;

/**
 * A real SMTP server on 127.0.0.1 (smtp-server), keeping every message it accepted parsed
 * (mailparser), so e-mail tests go through nodemailer's whole path: connection, AUTH, encoding.
 */
export class LocalSmtpServer {
  readonly received: ParsedMail[] = [];
  /** Per recipient address; others are accepted. */
  readonly answers = new Map<string, RecipientAnswer>();
  private readonly server: SMTPServer;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth: (auth, _session, callback) =>
        auth.username === 'bihuan' && auth.password === 'secret'
          ? callback(null, { user: auth.username })
          : callback(Object.assign(new Error('bad credentials'), { responseCode: 535 })),
      onRcptTo: (address, _session, callback) => {
        const answer = this.answers.get(address.address) ?? 'accept';
        if (answer === 'accept') return callback();
        return callback(Object.assign(new Error(`refused by the test (${answer})`), { responseCode: answer }));
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.received.push(mail);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `smtp://bihuan:secret@127.0.0.1:${this.port}`;
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
