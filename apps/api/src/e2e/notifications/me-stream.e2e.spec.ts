import { get, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DeliveryDispatcherService, DeliveryOutbox, LiveUpdates } from '@bihuan/notifications';
import { eventually } from '@bihuan/testing';
import { createTestApp, TestApp } from '../../testing/test-app';

/** Collects an event stream's text; `next(re)` waits until what has arrived matches. */
function reader(res: IncomingMessage): { next(re: RegExp): Promise<string> } {
  let text = '';
  const waiting: (() => void)[] = [];
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    text += chunk;
    waiting.splice(0).forEach((w) => w());
  });
  const next = (re: RegExp): Promise<string> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${re} in: ${text}`)), 5000);
      const check = (): void => {
        if (re.test(text)) {
          clearTimeout(timer);
          resolve(text);
        } else waiting.push(check);
      };
      check();
    });
  return { next };
}

describe('GET /me/stream: live events for the signed-in person', () => {
  let t: TestApp;
  let port: number;
  let live: LiveUpdates;
  const me = 'inspector-a1';
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(DeliveryDispatcherService).dispatcher.stop();
    live = t.app.get(LiveUpdates);
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  const open = (path: string, headers: Record<string, string> = {}) =>
    new Promise<IncomingMessage>((resolve, reject) => get({ host: '127.0.0.1', port, path, headers }, resolve).on('error', reject));

  it('pushes a notification event when an inbox item of mine is delivered; closing leaves no listener', async () => {
    const res = await open('/me/stream', t.auth(me));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const stream = reader(res);
    expect(await stream.next(/event: ready/)).toMatch(/^retry: 5000\n\n/);
    expect(live.connections(me)).toBe(1);

    const n = { id: 'n-live', kind: 'reminder', title: '催办：请尽快整改', body: '…', link: '/findings/f1', stream: 'finding-f1' };
    const outbox = t.app.get(DeliveryOutbox);
    await outbox.enqueue({ ...n, recipient: { userId: 'leader-prov', unitId: 'prov' }, occurredAt: '2025-03-03T01:00:00.000Z' }, [
      { channel: 'inbox', address: 'leader-prov' },
    ]);
    await outbox.enqueue({ ...n, recipient: { userId: me, unitId: 'county-a1' }, occurredAt: '2025-03-03T01:00:00.000Z' }, [
      { channel: 'inbox', address: me },
    ]);
    await t.app.get(DeliveryDispatcherService).dispatcher.tick();
    const text = await stream.next(/event: notification\ndata: .*\n\n/);
    const data = JSON.parse(/event: notification\ndata: (.*)\n\n/.exec(text)![1]!);
    expect(data).toEqual({ notificationId: 'n-live', kind: 'reminder', title: '催办：请尽快整改', link: '/findings/f1', unreadCount: 1 });
    expect(text.match(/event: notification/g)).toHaveLength(1);

    await t.http.post('/me/notifications/n-live/read').set(t.auth(me)).expect(200);
    expect(await stream.next(/event: unread\ndata: \{"unreadCount":0\}/)).toBeTruthy();

    res.destroy();
    await eventually(() => live.connections() === 0, 'the stream to be closed on the server');
  });

  it('opens with a one-time ticket (no token in the URL), refuses it a second time and after 60 s', async () => {
    const issued = await t.http.post('/me/stream-ticket').set(t.auth(me)).expect(201);
    expect(issued.body).toEqual({
      ticket: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: new Date(t.clock.now().getTime() + 60_000).toISOString(),
      url: `/me/stream?ticket=${issued.body.ticket}`,
    });
    const res = await open(issued.body.url);
    expect(res.statusCode).toBe(200);
    await reader(res).next(/event: ready/);
    expect(live.connections(me)).toBe(1);
    res.destroy();
    await eventually(() => live.connections() === 0, 'the stream to be closed on the server');

    const again = await t.http.get(issued.body.url).expect(401);
    expect(again.body.code).toBe('AUTH.INVALID_TICKET');

    const late = await t.http.post('/me/stream-ticket').set(t.auth(me)).expect(201);
    t.clock.advance(61_000);
    expect((await t.http.get(late.body.url).expect(401)).body.code).toBe('AUTH.INVALID_TICKET');
    // A ticket opens only the stream, and the stream needs a token or a ticket.
    const other = await t.http.post('/me/stream-ticket').set(t.auth(me)).expect(201);
    expect((await t.http.get(`/me/notifications?ticket=${other.body.ticket}`)).status).toBe(401);
    expect((await t.http.get('/me/stream').expect(401)).body.code).toBe('AUTH.MISSING_TOKEN');
    expect((await t.http.get('/me/stream?ticket=short').expect(401)).body.code).toBe('AUTH.INVALID_TICKET');
  });

  it('ends open streams cleanly on shutdown, so the app closes without waiting out the grace period', async () => {
    const first = await open('/me/stream', t.auth(me));
    const ended = new Promise<void>((resolve) => first.on('end', resolve));
    await reader(first).next(/event: ready/);
    // What shutdown does first (HttpDrain, then LiveStreamsCloser): the client sees the stream end, not a reset.
    live.endAll();
    await ended;
    expect(live.connections()).toBe(0);

    const second = await open('/me/stream', t.auth(me));
    await reader(second).next(/event: ready/);
    const started = Date.now();
    await t.close();
    // Well inside SHUTDOWN_GRACE_SECONDS (25 s): the open stream did not hold the drain.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(live.connections()).toBe(0);
    second.destroy();
    t = { close: async () => undefined } as unknown as TestApp;
  });
});
