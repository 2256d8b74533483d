import { DEFAULT_ETHICS_POLICY } from '../ethics-policy';
import { applyExcellentCap, CapCandidate, gradeEthics } from './ethics-grading';

const grade = (assessedScore: number, deductions = 0, additions = 0, vetoItems: never[] | ['kickbacks'] = []) =>
  gradeEthics({ assessedScore, deductions, additions, vetoItems }, DEFAULT_ETHICS_POLICY);

describe('ethics grading (defaults of domain.md §3)', () => {
  it('gives 优秀 only at ≥ 90 with no deductions', () => {
    expect(grade(90).grade).toBe('excellent');
    expect(grade(98, 1).grade).toBe('good'); // 97 but a deduction
    expect(grade(85, 0, 5)).toMatchObject({ finalScore: 90, bonus: 5, grade: 'excellent' });
    expect(grade(85, 0, 50)).toMatchObject({ finalScore: 95, bonus: 10 }); // bonus capped at maxBonus
  });

  it('gives 良好 / 一般 / 较差 by score and deductions', () => {
    expect(grade(99, 14).grade).toBe('good'); // 85, deductions < 15
    expect(grade(99, 15).grade).toBe('fair'); // 84 but deductions not < 15
    expect(grade(70).grade).toBe('fair');
    expect(grade(59).grade).toBe('poor');
    expect(grade(100, 26).grade).toBe('poor'); // 25 ≤ deductions < 30 fails 一般's "< 25"
    expect(grade(100, 30)).toMatchObject({ grade: 'poor', reason: 'deductions>=30' });
  });

  it('forces 较差 on a one-vote-veto item whatever the score', () => {
    expect(grade(100, 0, 10, ['kickbacks'])).toMatchObject({ grade: 'poor', reason: 'veto:kickbacks' });
  });
});

describe('applyExcellentCap', () => {
  const staff = (n: number, excellentScores: number[]): CapCandidate[] => [
    ...excellentScores.map((s, i) => ({ staffId: `E${i}`, finalScore: s, provisionalGrade: 'excellent' as const })),
    ...Array.from({ length: n - excellentScores.length }, (_, i) => ({
      staffId: `G${i}`,
      finalScore: 85,
      provisionalGrade: 'good' as const,
    })),
  ];

  it('keeps at most floor(n × 15%) 优秀, the highest scores, and downgrades the rest to 良好', () => {
    const out = applyExcellentCap(staff(20, [95, 99, 91, 93]), 0.15); // max 3
    expect(
      out
        .filter((r) => r.grade === 'excellent')
        .map((r) => r.staffId)
        .sort(),
    ).toEqual(['E0', 'E1', 'E3']);
    expect(out.find((r) => r.staffId === 'E2')).toMatchObject({ grade: 'good', downgradedByCap: true });
    expect(out.filter((r) => r.provisionalGrade === 'good').every((r) => r.grade === 'good' && !r.downgradedByCap)).toBe(true);
  });

  it('downgrades every candidate tied at the boundary by default, or breaks the tie by staffId', () => {
    const input = staff(20, [99, 92, 92, 92]); // max 3: 99 kept, three tied at 92 for two places
    expect(
      applyExcellentCap(input, 0.15)
        .filter((r) => r.grade === 'excellent')
        .map((r) => r.staffId),
    ).toEqual(['E0']);
    expect(
      applyExcellentCap(input, 0.15, 'by-staff-id')
        .filter((r) => r.grade === 'excellent')
        .map((r) => r.staffId),
    ).toEqual(['E0', 'E1', 'E2']);
  });

  it('leaves everything alone under the cap, keeps the input order, and is deterministic', () => {
    const input = staff(20, [95, 96]);
    const out = applyExcellentCap(input, 0.15);
    expect(out.map((r) => r.staffId)).toEqual(input.map((r) => r.staffId));
    expect(out.every((r) => !r.downgradedByCap)).toBe(true);
    expect(applyExcellentCap([...input].reverse(), 0.15).filter((r) => r.grade === 'excellent').length).toBe(2);
    expect(applyExcellentCap(staff(6, [95]), 0.15)[0]).toMatchObject({ grade: 'good', downgradedByCap: true }); // floor(0.9) = 0
  });
});
