import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestGate, RETRY_AFTER_SECONDS } from './request-gate';
import { ShutdownState } from './shutdown-state';

/** A response double: emits `close` when the test says it was answered; counts cut connections. */
class FakeResponse extends EventEmitter {
  cut = 0;
  status: number | null = null;
  headers: Record<string, string> = {};
  body = '';
  readonly socket = { destroy: () => void (this.cut += 1) };
  writeHead(status: number, headers: Record<string, string>): this {
    this.status = status;
    this.headers = headers;
    return this;
  }
  end(body: string): void {
    this.body = body;
    this.emit('close');
  }
}

const request = (url: string) => ({ url }) as IncomingMessage;

describe('ShutdownState and the request gate', () => {
  it('lets requests through and counts them in flight until their response closes', () => {
    const state = new ShutdownState();
    const gate = requestGate(state);
    const res = new FakeResponse();
    let passed = 0;
    gate(request('/visits'), res as unknown as ServerResponse, () => (passed += 1));
    expect([passed, state.inFlight]).toEqual([1, 1]);
    res.emit('close');
    expect(state.inFlight).toBe(0);
  });

  it('refuses new requests once stopping with 503 SHUTTING_DOWN and Retry-After, before anything runs', () => {
    const state = new ShutdownState();
    state.begin();
    const res = new FakeResponse();
    let passed = 0;
    requestGate(state)(request('/visits?x=1'), res as unknown as ServerResponse, () => (passed += 1));
    expect(passed).toBe(0);
    expect(res.status).toBe(503);
    expect(res.headers).toMatchObject({ 'Retry-After': String(RETRY_AFTER_SECONDS), Connection: 'close' });
    expect(JSON.parse(res.body)).toMatchObject({ statusCode: 503, code: 'SHUTTING_DOWN' });
    expect(state.inFlight).toBe(0);
  });

  it('keeps answering probes and scrapes while stopping, without counting them', () => {
    const state = new ShutdownState();
    state.begin();
    const passed: string[] = [];
    for (const url of ['/health', '/health/live', '/health/ready?x', '/metrics'])
      requestGate(state)(request(url), new FakeResponse() as unknown as ServerResponse, () => passed.push(url));
    expect(passed).toHaveLength(4);
    expect(state.inFlight).toBe(0);
  });

  it('drains: resolves true when the last request in flight is answered', async () => {
    const state = new ShutdownState();
    const res = new FakeResponse();
    state.track(res);
    state.begin();
    const drained = state.drained(60_000);
    res.emit('close');
    await expect(drained).resolves.toBe(true);
    expect(res.cut).toBe(0);
  });

  it('cuts the connections still open when the grace period runs out', async () => {
    jest.useFakeTimers();
    try {
      const state = new ShutdownState();
      const res = new FakeResponse();
      state.track(res);
      const drained = state.drained(1000);
      jest.advanceTimersByTime(1000);
      await expect(drained).resolves.toBe(false);
      expect(res.cut).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
