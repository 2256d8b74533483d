import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Actor } from '@bihuan/core';
import { EventStore, MemoryEventStore, SqliteEventStore } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { PUBLIC_NOTICE_DOCUMENT_KIND, PUBLIC_NOTICE_SERIES } from './document-number.decider';
import { DocumentNumberRegister } from './document-number.register';

const actor: Actor = { id: 'inspector-a1', role: 'inspector', unit: 'county-a1' };
const data = (i: number) => ({
  unitId: 'county-a1',
  year: 2026,
  format: '{unitShort}卫健监整〔{year}〕{n}号',
  unitShort: '东城',
  unitName: '甲市东城区卫生健康局',
  findingId: `F-${i}`,
  kind: 'rectification-notice',
});
const call = (i: number, clock: FakeClock) => ({ actor, now: clock.now().toISOString(), commandId: `cmd-${String(i).padStart(3, '0')}` });

async function register50(registers: DocumentNumberRegister[], clock: FakeClock) {
  return Promise.all(Array.from({ length: 50 }, (_, i) => registers[i % registers.length]!.assign(data(i), call(i, clock))));
}

function expectGapFree(numbers: readonly { n: number; documentNo: string }[]) {
  expect(numbers.map((a) => a.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  expect(new Set(numbers.map((a) => a.documentNo)).size).toBe(50);
  expect(numbers.find((a) => a.n === 12)?.documentNo).toBe('东城卫健监整〔2026〕12号');
}

async function registerOnLog(store: EventStore) {
  const events = await store.readStream('docNumber-county-a1-2026');
  return events.map((e) => (e.data as { n: number }).n);
}

describe('document number register: per unit and year, gap-free and unique under concurrent issuing', () => {
  const clock = new FakeClock('2026-01-05T02:00:00.000Z');

  it('50 concurrent issues in one process take 1..50', async () => {
    const store = new MemoryEventStore(clock);
    const numbers = await register50([new DocumentNumberRegister(store)], clock);
    expectGapFree(numbers);
    expect(await registerOnLog(store)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('50 concurrent issues from two processes racing on one SQLite log (conflicts retried) take 1..50', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bihuan-docno-'));
    const file = join(dir, 'events.sqlite');
    const a = SqliteEventStore.open({ file, clock });
    const b = SqliteEventStore.open({ file, clock });
    try {
      // No in-process queue: every concurrent assign races on the expected revision, as separate processes would.
      const racing = { serializeInProcess: false, maxAttempts: 200, baseDelayMs: 1, maxDelayMs: 20 };
      const numbers = await register50([new DocumentNumberRegister(a, racing), new DocumentNumberRegister(b, racing)], clock);
      expectGapFree(numbers);
      expect(await registerOnLog(a)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    } finally {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a voided number stays taken: the next issue gets the next number', async () => {
    const store = new MemoryEventStore(clock);
    const register = new DocumentNumberRegister(store);
    const first = await register.assign(data(1), call(1, clock));
    await register.void(first, '问题已撤销', call(2, clock));
    expect((await register.assign(data(3), call(3, clock))).n).toBe(2);
    const types = (await store.readStream(first.stream)).map((e) => e.type);
    expect(types).toEqual(['DocumentNumberAssigned', 'DocumentNumberVoided', 'DocumentNumberAssigned']);
  });

  it('numbers of another unit or year are their own sequence', async () => {
    const store = new MemoryEventStore(clock);
    const register = new DocumentNumberRegister(store);
    await register.assign(data(1), call(1, clock));
    expect((await register.assign({ ...data(2), year: 2027 }, call(2, clock))).documentNo).toBe('东城卫健监整〔2027〕1号');
    expect((await register.assign({ ...data(3), unitId: 'county-a2', unitShort: '西城' }, call(3, clock))).documentNo).toBe(
      '西城卫健监整〔2026〕1号',
    );
  });

  it('a series of its own (通报) runs apart from the 执法文书 of the same unit and year', async () => {
    const store = new MemoryEventStore(clock);
    const register = new DocumentNumberRegister(store);
    await register.assign(data(1), call(1, clock));
    const notice = {
      ...data(2),
      format: '{unitShort}卫健通〔{year}〕{n}号',
      series: PUBLIC_NOTICE_SERIES,
      kind: PUBLIC_NOTICE_DOCUMENT_KIND,
    };
    const taken = await register.assign(notice, call(2, clock));
    expect(taken).toMatchObject({ n: 1, documentNo: '东城卫健通〔2026〕1号', stream: 'docNumber-county-a1-2026-notice' });
    await register.void(taken, '通报未能发布', call(3, clock));
    expect((await register.assign(data(4), call(4, clock))).n).toBe(2);
    expect((await store.readStream(taken.stream)).map((e) => e.type)).toEqual(['DocumentNumberAssigned', 'DocumentNumberVoided']);
  });
});
