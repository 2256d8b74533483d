import { LedgerRow, VisitView } from '@bihuan/inspection';
import { acceptPhases } from '../domain/campaign-phases';
import { campaignProgress } from './campaign-progress';
import { campaignSummaryFigures } from './campaign-summary';

const phases = acceptPhases(
  [
    { name: '自查自纠', from: '2025-03-01', to: '2025-03-31', reports: [{ kind: 'self-inspection-report', due: '2025-03-31' }] },
    { name: '集中整治', from: '2025-04-01', to: '2025-06-30', reports: [{ kind: 'monthly-report', recurrence: 'monthly' }] },
  ],
  2025,
);

const row = (findingId: string, institutionId: string, openedAt: string, change: Partial<LedgerRow> = {}): LedgerRow =>
  ({
    findingId,
    institutionId,
    openedAt,
    category: 'red-envelopes',
    status: 'inProgress',
    signedOff: false,
    overdue: false,
    onTime: null,
    ...change,
  }) as LedgerRow;
const visit = (institutionId: string, kind: VisitView['kind'], status: string, conductedOn: string | null): VisitView =>
  ({ visitId: `v-${institutionId}-${conductedOn}`, institutionId, kind, status, conductedOn }) as VisitView;

const rows = [
  row('f-1', 'h-1', '2025-03-10T02:00:00.000Z', { status: 'signedOff', signedOff: true, onTime: true }),
  row('f-2', 'h-1', '2025-04-02T02:00:00.000Z', { overdue: true, category: 'service-attitude' }),
  // Opened at 00:30 on 1 April in Shanghai (still 31 March in UTC): the second phase's.
  row('f-3', 'h-2', '2025-03-31T16:30:00.000Z', { status: 'signedOff', signedOff: true, onTime: false }),
  row('f-4', 'h-2', '2025-04-03T02:00:00.000Z', { status: 'withdrawn' }),
  row('f-5', 'h-2', '2025-07-05T02:00:00.000Z'),
];
const visits = [
  visit('h-1', 'unannounced', 'findingsRegistered', '2025-03-10'),
  visit('h-1', 'self', 'closed', '2025-03-05'),
  visit('h-2', 'routine', 'planned', null), // not carried out: not counted (nor told to the hospital)
  visit('h-2', 'routine', 'conducted', '2025-04-01'),
];

describe('campaign progress (phase × unit) and summary', () => {
  it('counts visits, self-inspections and findings in the phase of their Shanghai day, reports due by today', () => {
    const table = campaignProgress({ phases, institutionIds: ['h-1', 'h-2', 'h-3'], rows, visits, received: null, today: '2025-05-10' });
    const [h1, h2, h3] = table.units;
    expect(h1!.phases[0]).toMatchObject({
      visitsDone: 1,
      selfInspections: 1,
      findings: 1,
      signedOff: 1,
      onTime: 1,
      reportsDue: 1,
      reportsReceived: null,
    });
    expect(h1!.phases[1]).toMatchObject({ findings: 1, open: 1, overdue: 1, reportsDue: 1 }); // April's monthly report
    expect(h2!.phases[1]).toMatchObject({ visitsDone: 1, findings: 1, signedOff: 1, onTime: 0, withdrawn: 1 });
    expect(h2!.outsidePhases).toMatchObject({ findings: 1, open: 1 });
    expect(h3!.total).toMatchObject({ visitsDone: 0, findings: 0, reportsDue: 2 });
    expect(table.totals.total).toMatchObject({
      visitsDone: 2,
      selfInspections: 1,
      findings: 4,
      signedOff: 2,
      open: 2,
      overdue: 1,
      withdrawn: 1,
      reportsDue: 6,
    });
  });

  it('rates the summary by category and institution; counts received reports once reporting duties answer', () => {
    const received = [
      { institutionId: 'h-1', kind: 'self-inspection-report' as const, dueOn: '2025-03-31', receivedOn: '2025-03-28', onTime: true },
      { institutionId: 'h-1', kind: 'monthly-report' as const, dueOn: '2025-04-30', receivedOn: '2025-05-06', onTime: false },
      // A report not (or no longer) due by today is not counted, whatever was handed in.
      { institutionId: 'h-2', kind: 'monthly-report' as const, dueOn: '2025-05-31', receivedOn: '2025-05-09', onTime: true },
    ];
    const table = campaignProgress({ phases, institutionIds: ['h-1', 'h-2'], rows, visits, received, today: '2025-05-10' });
    const summary = campaignSummaryFigures(table, rows);
    expect(summary.totals).toMatchObject({
      findings: 4,
      signedOff: 2,
      rectificationRate: 0.5,
      onTimeRate: 0.5,
      reportsDue: 4,
      reportsReceived: 2,
      reportsOnTime: 1,
      reportsOnTimeRate: 0.25,
    });
    expect(summary.byCategory.map((c) => [c.category, c.findings, c.rectificationRate])).toEqual([
      ['red-envelopes', 3, 0.6667],
      ['service-attitude', 1, 0],
    ]);
    expect(summary.byInstitution.map((u) => [u.institutionId, u.rectificationRate, u.onTimeRate])).toEqual([
      ['h-1', 0.5, 1],
      ['h-2', 0.5, 0],
    ]);
    const untracked = campaignSummaryFigures(
      campaignProgress({ phases, institutionIds: ['h-1'], rows: [], visits: [], received: null, today: '2025-01-01' }),
      [],
    );
    expect(untracked.totals).toMatchObject({
      findings: 0,
      rectificationRate: null,
      onTimeRate: null,
      reportsDue: 0,
      reportsOnTimeRate: null,
    });
  });
});
