import { Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useCatalogue } from '../../shared/catalogue';
import { EChart } from '../charts/EChart';
import type { ChartOption } from '../charts/echarts';
import type { LedgerCounts } from '../dashboard-queries';
import { DrillLink, FigureCard } from '../FigureCard';
import { drillPath, Period } from '../leader-filters';
import { COLORS } from './colors';

type Cell = LedgerCounts['byInstitutionCategory'][number];
interface Line {
  readonly institutionId: string;
  readonly name: string;
  readonly cells: ReadonlyMap<string, Cell>;
}

/**
 * 机构 × 类别: the categories' open and overdue rows as bars, then the cross table, each cell
 * (整改中 / 逾期) opening that institution's rows of that category.
 */
export function FindingsCrossTable({ counts, period }: { counts: LedgerCounts; period: Period }) {
  const words = useCatalogue();
  const navigate = useNavigate();
  const categories = counts.byCategory;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: categories.map((c) => words.label('findingCategories', c.key)),
        axisLabel: { interval: 0, rotate: 30 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', barMaxWidth: 40, name: '整改中', itemStyle: { color: COLORS.open }, data: categories.map((c) => c.open) },
        { type: 'bar', barMaxWidth: 40, name: '逾期未改', itemStyle: { color: COLORS.overdue }, data: categories.map((c) => c.overdue) },
      ],
    }),
    [categories, words],
  );
  const lines = useMemo<Line[]>(() => {
    const by = new Map<string, Line>();
    for (const cell of counts.byInstitutionCategory) {
      const line = by.get(cell.key) ?? { institutionId: cell.key, name: cell.name ?? cell.key, cells: new Map<string, Cell>() };
      (line.cells as Map<string, Cell>).set(cell.category, cell);
      by.set(cell.key, line);
    }
    return [...by.values()];
  }, [counts.byInstitutionCategory]);
  return (
    <FigureCard
      title="问题类别分布（机构×类别）"
      table="findings-by-institution-category"
      period={period}
      chart={
        categories.length > 0 && (
          <EChart
            label="各问题类别整改中与逾期问题柱状图"
            option={option}
            onClick={({ seriesIndex, dataIndex }) => {
              const category = categories[dataIndex]?.key;
              if (category)
                void navigate(drillPath(seriesIndex === 1 ? { category, overdue: 'true' } : { category, active: 'true' }, period));
            }}
          />
        )
      }
    >
      <Typography.Text type="secondary">每格：整改中 / 其中逾期</Typography.Text>
      <Table<Line>
        size="small"
        rowKey="institutionId"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={lines}
        locale={{ emptyText: '本期暂无问题' }}
        columns={[
          { title: '机构', dataIndex: 'name', fixed: 'left' },
          ...categories.map((category) => ({
            title: words.label('findingCategories', category.key),
            key: category.key,
            align: 'center' as const,
            render: (_: unknown, line: Line) => {
              const cell = line.cells.get(category.key);
              if (!cell) return '—';
              const label = `${line.name}${words.label('findingCategories', category.key)}`;
              const filter = { institutionId: line.institutionId, category: category.key };
              return (
                <span>
                  <DrillLink count={cell.open} filter={{ ...filter, active: 'true' }} period={period} label={`${label}整改中`} /> /{' '}
                  <DrillLink count={cell.overdue} filter={{ ...filter, overdue: 'true' }} period={period} label={`${label}逾期`} />
                </span>
              );
            },
          })),
        ]}
      />
    </FigureCard>
  );
}
