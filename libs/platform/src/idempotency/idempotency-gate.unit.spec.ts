import { DomainError } from '@bihuan/core';
import { FakeClock } from '@bihuan/testing';
import { IdempotencyClaim, IdempotencyGate, validateIdempotencyKey } from './idempotency-gate';
import { testConfig } from '../config/load-config';
import { idempotencySettingsOf, LEASE_MS } from './idempotency-settings';
import { MemoryIdempotencyStore } from './memory-idempotency-store.adapter';

const claim = (over: Partial<IdempotencyClaim> = {}): IdempotencyClaim => ({
  scope: 'POST /complaints actor:inspector-a1',
  key: 'k-1',
  fingerprint: 'POST /complaints\n{"a":1}',
  ttlMs: 3_600_000,
  header: 'Idempotency-Key',
  ...over,
});

function setup() {
  const clock = new FakeClock('2025-03-03T01:00:00.000Z');
  const naps: number[] = [];
  const gate = new IdempotencyGate(
    new MemoryIdempotencyStore(),
    clock,
    { ...idempotencySettingsOf(testConfig()), waitMs: 100, pollMs: 20 },
    async (ms) => {
      naps.push(ms);
    },
  );
  return { clock, gate, naps };
}

const codeOf = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

describe('IdempotencyGate', () => {
  it('proceeds once, then replays the stored status and body', async () => {
    const { gate } = setup();
    expect(await gate.begin(claim())).toEqual({ kind: 'proceed' });
    await gate.complete(claim(), 201, { ticketId: 'T1', secret: 's' });
    expect(await gate.begin(claim())).toEqual({ kind: 'replay', status: 201, body: { ticketId: 'T1', secret: 's' } });
  });

  it('a reused key with another fingerprint is 422 KEY_REUSED', async () => {
    const { gate } = setup();
    await gate.begin(claim());
    expect(await codeOf(gate.begin(claim({ fingerprint: 'POST /complaints\n{"a":2}' })))).toBe('IDEMPOTENCY.KEY_REUSED');
  });

  it('a duplicate of a running request waits a bounded time, then is 409 IN_PROGRESS', async () => {
    const { gate, naps } = setup();
    await gate.begin(claim());
    expect(await codeOf(gate.begin(claim()))).toBe('IDEMPOTENCY.IN_PROGRESS');
    expect(naps).toEqual([20, 20, 20, 20, 20]);
  });

  it('a released key and an expired key can be taken again', async () => {
    const { gate, clock } = setup();
    await gate.begin(claim());
    await gate.release(claim());
    expect(await gate.begin(claim({ fingerprint: 'other' }))).toEqual({ kind: 'proceed' });
    await gate.complete(claim({ fingerprint: 'other' }), 200, {});
    clock.advance(3_600_001);
    expect(await gate.begin(claim())).toEqual({ kind: 'proceed' });
  });

  it('a reservation whose holder died is retaken only after the lease', async () => {
    const { gate, clock } = setup();
    await gate.begin(claim());
    clock.advance(LEASE_MS - 1_000);
    expect(await codeOf(gate.begin(claim()))).toBe('IDEMPOTENCY.IN_PROGRESS');
    clock.advance(1_001);
    expect(await gate.begin(claim())).toEqual({ kind: 'proceed' });
  });

  it('a running request that renews its lease keeps its key past the lease; renewing a finished one says so', async () => {
    const { gate, clock } = setup();
    await gate.begin(claim());
    for (let beat = 0; beat < 10; beat++) {
      clock.advance(LEASE_MS / 4);
      expect(await gate.renew([claim()])).toEqual([true]);
    }
    clock.advance(LEASE_MS - 1_000); // 2.5 leases since the reservation, less than one since the last renewal
    expect(await codeOf(gate.begin(claim()))).toBe('IDEMPOTENCY.IN_PROGRESS');
    await gate.complete(claim(), 201, { ok: true });
    expect(await gate.renew([claim()])).toEqual([false]);
    expect(await gate.begin(claim())).toEqual({ kind: 'replay', status: 201, body: { ok: true } });
  });

  it('refuses malformed keys naming the header', () => {
    for (const bad of ['', '  ', 'x'.repeat(256), 'a\tb', 'ключ', 'a\u0000b']) {
      expect(() => validateIdempotencyKey(bad)).toThrow(
        expect.objectContaining({ code: 'IDEMPOTENCY.INVALID_KEY', details: { field: 'Idempotency-Key' } }),
      );
    }
    expect(validateIdempotencyKey('0f8c2b1e-7c1d-4f7e-9a57-4bb9e2d6a001')).toBe('0f8c2b1e-7c1d-4f7e-9a57-4bb9e2d6a001');
  });
});
