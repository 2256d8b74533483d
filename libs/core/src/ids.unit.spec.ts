import { derivedId, deterministicId, idTime, SequentialIdGenerator, sm3Hex, TimeOrderedIdGenerator, timedId } from './ids';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ids', () => {
  it('derives the same UUID-shaped id from the same parts, and a different one otherwise', () => {
    const a = deterministicId('workflow', 'ticket-1', 'evt-9', 0);
    expect(a).toBe(deterministicId('workflow', 'ticket-1', 'evt-9', 0));
    expect(a).not.toBe(deterministicId('workflow', 'ticket-1', 'evt-9', 1));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('does not confuse part boundaries', () => {
    expect(deterministicId('ab', 'c')).not.toBe(deterministicId('a', 'bc'));
  });

  it('generates sequential ids for tests', () => {
    const seq = new SequentialIdGenerator('t');
    expect([seq.next(), seq.next()]).toEqual(['t-000001', 't-000002']);
  });
});

describe('time-ordered ids', () => {
  it('are version-7 UUIDs carrying the time they were made', () => {
    const ids = new TimeOrderedIdGenerator(() => Date.parse('2025-03-03T01:00:00.000Z'));
    const id = ids.next();
    expect(id).toMatch(UUID_V7);
    expect(idTime(id)).toBe(Date.parse('2025-03-03T01:00:00.000Z'));
  });

  it('strictly increase, within one ms, across 4096 ids in one ms, and when the clock steps back', () => {
    let now = 1_000_000;
    const ids = new TimeOrderedIdGenerator(() => now);
    const made: string[] = [];
    for (let i = 0; i < 5000; i++) made.push(ids.next());
    now = 999_000; // the system clock stepped back
    for (let i = 0; i < 10; i++) made.push(ids.next());
    now = 2_000_000;
    made.push(ids.next());
    for (let i = 1; i < made.length; i++) expect(made[i]! > made[i - 1]!).toBe(true);
    expect(new Set(made).size).toBe(made.length);
    expect(idTime(made[0]!)).toBe(1_000_000);
    expect(idTime(made[made.length - 1]!)).toBe(2_000_000);
  });

  it('are random beyond the time and counter: two generators never collide', () => {
    const a = new TimeOrderedIdGenerator(() => 5);
    const b = new TimeOrderedIdGenerator(() => 5);
    expect(a.next()).not.toBe(b.next());
  });
});

describe('deterministic ids with a time', () => {
  it('timedId is deterministic, sorts by its instant and is a version-7 UUID', () => {
    const early = timedId('2025-03-03T01:00:00.000Z', 'timer-1', 'x');
    expect(early).toBe(timedId(Date.parse('2025-03-03T01:00:00.000Z'), 'timer-1', 'x'));
    expect(early).not.toBe(timedId('2025-03-03T01:00:00.000Z', 'timer-2', 'x'));
    expect(early).toMatch(UUID_V7);
    expect(timedId('2025-03-04T00:00:00.000Z', 'a') > early).toBe(true);
    expect(idTime(early)).toBe(Date.parse('2025-03-03T01:00:00.000Z'));
  });

  it('timedId falls back to deterministicId for an unreadable instant', () => {
    expect(timedId('not a date', 'a', 1)).toBe(deterministicId('a', 1));
    expect(timedId(-1, 'a')).toBe(deterministicId('a'));
  });

  it('derivedId keeps the time of a time-ordered origin, and is deterministicId otherwise', () => {
    const origin = new TimeOrderedIdGenerator(() => 1_700_000_000_000).next();
    const child = derivedId(origin, 0);
    expect(child).toBe(derivedId(origin, 0));
    expect(child).not.toBe(derivedId(origin, 1));
    expect(child).not.toBe(origin);
    expect(idTime(child)).toBe(1_700_000_000_000);
    expect(derivedId('cmd-1', 0)).toBe(deterministicId('cmd-1', 0));
    expect(idTime(derivedId('cmd-1', 0))).toBeNull();
  });
});

describe('sm3Hex', () => {
  it('is SM3 of the UTF-8 bytes, as GB/T 32905 gives it for "abc"', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3Hex('双随机')).toMatch(/^[0-9a-f]{64}$/);
  });
});
