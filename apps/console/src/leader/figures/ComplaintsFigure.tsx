import { Table } from 'antd';
import type { ComplaintStatistics } from '../dashboard-queries';
import { EChart } from '../charts/EChart';
import type { ChartOption } from '../charts/echarts';
import { FigureCard } from '../FigureCard';
import { monthWords, percent, Period } from '../leader-filters';
import { COLORS } from './colors';

type Group = ComplaintStatistics['groups'][number];

const rateOf = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/**
 * 投诉办理 by institution or by month of receipt: tickets received and overdue as bars, the
 * answers' on-time rate and the satisfaction rate as lines on a percent axis — the figures of the
 * regular 通报 (GET /complaints/statistics).
 */
export function ComplaintsFigure({
  stats,
  by,
  period,
  nameOf,
}: {
  stats: ComplaintStatistics;
  by: 'institution' | 'month';
  period: Period;
  nameOf: (id: string) => string;
}) {
  const groups = stats.groups;
  const label = (key: string) => (by === 'month' ? monthWords(key) : key === '(unassigned)' ? '未指派单位' : nameOf(key));
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: groups.map((g) => label(g.key)), axisLabel: { interval: 0, rotate: by === 'institution' ? 20 : 0 } },
    yAxis: [
      { type: 'value', name: '件', minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: 100 },
    ],
    series: [
      { type: 'bar', barMaxWidth: 40, name: '受理件数', itemStyle: { color: COLORS.open }, data: groups.map((g) => g.received) },
      { type: 'bar', barMaxWidth: 40, name: '超期', itemStyle: { color: COLORS.overdue }, data: groups.map((g) => g.overdue) },
      {
        type: 'line',
        name: '反馈按时率',
        yAxisIndex: 1,
        itemStyle: { color: COLORS.rate },
        data: groups.map((g) => rateOf(g.answer.onTimeRate)),
      },
      {
        type: 'line',
        name: '满意率',
        yAxisIndex: 1,
        itemStyle: { color: COLORS.satisfaction },
        data: groups.map((g) => rateOf(g.satisfaction.satisfactionRate)),
      },
    ],
  };
  const title = by === 'month' ? '投诉办理月度情况' : '投诉办理情况（按单位）';
  return (
    <FigureCard
      title={title}
      table={by === 'month' ? 'complaints-by-month' : 'complaints-by-institution'}
      period={period}
      chart={groups.length > 0 && <EChart label={`${title}：受理件数、超期、反馈按时率与满意率`} option={option} />}
    >
      <Table<Group>
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={groups}
        locale={{ emptyText: '本期暂无投诉' }}
        summary={() =>
          groups.length > 1 && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {stats.totals.received}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {stats.totals.overdue}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {percent(stats.totals.acknowledge.onTimeRate)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {percent(stats.totals.answer.onTimeRate)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {percent(stats.totals.satisfaction.satisfactionRate)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
        columns={[
          { title: by === 'month' ? '受理月份' : '单位', dataIndex: 'key', render: (key: string) => label(key) },
          { title: '受理件数', dataIndex: 'received', align: 'right' },
          { title: '超期', dataIndex: 'overdue', align: 'right' },
          { title: '签收按时率', key: 'ack', align: 'right', render: (_, g) => percent(g.acknowledge.onTimeRate) },
          { title: '反馈按时率', key: 'answer', align: 'right', render: (_, g) => percent(g.answer.onTimeRate) },
          { title: '满意率', key: 'satisfaction', align: 'right', render: (_, g) => percent(g.satisfaction.satisfactionRate) },
        ]}
      />
    </FigureCard>
  );
}
