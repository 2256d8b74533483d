import { MemoryEventStore } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
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
});
