import { Actor, DomainError } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { ChangePolicy, policyDecider, PolicyChanged } from './policy.decider';

const defaults = { policyVersion: 'default@1', answerDays: 5, ladder: { reminder: 5, summons: 5 } };
const admin: Actor = { id: 'admin', role: 'admin', unit: 'prov' };
const NOW = '2026-12-01T02:00:00.000Z';
const spec = DeciderSpecification(policyDecider(defaults));

const change = (overrides: Record<string, unknown>, reason = 'city rule 2026-9'): ChangePolicy => ({
  type: 'ChangePolicy',
  data: { context: 'complaints', overrides, reason },
  metadata: { commandId: 'p-1', correlationId: 'p-1', causationId: null, actor: admin, now: NOW },
});
const changed = (overrides: Record<string, unknown>, reason = 'city rule 2026-9'): PolicyChanged => ({
  type: 'PolicyChanged',
  data: { context: 'complaints', overrides, reason, changedBy: admin, changedAt: NOW },
});

describe('policy decider', () => {
  it('given no change yet, when overrides the defaults have are set, then the change is recorded with who and when', () => {
    spec
      .given([])
      .when(change({ answerDays: 7, ladder: { summons: 3 } }))
      .then([changed({ answerDays: 7, ladder: { summons: 3 } })]);
  });

  it('given overrides in force, when the same overrides come with a new reason, then that change is recorded too', () => {
    spec
      .given([changed({ answerDays: 7 })])
      .when(change({ answerDays: 7 }, 'confirmed by the bureau'))
      .then([changed({ answerDays: 7 }, 'confirmed by the bureau')]);
  });

  it('given overrides in force, when {} is set, then the defaults are restored by a recorded change', () => {
    spec
      .given([changed({ answerDays: 7 })])
      .when(change({}))
      .then([changed({})]);
  });

  it('when the reason is blank, then it refuses with POLICY.REASON_REQUIRED', () => {
    spec
      .given([])
      .when(change({ answerDays: 7 }, '  '))
      .thenThrows('POLICY.REASON_REQUIRED');
  });

  it.each([
    [{ nope: 1 }, 'POLICY.UNKNOWN_SETTING'],
    [{ answerDays: '7' }, 'POLICY.WRONG_TYPE'],
    [{ answerDays: Number.POSITIVE_INFINITY }, 'POLICY.OUT_OF_RANGE'],
    [{ ladder: { summons: -1 } }, 'POLICY.OUT_OF_RANGE'],
    [{ policyVersion: 'mine' }, 'POLICY.READ_ONLY'],
  ])('when the overrides are %j, then it refuses with %s', (overrides, code) => {
    spec.given([]).when(change(overrides)).thenThrows(code);
  });

  it('when the context’s own check refuses the policy the overrides make, then nothing is decided; otherwise the change is recorded', () => {
    const atMostTen = (policy: object): void => {
      if ((policy as { answerDays: number }).answerDays > 10)
        throw DomainError.invalid('POLICY.OUT_OF_RANGE', 'answerDays', 'answerDays ≤ 10');
    };
    const checked = DeciderSpecification(policyDecider(defaults, atMostTen));
    checked
      .given([])
      .when(change({ answerDays: 11 }))
      .thenThrows('POLICY.OUT_OF_RANGE');
    checked
      .given([])
      .when(change({ ladder: { summons: 3 } }))
      .then([changed({ ladder: { summons: 3 } })]);
  });
});
