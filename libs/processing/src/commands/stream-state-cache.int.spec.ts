import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fold } from '@bihuan/core';
import { SqliteEventStore } from '@bihuan/event-store';
import { FakeClock, testEvent } from '@bihuan/testing';
import { counterDecider, increment } from '../testing/counter.decider';
import { handleCommand } from './handle-command';
import { StreamStateCache } from './stream-state-cache';

const counter = counterDecider();

/** Two processes on one SQLite file (two store instances), and someone editing it behind their back. */
describe('StreamStateCache (sqlite, two stores on one file)', () => {
  let dir: string;
  let file: string;
  let mine: SqliteEventStore;
  let theirs: SqliteEventStore;
  let cache: StreamStateCache;
  const send = (commandId: string, by = 1) => handleCommand(mine, 'counter-1', counter, increment(commandId, by), { cache });
  const logState = async () => fold(counter, await mine.readStream('counter-1'));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bihuan-state-cache-'));
    file = join(dir, 'events.sqlite');
    mine = SqliteEventStore.open({ file, clock: new FakeClock() });
    theirs = SqliteEventStore.open({ file, clock: new FakeClock() });
    cache = new StreamStateCache(mine);
    for (let i = 0; i < 5; i++) await send(`c-${i}`);
  });
  afterEach(async () => {
    await mine.close();
    await theirs.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given another process appended to a remembered case, when the next command runs here, then it folds their events in', async () => {
    await handleCommand(theirs, 'counter-1', counter, increment('theirs-1', 10));
    await handleCommand(theirs, 'counter-1', counter, increment('theirs-2', 100));
    const hits = cache.stats.hits;
    const result = await send('c-5');
    expect(result.newState.count).toBe(5 + 10 + 100 + 1);
    expect(result.newState).toEqual(await logState());
    expect(cache.stats).toMatchObject({ hits: hits + 1, mismatches: 0 });
  });

  it('given a command of the other process was redelivered here, then it is recognised in the log and not written twice', async () => {
    const theirsFirst = await handleCommand(theirs, 'counter-1', counter, increment('saga-1', 7));
    const here = await handleCommand(mine, 'counter-1', counter, increment('saga-1', 7), { cache });
    expect(here.events.map((e) => e.position)).toEqual(theirsFirst.events.map((e) => e.position));
    expect(await mine.readStream('counter-1')).toHaveLength(6);
    expect(here.newState.count).toBe(12);
  });

  it('given the remembered tail was replaced (deleted, then another event written at its revision), when loaded, then it is folded again from the start', async () => {
    const intruder = new Database(file);
    intruder.prepare("DELETE FROM events WHERE stream = 'counter-1' AND revision = 4").run();
    intruder.close();
    await handleCommand(theirs, 'counter-1', counter, increment('theirs-1', 50));
    const loaded = await cache.load('counter-1', counter);
    expect(loaded.state).toEqual({ count: 4 + 50 });
    expect(loaded.state).toEqual(await logState());
    expect(cache.stats.mismatches).toBe(1);
  });

  it('given a new event that does not chain from the remembered hash, when loaded, then it is folded again from the start', async () => {
    await handleCommand(theirs, 'counter-1', counter, increment('theirs-1', 50));
    const intruder = new Database(file);
    intruder
      .prepare("UPDATE events SET metadata = json_set(metadata, '$.prevHash', 'forged') WHERE stream = 'counter-1' AND revision = 5")
      .run();
    // Someone also rewrote what the remembered events said: only a fold from the start can see it.
    intruder.prepare("UPDATE events SET data = json_set(data, '$.by', 1000) WHERE stream = 'counter-1' AND revision = 0").run();
    intruder.close();
    const loaded = await cache.load('counter-1', counter);
    expect(loaded.state).toEqual({ count: 1000 + 4 + 50 });
    expect(cache.stats.mismatches).toBe(1);
  });

  it('given another process appended several pages of events, when loaded, then all are folded in and a forged link among them is caught', async () => {
    const many = Array.from({ length: 600 }, (_, i) => testEvent('Incremented', { by: 1 }, `bulk-${i}`));
    await theirs.append('counter-1', many, 4);
    expect((await cache.load('counter-1', counter)).state).toEqual({ count: 605 });
    expect(cache.stats.mismatches).toBe(0);
    await theirs.append(
      'counter-1',
      Array.from({ length: 600 }, (_, i) => testEvent('Incremented', { by: 1 }, `more-${i}`)),
      604,
    );
    const intruder = new Database(file);
    intruder
      .prepare("UPDATE events SET metadata = json_set(metadata, '$.prevHash', 'forged') WHERE stream = 'counter-1' AND revision = 1000")
      .run();
    intruder.close();
    expect((await cache.load('counter-1', counter)).state).toEqual({ count: 1205 });
    expect(cache.stats.mismatches).toBe(1);
  });

  it('given a long case and nothing remembered, when it is folded, then the event loop turns between pages', async () => {
    await theirs.append(
      'counter-1',
      Array.from({ length: 1000 }, (_, i) => testEvent('Incremented', { by: 1 }, `bulk-${i}`)),
      4,
    );
    let loaded = false;
    let turnedWhileLoading = false;
    setImmediate(() => (turnedWhileLoading = !loaded));
    const load = new StreamStateCache(mine).load('counter-1', counter).then((l) => ((loaded = true), l));
    expect((await load).state).toEqual({ count: 1005 });
    expect(turnedWhileLoading).toBe(true);
  });

  it('given the stream was truncated below the remembered revision, when loaded, then the remembered state is not used', async () => {
    const intruder = new Database(file);
    intruder.prepare("DELETE FROM events WHERE stream = 'counter-1' AND revision >= 3").run();
    intruder.close();
    expect((await cache.load('counter-1', counter)).state).toEqual({ count: 3 });
    expect(cache.stats.mismatches).toBe(1);
  });
});
