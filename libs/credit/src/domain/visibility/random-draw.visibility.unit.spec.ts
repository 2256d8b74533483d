import { Actor, foldVisibility, Message, Reader } from '@bihuan/core';
import { randomDrawVisibility } from './random-draw.visibility';

const reader = (actor: Actor, units: readonly string[]): Reader => ({ actor, covers: (unit) => units.includes(unit) });
const leader = reader({ id: 'leader-city', role: 'leader', unit: 'city' }, ['city', 'county']);
const inspector = reader({ id: 'I1', role: 'inspector', unit: 'city' }, ['city', 'county']);
const otherCity = reader({ id: 'I9', role: 'inspector', unit: 'city-b' }, ['city-b']);
const hospital = reader({ id: 'hosp-user', role: 'hospital', unit: 'H1' }, []);
const SEED = 'c3'.repeat(32);

const event = (type: string, data: object): Message =>
  ({ type, data, metadata: { actor: { id: 'I1', role: 'inspector', unit: 'city' } } }) as unknown as Message;
const committed = event('DrawCommitted', {
  drawId: 'D1',
  jurisdiction: 'city',
  seed: SEED,
  seedDigest: 'digest',
  inspectors: [
    { id: 'I1', unit: 'city', conflicts: ['H1'] },
    { id: 'I2', unit: 'county', conflicts: ['H2'] },
  ],
});
const made = event('DrawMade', { drawId: 'D1', jurisdiction: 'city', visits: [] });
const revealedEvent = event('DrawRevealed', { drawId: 'D1', jurisdiction: 'city', seed: SEED, visits: [] });
const view = (r: Reader, messages: readonly Message[], message: Message) =>
  randomDrawVisibility.viewMessage!(r, message, foldVisibility(randomDrawVisibility, messages));

describe('randomDrawVisibility', () => {
  it('lets the commission staff over its jurisdiction read a draw, and no hospital ever', () => {
    const state = foldVisibility(randomDrawVisibility, [committed, made]);
    expect(randomDrawVisibility.decide(leader, state)).toEqual({ kind: 'granted', institutionId: null });
    expect(randomDrawVisibility.decide(inspector, state)).toEqual({ kind: 'granted', institutionId: null });
    expect(randomDrawVisibility.decide(otherCity, state).kind).toBe('forbidden');
    expect(randomDrawVisibility.decide(hospital, state).kind).toBe('forbidden');
    expect(randomDrawVisibility.decide(leader, randomDrawVisibility.initialState).kind).toBe('hidden');
  });

  it('leaves the committed seed out of every view until the draw is revealed, even a leader’s', () => {
    expect(JSON.stringify(view(leader, [committed, made], committed))).not.toContain(SEED);
    expect(view(leader, [committed, made], committed)!.data).toMatchObject({ seedDigest: 'digest' });
    expect(view(leader, [committed, made, revealedEvent], committed)!.data).toMatchObject({ seed: SEED });
  });

  it('shows an inspector their own declared conflicts only; leaders see every inspector’s', () => {
    const seenBy = (r: Reader) => (view(r, [committed], committed)!.data as { inspectors: unknown }).inspectors;
    expect(seenBy(inspector)).toEqual([
      { id: 'I1', unit: 'city', conflicts: ['H1'] },
      { id: 'I2', unit: 'county', conflicts: null },
    ]);
    expect(seenBy(leader)).toEqual([
      { id: 'I1', unit: 'city', conflicts: ['H1'] },
      { id: 'I2', unit: 'county', conflicts: ['H2'] },
    ]);
  });

  it('trims a folded draw the same way, and keeps the seed of a draw published before commitments', () => {
    const state = {
      status: 'drawn',
      record: { seed: SEED, commitment: { seedDigest: 'digest' }, inspectors: [{ id: 'I2', conflicts: ['H2'] }] },
    };
    const access = foldVisibility(randomDrawVisibility, [committed, made]);
    expect(randomDrawVisibility.viewState!(inspector, state, access)).toEqual({
      status: 'drawn',
      record: { commitment: { seedDigest: 'digest' }, inspectors: [{ id: 'I2', conflicts: null }] },
    });
    const legacy = { status: 'published', record: { seed: 'old', commitment: null, inspectors: [] } };
    expect(randomDrawVisibility.viewState!(inspector, legacy, access)).toMatchObject({ record: { seed: 'old' } });
  });
});
