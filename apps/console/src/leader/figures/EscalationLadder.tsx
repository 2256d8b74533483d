import { Table } from 'antd';
import { useNavigate } from 'react-router';
import { useCatalogue } from '../../shared/catalogue';
import { EChart } from '../charts/EChart';
import type { ChartOption } from '../charts/echarts';
import type { LedgerCounts } from '../dashboard-queries';
import { DrillLink, FigureCard } from '../FigureCard';
import { drillPath, Period } from '../leader-filters';
import { COLORS } from './colors';

interface Rung {
  readonly key: string;
  readonly label: string;
  readonly total: number;
  readonly overdue: number;
  readonly signedOff: number;
}

/**
 * 逾期问题督办层级: where the overdue rows stand on the ladder (提醒敦促函 → 整改通知书 → 约谈通知书 →
 * 挂牌督办 → 通报), every rung in its order, empty ones too, so the ladder reads as one.
 */
export function EscalationLadder({ counts, period }: { counts: LedgerCounts; period: Period }) {
  const words = useCatalogue();
  const navigate = useNavigate();
  const reached = new Map(counts.byEscalationRung.map((r) => [r.key, r]));
  const rungs: Rung[] = words.options('escalationRungs').map(({ value, label }) => ({
    key: value,
    label,
    total: reached.get(value)?.total ?? 0,
    overdue: reached.get(value)?.overdue ?? 0,
    signedOff: reached.get(value)?.signedOff ?? 0,
  }));
  const notYet = counts.overdue - rungs.reduce((n, r) => n + r.overdue, 0);
  const option: ChartOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rungs.map((r) => r.label) },
    series: [
      {
        type: 'bar',
        name: '仍逾期',
        itemStyle: { color: COLORS.overdue },
        label: { show: true, position: 'right' },
        data: rungs.map((r) => r.overdue),
      },
    ],
  };
  return (
    <FigureCard
      title="逾期问题督办层级"
      table="findings-by-rung"
      period={period}
      chart={
        <EChart
          label="逾期问题在督办阶梯各层级的数量"
          option={option}
          height={220}
          onClick={({ dataIndex }) => {
            const rung = rungs[dataIndex];
            if (rung) void navigate(drillPath({ overdue: 'true', escalationRung: rung.key }, period));
          }}
        />
      }
    >
      <Table<Rung>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rungs}
        footer={() => (notYet > 0 ? `另有 ${notYet} 项已逾期、尚未升级督办` : null)}
        columns={[
          { title: '督办层级', dataIndex: 'label' },
          {
            title: '仍逾期',
            dataIndex: 'overdue',
            align: 'right',
            render: (n: number, r) => (
              <DrillLink count={n} filter={{ overdue: 'true', escalationRung: r.key }} period={period} label={`${r.label}仍逾期`} />
            ),
          },
          {
            title: '升级问题数',
            dataIndex: 'total',
            align: 'right',
            render: (n: number, r) => (
              <DrillLink count={n} filter={{ escalationRung: r.key }} period={period} label={`${r.label}升级问题`} />
            ),
          },
          { title: '其中已销号', dataIndex: 'signedOff', align: 'right' },
        ]}
      />
    </FigureCard>
  );
}
