import { createServer, get, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { openEventStream } from './event-stream';
import { LiveUpdates } from './live-updates';

/** Reads an event stream until `until` matches what has arrived; answers the text so far. */
function readUntil(res: IncomingMessage, until: RegExp): Promise<string> {
  let text = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${until} in: ${text}`)), 5000);
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      text += chunk;
      if (until.test(text)) {
        clearTimeout(timer);
        resolve(text);
      }
    });
  });
}

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('openEventStream: one user’s text/event-stream', () => {
  const live = new LiveUpdates();
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((req, res) => openEventStream(req, res, live, 'u-1', { heartbeatMs: 30, retryMs: 4000 }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  const open = () => new Promise<IncomingMessage>((resolve) => get({ host: '127.0.0.1', port, path: '/' }, resolve));

  it('sends the retry hint, ready, the user’s events and heartbeats; a client that leaves leaves no listener', async () => {
    const res = await open();
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache, no-transform');
    const start = await readUntil(res, /event: ready/);
    expect(start).toMatch(/^retry: 4000\n\n/);
    expect(live.connections('u-1')).toBe(1);
    live.publish('u-2', { type: 'todo', data: {} });
    live.publish('u-1', { type: 'todo', data: { counts: { open: 3 } } });
    const rest = await readUntil(res, /: heartbeat\n\n[\s\S]*event: todo|event: todo[\s\S]*: heartbeat\n\n/);
    expect(rest).toContain('event: todo\ndata: {"counts":{"open":3}}\n\n');
    expect(rest.match(/event: todo/g)).toHaveLength(1);
    res.destroy();
    await until(() => live.connections() === 0);
  });

  it('ends every open stream on shutdown (endAll), so the server can close', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    await Promise.all([readUntil(a!, /ready/), readUntil(b!, /ready/)]);
    expect(live.connections('u-1')).toBe(2);
    const ended = Promise.all([a, b].map((r) => new Promise((resolve) => r!.on('end', resolve))));
    live.endAll();
    await ended;
    expect(live.connections()).toBe(0);
  });
});
