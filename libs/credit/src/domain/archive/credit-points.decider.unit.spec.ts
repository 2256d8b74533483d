import { DeciderSpecification } from '@bihuan/testing';
import { Actor } from '@bihuan/core';
import { command, hospital, inspector, system, T0 } from '../../testing/credit-test-fixtures';
import { CreditPointsCommand } from './credit-archive.commands';
import { CreditPointsEvent } from './credit-archive.events';
import { CreditPointsState } from './credit-archive.state';
import { creditPointsDecider } from './credit-points.decider';

const spec = DeciderSpecification<CreditPointsCommand, CreditPointsEvent, CreditPointsState>(creditPointsDecider());
const add = (data: Partial<Extract<CreditPointsCommand, { type: 'AddCreditPoints' }>['data']> = {}, actor: Actor = inspector) =>
  command<CreditPointsCommand>(
    'AddCreditPoints',
    { institutionId: 'H1', pointsId: 'P1', behaviour: 'kickbacks', occurredAt: T0, cycleNo: 3, ...data },
    actor,
  );
const revoke = (institutionId = 'H1') =>
  command<CreditPointsCommand>('RevokeCreditPoints', { institutionId, pointsId: 'P1', reason: 'withdrawn' });

describe('CreditPoints decider: one entry per stream (ADR 0006)', () => {
  const added = spec.given([]).when(add()).events();

  it('adds policy points for a listed behaviour in the cycle it is given, and is idempotent', () => {
    expect(added).toEqual([
      {
        type: 'CreditPointsAdded',
        data: expect.objectContaining({ institutionId: 'H1', pointsId: 'P1', cycleNo: 3, points: 6, policyVersion: 'credit-default@1' }),
      },
    ]);
    expect(added[0]!.data).not.toHaveProperty('totalPoints');
    spec.given(added).when(add()).thenNothing();
    spec
      .given(added)
      .when(add({ cycleNo: 4 }))
      .thenNothing(); // an entry counts once, in whichever cycle it was decided
  });

  it('validates behaviour, scale, cycle and role', () => {
    spec
      .given([])
      .when(add({ behaviour: 'unlisted' }))
      .thenThrows('CREDIT.BEHAVIOUR_UNKNOWN');
    spec
      .given([])
      .when(add({ behaviour: 'unlisted', points: 3 }))
      .thenThrows('CREDIT.POINTS_INVALID');
    expect(
      spec
        .given([])
        .when(add({ behaviour: 'unlisted', points: 2 }))
        .events()[0]!.data,
    ).toMatchObject({ points: 2 });
    spec
      .given([])
      .when(add({ cycleNo: null }))
      .thenThrows('CREDIT.FIELD_REQUIRED');
    spec
      .given([])
      .when(add({ pointsId: null }))
      .thenThrows('CREDIT.FIELD_REQUIRED');
    spec
      .given([])
      .when(add({}, hospital('H1')))
      .thenThrows('CREDIT.ROLE_FORBIDDEN');
  });

  it('revokes once with the entry’s cycle and points; unknown entries and other institutions are refused', () => {
    const revoked = spec.given(added).when(revoke()).events();
    expect(revoked).toEqual([
      { type: 'CreditPointsRevoked', data: expect.objectContaining({ pointsId: 'P1', cycleNo: 3, points: 6, reason: 'withdrawn' }) },
    ]);
    spec
      .given([...added, ...revoked])
      .when(revoke())
      .thenNothing();
    spec.given([]).when(revoke()).thenThrows('CREDIT.POINTS_NOT_FOUND');
    spec.given(added).when(revoke('H2')).thenThrows('CREDIT.INSTITUTION_MISMATCH');
    spec
      .given(added)
      .when(command<CreditPointsCommand>('RevokeCreditPoints', { institutionId: 'H1', pointsId: 'P1', reason: 'x' }, system))
      .thenMatches([{ type: 'CreditPointsRevoked' }]);
  });
});
