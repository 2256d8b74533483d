import { MemoryEventStore } from '@bihuan/event-store';
import { FakeClock, racingProcesses } from '@bihuan/testing';
import { PolicyRegistry } from './policy-registry';

const defaults = { policyVersion: 'default@1', answerDays: 5, ladder: { reminder: 5, summons: 5 }, fractions: [0.5, 0.8] };
const admin = { id: 'admin', role: 'admin' as const, unit: 'prov' };

describe('PolicyRegistry', () => {
  const setup = () => {
    const clock = new FakeClock();
    return new PolicyRegistry(new MemoryEventStore(clock), () => clock.now().toISOString());
  };

  it('serves the defaults until a change is recorded, then the overrides with a new version', async () => {
    const registry = setup();
    expect(await registry.current('complaints', defaults)).toEqual(defaults);
    const changed = await registry.set('complaints', defaults, { answerDays: 7, ladder: { summons: 3 } }, admin, 'city rule 2025-4', 'p-1');
    expect(changed).toEqual({ policyVersion: 'default@1+r0', answerDays: 7, ladder: { reminder: 5, summons: 3 }, fractions: [0.5, 0.8] });
    expect(await registry.history('complaints')).toMatchObject([{ revision: 0, reason: 'city rule 2025-4', changedBy: admin }]);
  });

  it.each([
    [{ nope: 1 }, 'POLICY.UNKNOWN_SETTING', 'nope'],
    [{ answerDays: '7' }, 'POLICY.WRONG_TYPE', 'answerDays'],
    [{ answerDays: -1 }, 'POLICY.OUT_OF_RANGE', 'answerDays'],
    [{ ladder: { summons: 'x' } }, 'POLICY.WRONG_TYPE', 'ladder.summons'],
    [{ policyVersion: 'mine' }, 'POLICY.READ_ONLY', 'policyVersion'],
  ])('refuses %j with %s naming %s and records nothing', async (overrides, code, field) => {
    const registry = setup();
    await expect(registry.set('complaints', defaults, overrides, admin, 'why', 'p-2')).rejects.toMatchObject({ code, details: { field } });
    expect(await registry.history('complaints')).toEqual([]);
  });

  it('records two concurrent changes of one context in the order they were made, revisions 0 and 1', async () => {
    const registry = setup();
    await Promise.all([
      registry.set('complaints', defaults, { answerDays: 7 }, admin, 'first', 'p-3'),
      registry.set('complaints', defaults, { answerDays: 9 }, admin, 'second', 'p-4'),
    ]);
    expect((await registry.history('complaints')).map((h) => [h.revision, h.reason])).toEqual([
      [0, 'first'],
      [1, 'second'],
    ]);
    expect(await registry.current('complaints', defaults)).toMatchObject({ policyVersion: 'default@1+r1', answerDays: 9 });
  });

  it('loses neither of two changes made at once by two processes: the second append meets revision 0 and retries', async () => {
    const clock = new FakeClock();
    const store = new MemoryEventStore(clock);
    const [api, cli] = racingProcesses(store).map((view) => new PolicyRegistry(view, () => clock.now().toISOString()));
    await Promise.all([
      api!.set('complaints', defaults, { answerDays: 7 }, admin, 'from the api', 'p-5'),
      cli!.set('complaints', defaults, { answerDays: 9 }, admin, 'from the cli', 'p-6'),
    ]);
    const history = await new PolicyRegistry(store, () => clock.now().toISOString()).history('complaints');
    expect(history.map((h) => h.revision)).toEqual([0, 1]);
    expect(history.map((h) => h.reason).sort()).toEqual(['from the api', 'from the cli']);
  });

  it('writes a change once when its command is delivered twice', async () => {
    const registry = setup();
    await registry.set('complaints', defaults, { answerDays: 7 }, admin, 'once', 'p-7');
    await registry.set('complaints', defaults, { answerDays: 7 }, admin, 'once', 'p-7');
    expect(await registry.history('complaints')).toHaveLength(1);
  });

  it('serves the policy it built while nothing changed, and sees at once a change another process made', async () => {
    const clock = new FakeClock();
    const store = new MemoryEventStore(clock);
    const now = () => clock.now().toISOString();
    const [api, worker] = [new PolicyRegistry(store, now), new PolicyRegistry(store, now)];
    await worker.set('complaints', defaults, { answerDays: 7 }, admin, 'first', 'p-8');
    const first = await api.current('complaints', defaults);
    expect(await api.current('complaints', defaults)).toBe(first);
    await worker.set('complaints', defaults, { answerDays: 9 }, admin, 'second', 'p-9');
    expect(await api.current('complaints', defaults)).toMatchObject({ policyVersion: 'default@1+r1', answerDays: 9 });
    // Other defaults (another code version) are not answered from the cache built on the first ones.
    expect(await api.current('complaints', { ...defaults, policyVersion: 'default@2' })).toMatchObject({ policyVersion: 'default@2+r1' });
  });
});
