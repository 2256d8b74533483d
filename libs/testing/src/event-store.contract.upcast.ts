import { ChainVerifier, EVENT_UPCASTERS, RecordedEvent, verifyStore } from '@bihuan/event-store';
import { ContractContext, testEvent } from './event-store.contract.fixtures';

const extension = {
  deadlineId: 'answer',
  dueAt: '2025-03-20T09:00:00.000Z',
  warnAt: [],
  reason: '材料补充',
  approvedBy: 'u-1',
  calendarVersion: 'cn-2025@test',
};

/** A DeadlineExtended as a writer of `schemaVersion` wrote it. */
function extended(data: object, schemaVersion: number): ReturnType<typeof testEvent> {
  const event = testEvent('DeadlineExtended', data);
  return { ...event, metadata: { ...event.metadata, schemaVersion } };
}

/**
 * Upcasting on read (EVENT_UPCASTERS, applied by every adapter): stored events of an old schema
 * version reach every reader — readStream, readAll, subscriptions — in the current shape, while
 * the log keeps them as written and the hash chain verifies against that stored form.
 */
export function upcastContract(ctx: ContractContext): void {
  it('hands out a v1 DeadlineExtended as v2 on every read path, and the chain still verifies', async () => {
    const { store } = ctx.fx();
    const category = ctx.category();
    const stream = `${category}-1`;
    expect(EVENT_UPCASTERS.currentVersion('DeadlineExtended')).toBe(2);
    const appended = await store.append(
      stream,
      [extended(extension, 1), extended({ ...extension, extraWorkingDays: 3 }, 1), extended({ ...extension, extraWorkingDays: null }, 2)],
      'no_stream',
    );

    const read = await store.readStream(stream);
    expect(read.map((e) => [e.metadata.schemaVersion, (e.data as { extraWorkingDays?: unknown }).extraWorkingDays])).toEqual([
      [2, null],
      [2, 3],
      [2, null],
    ]);
    expect(read[0]!.stored).toEqual({ data: extension, schemaVersion: 1 });
    expect(read[1]!.stored).toEqual({ data: { ...extension, extraWorkingDays: 3 }, schemaVersion: 1 });
    expect(read[2]!.stored).toBeUndefined(); // already current: handed out as stored
    expect(appended.events).toEqual(read); // the append's answer is upcast like any read

    const seen: RecordedEvent[] = [];
    const sub = store.subscribeToAll((e) => void seen.push(e), { filter: { categories: [category] } });
    await sub.caughtUpTo(appended.position);
    await sub.stop();
    expect(seen).toEqual(read);
    expect(await store.readAll({ filter: { categories: [category] } })).toEqual(read);
    expect((await store.readStream(stream, { direction: 'backwards' })).reverse()).toEqual(read);

    const verifier = new ChainVerifier();
    for (const e of read) expect(verifier.check(e)).toBeNull();
    expect(await verifyStore(store, { stream })).toMatchObject({ ok: true, events: 3 });
  });
}
