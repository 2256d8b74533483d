import { acceptPhases } from '../campaign-phases';
import { dutyInstances, reportDutyId } from './report-duty-schedule';

/** Seed 003's phases (乌审旗, 2023) with a quarterly summary added to the second. */
const phases = acceptPhases(
  [
    { name: '宣传动员', from: '2023-05-15', to: '2023-05-20', reports: [{ kind: 'implementation-plan', due: '2023-05-20' }] },
    {
      name: '整治提升',
      from: '2023-05-21',
      to: '2023-08-15',
      reports: [
        { kind: 'monthly-report', recurrence: 'monthly' },
        { kind: 'quarterly-summary', recurrence: 'quarterly' },
      ],
    },
    { name: '评估总结', from: '2023-08-16', to: '2023-08-31', reports: [{ kind: 'final-report', due: '2023-09-15' }] },
  ],
  2023,
);

describe('reporting duty instances of a campaign', () => {
  const all = dutyInstances({ campaignId: 'c', institutionIds: ['h-1'], phases });

  it('lists every instance with the day its period opens: the phase, the month, the quarter', () => {
    expect(all.map((d) => [d.kind, d.dueOn, d.opensOn, d.phaseIndex])).toEqual([
      ['implementation-plan', '2023-05-20', '2023-05-15', 0],
      ['monthly-report', '2023-05-31', '2023-05-21', 1],
      ['monthly-report', '2023-06-30', '2023-06-01', 1],
      ['quarterly-summary', '2023-06-30', '2023-05-21', 1],
      ['monthly-report', '2023-07-31', '2023-07-01', 1],
      ['monthly-report', '2023-08-15', '2023-08-01', 1],
      ['quarterly-summary', '2023-08-15', '2023-07-01', 1],
      ['final-report', '2023-09-15', '2023-08-16', 2],
    ]);
  });

  it('names each duty by campaign, institution, kind and day: the same inputs, the same id; another day, another', () => {
    expect(all[0]!.dutyId).toBe(reportDutyId('c', 'h-1', 'implementation-plan', '2023-05-20'));
    expect(reportDutyId('c', 'h-1', 'monthly-report', '2023-05-31')).not.toBe(reportDutyId('c', 'h-2', 'monthly-report', '2023-05-31'));
    expect(new Set(all.map((d) => d.dutyId)).size).toBe(all.length);
  });

  it('makes one duty of the same kind due the same day in two phases', () => {
    const twice = acceptPhases(
      [
        { name: 'a', from: '2023-05-01', to: '2023-05-10', reports: [{ kind: 'final-report', due: '2023-06-30' }] },
        { name: 'b', from: '2023-05-11', to: '2023-05-31', reports: [{ kind: 'final-report', due: '2023-06-30' }] },
      ],
      2023,
    );
    expect(dutyInstances({ campaignId: 'c', institutionIds: ['h-1', 'h-2'], phases: twice })).toHaveLength(2);
  });
});
