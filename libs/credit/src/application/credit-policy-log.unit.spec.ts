import { MemoryEventStore } from '@bihuan/event-store';
import { PolicyRegistry, policyStream } from '@bihuan/platform';
import { FakeClock } from '@bihuan/testing';
import { CreditPointsCommand } from '../domain/archive/credit-archive.commands';
import { creditPointsDecider } from '../domain/archive/credit-points.decider';
import { command, T0 } from '../testing/credit-test-fixtures';
import { CREDIT_POLICY } from './credit-writes';

const admin = { id: 'admin', role: 'admin' as const, unit: 'prov' };

/**
 * `complaintBehaviours` / `complaintDecisions` left CreditPolicy with the complaint branch of
 * creditConsequences (a substantiated complaint's points are complaintConsequences' alone). An
 * override recorded before that stays in `policy-credit`: it must neither break the policy in force
 * nor be accepted again.
 */
describe('a logged credit policy override naming a removed setting', () => {
  const setup = async () => {
    const store = new MemoryEventStore(new FakeClock());
    const overrides = { complaintDecisions: ['substantiated', 'partly-substantiated'], behaviourPoints: { fees: 2 } };
    await store.append(
      policyStream(CREDIT_POLICY.context),
      [
        {
          type: 'PolicyChanged',
          data: { context: CREDIT_POLICY.context, overrides, reason: '旧版设置', changedBy: admin, changedAt: T0 },
          metadata: { eventId: 'p-0', correlationId: 'p-0', causationId: null, actor: admin, occurredAt: T0, schemaVersion: 1 },
        },
      ],
      'any',
    );
    return new PolicyRegistry(store, () => T0);
  };

  it('still gives the policy in force, whose points the archive decides with', async () => {
    const policy = await (await setup()).current(CREDIT_POLICY.context, CREDIT_POLICY.defaults);
    expect(policy).toMatchObject({ policyVersion: 'credit-default@1+r0', behaviourPoints: { fees: 2, privacy: 4 } });
    const events = creditPointsDecider(policy).decide(
      command<CreditPointsCommand>('AddCreditPoints', {
        institutionId: 'H1',
        pointsId: 'P1',
        behaviour: 'fees',
        occurredAt: T0,
        cycleNo: 1,
      }),
      creditPointsDecider().initialState,
    );
    expect(events.find((e) => e.type === 'CreditPointsAdded')!.data).toMatchObject({ points: 2, policyVersion: 'credit-default@1+r0' });
  });

  it('is refused in a new change, naming the setting, and nothing is recorded', async () => {
    const registry = await setup();
    await expect(
      registry.set(CREDIT_POLICY.context, CREDIT_POLICY.defaults, { complaintDecisions: [] }, admin, 'r', 'p-1'),
    ).rejects.toMatchObject({
      code: 'POLICY.UNKNOWN_SETTING',
      details: { field: 'complaintDecisions' },
    });
    expect(await registry.history(CREDIT_POLICY.context)).toHaveLength(1);
  });
});
