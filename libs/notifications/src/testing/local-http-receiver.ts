import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** What it was answered (null: left hanging). */
  readonly status: number | null;
}

/** How the receiver answers a path: a status (and body), or never (to test timeouts). */
export type ReceiverAnswer = { readonly status: number; readonly body?: string } | 'hang';

/**
 * A local HTTP server standing in for a webhook receiver or an SMS gateway: it keeps every request
 * and answers each path as the test says (default 200), so retries and dead letters are driven by
 * real HTTP answers.
 */
export class LocalHttpReceiver {
  readonly received: ReceivedRequest[] = [];
  readonly answers = new Map<string, ReceiverAnswer>();
  private readonly server: Server;

  constructor() {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = (request.url ?? '/').split('?')[0]!;
        const answer = this.answers.get(path) ?? { status: 200 };
        const body = Buffer.concat(chunks).toString('utf8');
        this.received.push({ path: request.url ?? '/', headers: request.headers, body, status: answer === 'hang' ? null : answer.status });
        if (answer === 'hang') return;
        response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body ?? '{}');
      });
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  requestsTo(path: string): ReceivedRequest[] {
    return this.received.filter((r) => r.path.split('?')[0] === path);
  }

  /** Requests answered 2xx. */
  accepted(): number {
    return this.received.filter((r) => r.status !== null && r.status >= 200 && r.status < 300).length;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
