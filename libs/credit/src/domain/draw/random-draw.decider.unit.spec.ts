import { sm3Hex } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { command, hospital, inspector, system, T0 } from '../../testing/credit-test-fixtures';
import { drawCommitment } from './draw-commitment';
import { DRAW_ALGORITHM, DRAW_ALGORITHM_V1, drawInspections } from './draw-inspections';
import { drawInputOf, evolveRandomDraw, initialRandomDrawState, publicInputsOf, randomDrawDecider } from './random-draw.decider';
import { DrawCommitted, DrawMade, DrawnVisitState, RandomDrawCommand, RandomDrawEvent } from './random-draw.messages';

const spec = DeciderSpecification(randomDrawDecider());
const SEED = 'a'.repeat(40) + '0123456789abcdef01234567';
const commitData = {
  drawId: 'D1',
  jurisdiction: 'city',
  seed: SEED,
  institutions: [
    { id: 'H1', creditLevel: 'A' as const },
    { id: 'H2', creditLevel: 'D' as const },
    { id: 'H3', creditLevel: 'C' as const },
  ],
  inspectors: [
    { id: 'I1', unit: 'city', conflicts: ['H2'] },
    { id: 'I2', unit: 'city', conflicts: [] },
    { id: 'I3', unit: 'city', conflicts: [] },
  ],
  count: 2,
  inspectorsPerVisit: 1,
  plannedDate: '2025-06-15',
};
const commit = command<RandomDrawCommand>('CommitRandomDraw', commitData);
const make = command<RandomDrawCommand>('MakeRandomDraw', { drawId: 'D1' }, system);
const committed = spec.given([]).when(commit).events() as DrawCommitted[];
const made = spec.given(committed).when(make).events() as DrawMade[];
const drawn = made[0]!.data.visits;
const outcomes = (outcome: DrawnVisitState['outcome'], last: DrawnVisitState['outcome'] = outcome): DrawnVisitState[] =>
  drawn.map((v, i) => ({
    institutionId: v.institutionId,
    visitId: `V-${v.institutionId}`,
    outcome: i === drawn.length - 1 ? last : outcome,
  }));
const reveal = (visits: DrawnVisitState[]) => command<RandomDrawCommand>('RevealRandomDraw', { drawId: 'D1', visits });

describe('RandomDraw decider: commit', () => {
  it('records every input, the seed and the digests the public sees at once, under the committed procedure', () => {
    expect(committed).toHaveLength(1);
    const data = committed[0]!.data;
    expect(data).toMatchObject({
      seed: SEED,
      weights: { A: 1, B: 2, C: 4, D: 8 },
      algorithm: DRAW_ALGORITHM,
      policyVersion: 'credit-default@1',
      committedBy: inspector.id,
      committedAt: T0,
    });
    expect(data.seedDigest).toBe(sm3Hex(SEED));
    expect({ seedDigest: data.seedDigest, inputsDigest: data.inputsDigest }).toEqual(drawCommitment(SEED, publicInputsOf(data)));
  });

  it('refuses a second commitment, a guessable seed, a draw that could never be made, and hospitals', () => {
    spec.given(committed).when(commit).thenThrows('CREDIT.DRAW_ALREADY_EXISTS');
    spec
      .given([])
      .when(command<RandomDrawCommand>('CommitRandomDraw', { ...commitData, seed: '2025-Q2' }))
      .thenThrows('CREDIT.DRAW_INPUT_INVALID');
    spec
      .given([])
      .when(command<RandomDrawCommand>('CommitRandomDraw', { ...commitData, count: 5 }))
      .thenThrows('CREDIT.DRAW_NOT_ENOUGH_INSTITUTIONS');
    spec
      .given([])
      .when(command<RandomDrawCommand>('CommitRandomDraw', commitData, hospital('H1')))
      .thenThrows('CREDIT.ROLE_FORBIDDEN');
  });
});

