import { DeciderSpecification } from '@bihuan/testing';
import { command, hospital, T0 } from '../../testing/credit-test-fixtures';
import { drawInspections } from './draw-inspections';
import { drawInputOf, randomDrawDecider } from './random-draw.decider';
import { DrawRequested, RandomDrawCommand } from './random-draw.messages';

const spec = DeciderSpecification(randomDrawDecider());
const requestData = {
  drawId: 'D1',
  jurisdiction: 'city',
  seed: 'published-seed-2025-06',
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
const req = command<RandomDrawCommand>('RequestRandomDraw', requestData);
const requested = spec.given([]).when(req).events();

describe('RandomDraw decider', () => {
  it('records the seed, every input, the default weights and the algorithm', () => {
    expect(requested).toHaveLength(1);
    expect(requested[0]!.data).toMatchObject({
      seed: 'published-seed-2025-06',
      weights: { A: 1, B: 2, C: 4, D: 8 },
      algorithm: expect.stringContaining('sfc32'),
      policyVersion: 'credit-default@1',
      requestedAt: T0,
    });
    spec.given(requested).when(req).thenThrows('CREDIT.DRAW_ALREADY_EXISTS');
    spec
      .given([])
      .when(command<RandomDrawCommand>('RequestRandomDraw', { ...requestData, count: 5 }))
      .thenThrows('CREDIT.DRAW_NOT_ENOUGH_INSTITUTIONS');
    spec
      .given([])
      .when(command<RandomDrawCommand>('RequestRandomDraw', requestData, hospital('H1')))
      .thenThrows('CREDIT.ROLE_FORBIDDEN');
  });

  it('publishes the result anyone can re-run from the recorded request, once', () => {
    const publish = command<RandomDrawCommand>('PublishRandomDraw', { drawId: 'D1' });
    const published = spec.given(requested).when(publish).events();
    const rerun = drawInspections(drawInputOf((requested[0] as DrawRequested).data));
    expect(published[0]!.data).toMatchObject({ drawId: 'D1', visits: rerun.visits, plannedDate: '2025-06-15', campaignId: null });
    spec
      .given([...requested, ...published])
      .when(publish)
      .thenNothing();
    spec
      .given([...requested, ...published])
      .when(command<RandomDrawCommand>('CancelRandomDraw', { drawId: 'D1', reason: 'x' }))
      .thenThrows('CREDIT.DRAW_ALREADY_PUBLISHED');
    spec.given([]).when(publish).thenThrows('CREDIT.DRAW_NOT_FOUND');
  });
});
