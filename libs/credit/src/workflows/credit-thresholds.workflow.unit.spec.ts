import { WorkflowSpecification } from '@bihuan/testing';
import { delivered } from '../testing/credit-test-fixtures';
import { creditThresholdsWorkflow } from './credit-thresholds.workflow';

const spec = WorkflowSpecification(creditThresholdsWorkflow);
const added = (pointsId: string, points: number, cycleNo = 1) =>
  delivered(
    `creditPoints-H1.${pointsId}`,
    'CreditPointsAdded',
    { institutionId: 'H1', pointsId, cycleNo, points, causedBy: { stream: 'finding-F1', eventId: `ev-${pointsId}` } },
    `ev-add-${pointsId}`,
  );
const revoked = (pointsId: string, points: number) =>
  delivered(
    `creditPoints-H1.${pointsId}`,
    'CreditPointsRevoked',
    { institutionId: 'H1', pointsId, cycleNo: 1, points },
    `ev-rev-${pointsId}`,
  );
const imposed = (thresholdPoints: number, final: boolean) =>
  delivered(
    'creditArchive-H1',
    'CreditMeasureImposed',
    { institutionId: 'H1', cycleNo: 1, thresholdPoints, final },
    `ev-m-${thresholdPoints}`,
  );

describe('creditThresholds workflow (ADR 0006)', () => {
  it("keeps one instance per institution and cycle, and sends the cycle's running total to the archive", () => {
    expect(spec.given([]).when(added('P1', 6)).instance()).toBe('H1.1');
    expect(
      spec
        .given([])
        .when(added('P1', 6, 2))
        .instance(),
    ).toBe('H1.2');
    spec
      .given([added('P1', 6)])
      .when(added('P2', 6))
      .thenMatches([
        {
          kind: 'send',
          stream: 'creditArchive-H1',
          command: {
            type: 'ImposeCreditMeasures',
            data: {
              institutionId: 'H1',
              cycleNo: 1,
              totalPoints: 12,
              pointsId: 'P2',
              causedBy: { stream: 'finding-F1', eventId: 'ev-P2' },
            },
          },
        },
      ]);
  });

  it('lowers the total on a revocation and sends nothing for it', () => {
    spec
      .given([added('P1', 6)])
      .when(revoked('P1', 6))
      .thenNothing();
    spec
      .given([added('P1', 6), revoked('P1', 6)])
      .when(added('P2', 4))
      .thenMatches([{ command: { data: { totalPoints: 4 } } }]);
  });

  it('completes when the top threshold is imposed or the cycle closes, not on a lower threshold', () => {
    spec.given([]).when(imposed(12, false)).thenNothing();
    expect(spec.given([]).when(imposed(24, true)).outputs()).toEqual([{ kind: 'complete' }]);
    const closed = delivered('creditArchive-H1', 'CreditCycleClosed', { institutionId: 'H1', cycleNo: 1 }, 'ev-closed');
    expect(spec.given([]).when(closed).outputs()).toEqual([{ kind: 'complete' }]);
  });

  it('gives the same command id for a redelivered input', () => {
    expect(spec.given([]).when(added('P1', 6)).outputs()).toEqual(spec.given([]).when(added('P1', 6)).outputs());
  });
});
