import { createServer, IncomingMessage, request as httpRequest, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { requestLogger, requestLogging } from './platform-logger.module';

/** A pino logger whose lines the test reads, at `level`. */
function capturedLogger(level: string): { logger: pino.Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const logger = pino({ level, formatters: { level: (label: string) => ({ level: label }) } }, sink);
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines };
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A server that runs the request logging, then `handler`; answers its base URL. */
async function serve(logger: pino.Logger, handler: Handler): Promise<{ url: string; server: Server }> {
  const logging = requestLogging(logger);
  const server = createServer((req, res) => logging(req, res, () => handler(req, res)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('request logging (httpLogger)', () => {
  const servers: Server[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
  });

  async function started(level: string, handler: Handler) {
    const captured = capturedLogger(level);
    const { url, server } = await serve(captured.logger, handler);
    servers.push(server);
    return { url, lines: captured.lines };
  }

  it('logs each request once when it completes: its id, method, url, peer, agent, status and time — no headers', async () => {
    const { url, lines } = await started('info', (_req, res) => res.end('ok'));
    const answer = await fetch(`${url}/visits?page=2`, {
      headers: { 'x-request-id': 'given-1', 'user-agent': 'agent-1', authorization: 'Bearer secret-1', cookie: 'sid=secret-2' },
    });
    expect(answer.headers.get('x-request-id')).toBe('given-1');
    await until(() => lines().length > 0);
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'request completed',
        req: { id: 'given-1', method: 'GET', url: '/visits?page=2', remoteAddress: '127.0.0.1', userAgent: 'agent-1' },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
      }),
    ]);
    expect(JSON.stringify(lines())).not.toMatch(/secret-/);
  });

  it('gives a request without a safe id of its own a fresh one, and logs 4xx at warn, 5xx at error; probes not at all', async () => {
    const { url, lines } = await started('info', (req, res) => {
      res.statusCode = req.url === '/broken' ? 500 : req.url === '/health' ? 200 : 404;
      res.end();
    });
    const missing = await fetch(`${url}/nope`, { headers: { 'x-request-id': 'not safe!' } });
    expect(missing.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await fetch(`${url}/broken`);
    await fetch(`${url}/health`);
    await until(() => lines().length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines().map((line) => [line['level'], (line['req'] as { url: string }).url])).toEqual([
      ['warn', '/nope'],
      ['error', '/broken'],
    ]);
    expect((lines()[0]!['req'] as { id: string }).id).toBe(missing.headers.get('x-request-id'));
  });

  it('logs a request whose connection closed before the answer as aborted, at warn', async () => {
    const { url, lines } = await started('info', () => undefined); // never answers
    const client = httpRequest(`${url}/slow`);
    client.on('error', () => undefined);
    client.end();
    await new Promise((resolve) => setTimeout(resolve, 50));
    client.destroy();
    await until(() => lines().length > 0);
    expect(lines()).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'request aborted', req: expect.objectContaining({ url: '/slow' }) }),
    ]);
  });

  it('writes nothing below its level', async () => {
    const { url, lines } = await started('error', (_req, res) => res.end('ok'));
    await fetch(`${url}/visits`);
    await fetch(`${url}/nope-but-200`);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(lines()).toEqual([]);
  });

  it("binds a logger to the request on demand, whose lines carry the request's id (a 500's stack)", async () => {
    const { url, lines } = await started('info', (req, res) => {
      requestLogger(req)!.error({ context: 'test' }, 'stack of the failure');
      res.statusCode = 500;
      res.end();
    });
    await fetch(`${url}/fails`, { headers: { 'x-request-id': 'failing-1' } });
    await until(() => lines().length >= 2);
    expect(lines()[0]).toMatchObject({ level: 'error', msg: 'stack of the failure', req: { id: 'failing-1', url: '/fails' } });
    expect(requestLogger({ headers: {} })).toBeUndefined();
  });
});
