import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock, testEvents } from '@bihuan/testing';
import { hashEvent } from '../../chain/hash-chain';
import { verifyStore } from '../../chain/verify';
import { verifyLogAndHeads } from '../verify-heads';
import { SqliteEventStore } from './sqlite-event-store.adapter';

/**
 * Someone with write access to the file edits it behind the store's back (a second connection,
 * as `sqlite3 events.sqlite` would): verify must name the first event that was changed.
 */
describe('SqliteEventStore tamper evidence', () => {
  let dir: string;
  let store: SqliteEventStore;
  let intruder: Database.Database;
  const positionOf = (stream: string, revision: number): number =>
    (intruder.prepare('SELECT position FROM events WHERE stream = ? AND revision = ?').get(stream, revision) as { position: number })
      .position;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-tamper-'));
    const file = join(dir, 'events.sqlite');
    store = SqliteEventStore.open({ file, clock: new FakeClock() });
    let revision: number | 'no_stream' = 'no_stream';
    for (let i = 0; i < 5; i++) {
      revision = (await store.append('finding-1', testEvents(1, 'Happened', i), revision)).nextExpectedRevision;
      await store.append(`other-${i}`, testEvents(1), 'no_stream');
    }
    expect(await verifyLogAndHeads(store)).toMatchObject({ ok: true, events: 10, streams: 6 });
    intruder = new Database(file);
  });

  afterEach(async () => {
    intruder.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the event whose data was changed', async () => {
    intruder.prepare("UPDATE events SET data = json_set(data, '$.n', 99) WHERE stream = 'finding-1' AND revision = 2").run();
    const result = await verifyStore(store);
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ streamName: 'finding-1', revision: 2, problem: 'content' });
    expect((await verifyStore(store, { stream: 'finding-1' })).firstBreak).toMatchObject({ revision: 2, problem: 'content' });
  });

  it('names the event after a deleted middle event as missing its predecessor', async () => {
    intruder.prepare("DELETE FROM events WHERE stream = 'finding-1' AND revision = 2").run();
    const result = await verifyStore(store);
    expect(result.firstBreak).toMatchObject({ streamName: 'finding-1', revision: 3, problem: 'missing' });
    expect(result.firstBreak!.position).toBe(positionOf('finding-1', 3));
  });

  it('notices two events whose order was swapped', async () => {
    const [p1, p2] = [positionOf('finding-1', 1), positionOf('finding-1', 2)];
    intruder.transaction(() => {
      intruder.prepare('UPDATE events SET position = -1 WHERE position = ?').run(p1);
      intruder.prepare('UPDATE events SET position = ? WHERE position = ?').run(p1, p2);
      intruder.prepare('UPDATE events SET position = ? WHERE position = -1').run(p2);
    })();
    // In stream order, revision 2 now sits before revision 1 in the log.
    const inStream = await verifyStore(store, { stream: 'finding-1' });
    expect(inStream.firstBreak).toMatchObject({ streamName: 'finding-1', revision: 2, problem: 'order', position: p1 });
    // In global order, revision 2 now comes first, so revision 1 is missing at that point.
    const whole = await verifyStore(store);
    expect(whole.firstBreak).toMatchObject({ streamName: 'finding-1', revision: 2, position: p1 });
  });

  it('catches a deleted tail of a stream through the gap it leaves in the positions', async () => {
    const deleted = positionOf('finding-1', 4);
    intruder.prepare("DELETE FROM events WHERE stream = 'finding-1' AND revision = 4").run();
    expect((await verifyStore(store)).ok).toBe(true); // what is left is still a valid chain …
    expect((await verifyStore(store, { stream: 'finding-1' })).ok).toBe(true); // … also for the stream alone …
    const result = await verifyLogAndHeads(store); // … but the whole log has a hole at its position
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ streamName: 'other-4', revision: 0, position: deleted + 1, problem: 'missing' });
    expect(result.firstBreak!.detail).toContain(`position ${deleted} is missing`);
  });

  it('catches a deleted global tail: the last position is below sqlite_sequence', async () => {
    intruder.prepare("DELETE FROM events WHERE stream = 'other-4'").run(); // position 10, the newest event
    expect((await verifyStore(store)).ok).toBe(true);
    const result = await verifyLogAndHeads(store);
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ streamName: '', revision: -1, position: 10, problem: 'missing' });
  });

  it('names the next event when an edited event was re-hashed to hide the edit', async () => {
    // Re-hashing the edited event is not enough: the next event's prevHash still names the old hash.
    const [edited] = await store.readStream('finding-1', { fromRevision: 1, maxCount: 1 });
    const data = { n: 99 };
    const hash = hashEvent({ ...edited!, data });
    intruder
      .prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?')
      .run(JSON.stringify(data), JSON.stringify({ ...edited!.metadata, hash }), edited!.position);
    expect((await verifyStore(store)).firstBreak).toMatchObject({ streamName: 'finding-1', revision: 2, problem: 'link' });
  });
});
