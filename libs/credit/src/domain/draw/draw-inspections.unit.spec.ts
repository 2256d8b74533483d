import { DomainError } from '@bihuan/core';
import { CreditLevel } from '../credit-values';
import {
  DRAW_ALGORITHM,
  DRAW_ALGORITHM_V1,
  DrawInput,
  drawInspections,
  DrawInspector,
  DrawInstitution,
  drawInstitutions,
} from './draw-inspections';
import { cyrb128, seededRandom } from './seeded-random';

const LEVELS: CreditLevel[] = ['A', 'B', 'C', 'D'];
const institutions: DrawInstitution[] = Array.from({ length: 40 }, (_, i) => ({
  id: `H${String(i).padStart(2, '0')}`,
  creditLevel: LEVELS[i % 4]!,
}));
const inspectors: DrawInspector[] = Array.from({ length: 8 }, (_, i) => ({
  id: `I${i}`,
  unit: 'city',
  conflicts: i === 0 ? ['H00', 'H01', 'H02', 'H03'] : [],
}));
const input = (over: Partial<DrawInput> = {}): DrawInput => ({
  seed: '2025-Q2-city',
  institutions,
  inspectors,
  count: 10,
  inspectorsPerVisit: 2,
  weights: { A: 1, B: 2, C: 4, D: 8 },
  ...over,
});
const thrown = (f: () => unknown): DomainError => {
  try {
    f();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('did not throw');
};

describe('seeded random (cyrb128 + sfc32)', () => {
  it('matches the published test vectors (docs/events/credit.md), so a re-implementation can check itself', () => {
    expect(cyrb128('bihuan')).toEqual([1309232646, 2726918351, 1674508029, 2300157543]);
    const r = seededRandom('bihuan');
    expect([r.nextUint32(), r.nextUint32(), r.nextUint32()]).toEqual([1037352292, 2237942872, 1309009784]);
    const demo = input({
      seed: 'demo',
      institutions: institutions.slice(0, 6),
      inspectors: inspectors.slice(1, 4),
      count: 2,
      inspectorsPerVisit: 1,
    });
    expect(drawInspections(demo, DRAW_ALGORITHM_V1).visits.map((v) => [v.institutionId, v.inspectorIds])).toEqual([
      ['H03', ['I1']],
      ['H02', ['I2']],
    ]);
    expect(drawInspections(demo).visits.map((v) => [v.institutionId, v.inspectorIds])).toEqual([
      ['H03', ['I1']],
      ['H00', ['I2']],
    ]);
  });

  it('is a fixed, portable stream for a seed', () => {
    expect(cyrb128('bihuan')).toEqual(cyrb128('bihuan'));
    const a = seededRandom('s');
    const b = seededRandom('s');
    const xs = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(xs);
    expect(xs.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true);
  });
});

describe('drawInspections (双随机)', () => {
  it('is reproducible: same inputs → same result, whatever the list order; another seed → another result', () => {
    const first = drawInspections(input());
    expect(drawInspections(input())).toEqual(first);
    expect(drawInspections(input({ institutions: [...institutions].reverse(), inspectors: [...inspectors].reverse() }))).toEqual(first);
    expect(drawInspections(input({ seed: '2025-Q2-city#2' })).visits).not.toEqual(first.visits);
    expect(first.visits).toHaveLength(10);
    expect(new Set(first.visits.map((v) => v.institutionId)).size).toBe(10); // without replacement
  });

  it('never sends a conflicted inspector, nor the same inspector twice to one institution', () => {
    for (let s = 0; s < 200; s += 1) {
      for (const visit of drawInspections(input({ seed: `conflict-${s}`, count: 40 })).visits) {
        expect(new Set(visit.inspectorIds).size).toBe(2);
        if (['H00', 'H01', 'H02', 'H03'].includes(visit.institutionId)) expect(visit.inspectorIds).not.toContain('I0');
      }
    }
  });

  it('draws D-level institutions far more often than A over 2,000 draws', () => {
    const counts: Record<CreditLevel, number> = { A: 0, B: 0, C: 0, D: 0 };
    for (let s = 0; s < 2000; s += 1) {
      for (const v of drawInspections(input({ seed: `stat-${s}`, count: 4 })).visits) counts[v.creditLevel] += 1;
    }
    // Expected shares for one pick are 1:2:4:8; without replacement they flatten a little. Generous margins:
    expect(counts.D).toBeGreaterThan(3 * counts.A);
    expect(counts.C).toBeGreaterThan(counts.B);
    expect(counts.B).toBeGreaterThan(counts.A);
    expect(counts.A + counts.B + counts.C + counts.D).toBe(8000);
  });

  it('never draws a level of weight 0', () => {
    const visits = drawInspections(input({ weights: { A: 0, B: 1, C: 1, D: 1 }, count: 30 })).visits;
    expect(visits.every((v) => v.creditLevel !== 'A')).toBe(true);
  });

  it('refuses clearly when there are not enough institutions or eligible inspectors', () => {
    expect(thrown(() => drawInspections(input({ count: 41 }))).code).toBe('CREDIT.DRAW_NOT_ENOUGH_INSTITUTIONS');
    const conflicted = inspectors.map((p) => ({ ...p, conflicts: ['H05'] }));
    const error = thrown(() => drawInspections(input({ inspectors: conflicted, count: 40 })));
    expect(error.code).toBe('CREDIT.DRAW_NOT_ENOUGH_INSPECTORS');
    expect(error.details).toMatchObject({ institutionId: 'H05', eligible: 0 });
    expect(thrown(() => drawInspections(input({ inspectorsPerVisit: 9 }))).code).toBe('CREDIT.DRAW_NOT_ENOUGH_INSPECTORS');
    expect(thrown(() => drawInspections(input({ seed: '' }))).code).toBe('CREDIT.DRAW_INPUT_INVALID');
    expect(thrown(() => drawInspections(input({ weights: { A: -1, B: 1, C: 1, D: 1 } }))).code).toBe('CREDIT.DRAW_INPUT_INVALID');
  });
  it('sends an inspector only to institutions their unit covers, when covers is recorded', () => {
    // Given I1 covers only H00–H09 and I2 covers everything else
    const firstTen = institutions.slice(0, 10).map((i) => i.id);
    const covered: DrawInspector[] = [
      { id: 'I1', unit: 'county-1', conflicts: [], covers: firstTen },
      { id: 'I2', unit: 'county-2', conflicts: [], covers: institutions.slice(10).map((i) => i.id) },
    ];
    // When twenty institutions are drawn with one inspector each
    const result = drawInspections(input({ inspectors: covered, count: 20, inspectorsPerVisit: 1 }));
    // Then each visit has the inspector whose unit covers it
    for (const v of result.visits) expect(v.inspectorIds).toEqual([firstTen.includes(v.institutionId) ? 'I1' : 'I2']);
  });

  it('refuses a draw where an institution has too few covering inspectors', () => {
    const covered: DrawInspector[] = [{ id: 'I1', unit: 'county-1', conflicts: [], covers: ['H00'] }];
    expect(thrown(() => drawInspections(input({ inspectors: covered, count: 40, inspectorsPerVisit: 1 }))).code).toBe(
      'CREDIT.DRAW_NOT_ENOUGH_INSPECTORS',
    );
  });

  it('draws the institutions of a committed draw from public inputs alone, whatever the inspectors and their conflicts', () => {
    const result = drawInspections(input({ count: 12 }));
    expect(result.algorithm).toBe(DRAW_ALGORITHM);
    const publicHalf = drawInstitutions({ seed: '2025-Q2-city', institutions, count: 12, weights: { A: 1, B: 2, C: 4, D: 8 } });
    expect(publicHalf).toEqual(result.visits.map(({ institutionId, creditLevel, rank }) => ({ institutionId, creditLevel, rank })));
    // Other inspectors, other conflicts: other inspectors drawn, the same institutions in the same order.
    const fewer = drawInspections(input({ count: 12, inspectors: inspectors.slice(2).map((p) => ({ ...p, conflicts: ['H05'] })) }));
    expect(fewer.visits.map((v) => v.institutionId)).toEqual(publicHalf.map((v) => v.institutionId));
    // The older procedure interleaves the inspectors, so its institutions depend on them.
    expect(drawInspections(input({ count: 12 }), DRAW_ALGORITHM_V1).visits.map((v) => v.institutionId)).not.toEqual(
      publicHalf.map((v) => v.institutionId),
    );
    expect(thrown(() => drawInspections(input(), 'unknown@9')).code).toBe('CREDIT.DRAW_INPUT_INVALID');
  });

  it('re-runs a draw recorded without covers exactly as before (every institution covered)', () => {
    const withAll = inspectors.map((p) => ({ ...p, covers: institutions.map((i) => i.id) }));
    expect(drawInspections(input({ inspectors: withAll }))).toEqual(drawInspections(input()));
  });
});
