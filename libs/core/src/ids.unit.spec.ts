import { deterministicId, SequentialIdGenerator, RandomIdGenerator } from './ids';

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

  it('generates sequential ids for tests and random ones otherwise', () => {
    const seq = new SequentialIdGenerator('t');
    expect([seq.next(), seq.next()]).toEqual(['t-000001', 't-000002']);
    const random = new RandomIdGenerator();
    expect(random.next()).not.toBe(random.next());
  });
});
