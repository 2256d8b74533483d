import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { LiveEvent, LiveUpdates } from './live-updates';
import { RedisLiveBridge } from './redis-live-bridge';

const url = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

describe('RedisLiveBridge: live events across processes (real Redis)', () => {
  const channel = `bihuan:live:spec:${randomUUID()}`;
  const [a, b] = [new LiveUpdates(), new LiveUpdates()];
  const bridges = [a, b].map((live) => new RedisLiveBridge(live, new Redis(url), new Redis(url), channel));
  beforeAll(() => Promise.all(bridges.map((bridge) => bridge.start())));
  afterAll(() => bridges.forEach((bridge) => bridge.stop()));

  it('delivers what one process publishes to the streams of another, and to its own once', async () => {
    const onA: LiveEvent[] = [];
    const onB: LiveEvent[] = [];
    a.subscribe('u-1', { send: (e) => onA.push(e), end: () => undefined });
    b.subscribe('u-1', { send: (e) => onB.push(e), end: () => undefined });
    b.subscribe('u-2', { send: () => onB.push({ type: 'todo', data: { counts: { wrong: 1 } } }), end: () => undefined });
    a.publish('u-1', { type: 'todo', data: { counts: { open: 2 } } });
    for (let i = 0; i < 200 && onB.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100));
    expect(onB).toEqual([{ type: 'todo', data: { counts: { open: 2 } } }]);
    expect(onA).toEqual([{ type: 'todo', data: { counts: { open: 2 } } }]);
  });
});