describe('RandomDraw decider: make', () => {
  it('draws from the committed record, once, as the saga asks (system) or an inspector', () => {
    const rerun = drawInspections(drawInputOf(committed[0]!.data), DRAW_ALGORITHM);
    expect(made[0]!.data).toMatchObject({
      drawId: 'D1',
      visits: rerun.visits,
      plannedDate: '2025-06-15',
      campaignId: null,
      madeBy: 'system',
    });
    spec
      .given([...committed, ...made])
      .when(make)
      .thenNothing();
    expect(
      spec
        .given(committed)
        .when(command<RandomDrawCommand>('MakeRandomDraw', { drawId: 'D1' }))
        .events(),
    ).toEqual(made.map((e) => ({ ...e, data: { ...e.data, madeBy: inspector.id } })));
    spec
      .given(committed)
      .when(command<RandomDrawCommand>('MakeRandomDraw', { drawId: 'D1' }, hospital('H1')))
      .thenThrows('CREDIT.ROLE_FORBIDDEN');
    spec.given([]).when(make).thenThrows('CREDIT.DRAW_NOT_FOUND');
  });

  it('refuses to draw a cancelled commitment, and cancels only before the draw', () => {
    const cancel = command<RandomDrawCommand>('CancelRandomDraw', { drawId: 'D1', reason: '计划调整' });
    const cancelled = spec.given(committed).when(cancel).events();
    expect(cancelled).toEqual([{ type: 'DrawCancelled', data: { drawId: 'D1', reason: '计划调整', cancelledBy: inspector.id } }]);
    spec
      .given([...committed, ...cancelled])
      .when(make)
      .thenThrows('CREDIT.DRAW_CANCELLED');
    spec
      .given([...committed, ...made])
      .when(cancel)
      .thenThrows('CREDIT.DRAW_ALREADY_MADE');
  });
});

describe('RandomDraw decider: reveal', () => {
  it('publishes the seed once every drawn visit is conducted or cancelled, and the seed matches its commitment', () => {
    const revealed = spec
      .given([...committed, ...made])
      .when(reveal(outcomes('conducted', 'cancelled')))
      .events();
    expect(revealed).toEqual([
      {
        type: 'DrawRevealed',
        data: {
          drawId: 'D1',
          jurisdiction: 'city',
          seed: SEED,
          visits: outcomes('conducted', 'cancelled'),
          revealedBy: inspector.id,
          revealedAt: T0,
        },
      },
    ]);
    spec
      .given([...committed, ...made, ...revealed])
      .when(reveal(outcomes('conducted')))
      .thenNothing();
  });

  it('refuses while a drawn visit is pending or unreported, before the draw, and for the system', () => {
    spec
      .given([...committed, ...made])
      .when(reveal(outcomes('conducted', 'pending')))
      .thenThrows('CREDIT.DRAW_VISITS_PENDING');
    spec
      .given([...committed, ...made])
      .when(reveal(outcomes('conducted').slice(1)))
      .thenThrows('CREDIT.DRAW_VISITS_PENDING');
    spec.given(committed).when(reveal([])).thenThrows('CREDIT.DRAW_VISITS_PENDING');
    spec
      .given([...committed, ...made])
      .when(command<RandomDrawCommand>('RevealRandomDraw', { drawId: 'D1', visits: outcomes('conducted') }, system))
      .thenThrows('CREDIT.ROLE_FORBIDDEN');
  });

  it('refuses a record whose seed no longer matches the digest it committed to', () => {
    const altered = { ...committed[0]!, data: { ...committed[0]!.data, seed: 'b'.repeat(64) } };
    spec
      .given([altered, ...made])
      .when(reveal(outcomes('conducted')))
      .thenThrows('CREDIT.DRAW_COMMITMENT_MISMATCH');
  });
});

describe('RandomDraw decider: draws recorded before commitments', () => {
  const { seedDigest: _s, inputsDigest: _i, committedBy, committedAt, ...record } = committed[0]!.data;
  const requested: RandomDrawEvent = {
    type: 'DrawRequested',
    data: { ...record, seed: 'published-seed', algorithm: DRAW_ALGORITHM_V1, requestedBy: committedBy, requestedAt: committedAt },
  };
  const published: RandomDrawEvent = {
    type: 'DrawPublished',
    data: { ...made[0]!.data, seed: 'published-seed', algorithm: DRAW_ALGORITHM_V1, publishedBy: 'insp-1', publishedAt: T0 },
  };

  it('reads them as published without a commitment: nothing more to draw or reveal', () => {
    const state = [requested, published].reduce(evolveRandomDraw, initialRandomDrawState);
    expect(state).toMatchObject({ status: 'published', record: { commitment: null, seed: 'published-seed' } });
    spec.given([requested, published]).when(reveal([])).thenThrows('CREDIT.DRAW_ALREADY_PUBLISHED');
    spec.given([requested]).when(reveal([])).thenThrows('CREDIT.DRAW_NOT_COMMITTED');
    spec.given([requested]).when(make).thenThrows('CREDIT.DRAW_NOT_COMMITTED');
  });
});
