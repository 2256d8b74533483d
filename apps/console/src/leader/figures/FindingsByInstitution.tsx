import { Table } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { EChart } from '../charts/EChart';
import type { ChartOption } from '../charts/echarts';
import type { LedgerCounts } from '../dashboard-queries';
import { DrillLink, FigureCard } from '../FigureCard';
import { DrillFilter, drillPath, Period } from '../leader-filters';
import { COLORS } from './colors';

type Row = LedgerCounts['byInstitution'][number];

/** The three parts of an institution's bar, each drilling to its rows. */
const PARTS: readonly { name: string; color: string; count: (r: Row) => number; filter: DrillFilter }[] = [
  { name: '逾期未改', color: COLORS.overdue, count: (r) => r.overdue, filter: { overdue: 'true' } },
  { name: '整改中（未逾期）', color: COLORS.open, count: (r) => r.open - r.overdue, filter: { active: 'true', overdue: 'false' } },
  { name: '已销号', color: COLORS.signedOff, count: (r) => r.signedOff, filter: { status: 'signedOff' } },
];

/** 问题整改（按机构）: open, overdue and signed-off rows of each institution, stacked. */
export function FindingsByInstitution({ counts, period }: { counts: LedgerCounts; period: Period }) {
  const navigate = useNavigate();
  const rows = counts.byInstitution;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name ?? r.key) },
      series: PARTS.map((part) => ({
        type: 'bar',
        barMaxWidth: 32,
        name: part.name,
        stack: 'rows',
        itemStyle: { color: part.color },
        data: rows.map(part.count),
      })),
    }),
    [rows],
  );
  return (
    <FigureCard
      title="问题整改情况（按机构）"
      table="findings-by-institution"
      period={period}
      chart={
        rows.length > 0 && (
          <EChart
            label="各机构问题整改情况条形图：逾期未改、整改中、已销号"
            option={option}
            height={Math.max(160, 48 + rows.length * 36)}
            onClick={({ seriesIndex, dataIndex }) => {
              const part = PARTS[seriesIndex];
              const row = rows[dataIndex];
              if (part && row) void navigate(drillPath({ institutionId: row.key, ...part.filter }, period));
            }}
          />
        )
      }
    >
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: '本期暂无问题' }}
        columns={[
          { title: '机构', dataIndex: 'name', render: (name: string | undefined, r) => name ?? r.key },
          {
            title: '问题总数',
            dataIndex: 'total',
            align: 'right',
            render: (n: number, r) => (
              <DrillLink count={n} filter={{ institutionId: r.key }} period={period} label={`${r.name ?? r.key}问题`} />
            ),
          },
          ...PARTS.map((part) => ({
            title: part.name,
            key: part.name,
            align: 'right' as const,
            render: (_: unknown, r: Row) => (
              <DrillLink
                count={part.count(r)}
                filter={{ institutionId: r.key, ...part.filter }}
                period={period}
                label={`${r.name ?? r.key}${part.name}`}
              />
            ),
          })),
        ]}
      />
    </FigureCard>
  );
}
