import { Table } from 'antd';
import { useNavigate } from 'react-router';
import { EChart } from '../charts/EChart';
import type { ChartOption } from '../charts/echarts';
import type { LedgerCounts } from '../dashboard-queries';
import { DrillLink, FigureCard } from '../FigureCard';
import { drillPath, monthWithin, monthWords, Period } from '../leader-filters';
import { COLORS } from './colors';

type Month = LedgerCounts['byMonth'][number];

/** 月度趋势: rows opened and rows signed off per Beijing month, side by side, each bar drilling to its rows. */
export function FindingsTrend({ counts, period }: { counts: LedgerCounts; period: Period }) {
  const navigate = useNavigate();
  const months = counts.byMonth;
  /** 新发现 by the date opened, 已销号 by the date signed off: the same rows the month's bar counted. */
  const drill = (month: string, signedOff: boolean) => {
    const { from, to } = monthWithin(month, period);
    return signedOff ? { signedOffFrom: from, signedOffTo: to } : { from, to };
  };
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => monthWords(m.month)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', barMaxWidth: 40, name: '新发现问题', itemStyle: { color: COLORS.open }, data: months.map((m) => m.opened) },
      { type: 'bar', barMaxWidth: 40, name: '销号问题', itemStyle: { color: COLORS.signedOff }, data: months.map((m) => m.signedOff) },
    ],
  };
  return (
    <FigureCard
      title="问题整改月度趋势"
      table="findings-by-month"
      period={period}
      chart={
        months.length > 0 && (
          <EChart
            label="每月新发现问题与销号问题趋势图"
            option={option}
            onClick={({ seriesIndex, dataIndex }) => {
              const month = months[dataIndex]?.month;
              // The list's own period is the opened date: a 销号 month drills without the dashboard's period.
              if (month) void navigate(drillPath(drill(month, seriesIndex === 1)));
            }}
          />
        )
      }
    >
      <Table<Month>
        size="small"
        rowKey="month"
        pagination={false}
        dataSource={months}
        locale={{ emptyText: '本期暂无问题' }}
        columns={[
          { title: '月份', dataIndex: 'month', render: (m: string) => monthWords(m) },
          {
            title: '新发现问题',
            dataIndex: 'opened',
            align: 'right',
            render: (n: number, m) => (
              <DrillLink count={n} filter={drill(m.month, false)} period={{}} label={`${monthWords(m.month)}新发现问题`} />
            ),
          },
          {
            title: '销号问题',
            dataIndex: 'signedOff',
            align: 'right',
            render: (n: number, m) => (
              <DrillLink count={n} filter={drill(m.month, true)} period={{}} label={`${monthWords(m.month)}销号问题`} />
            ),
          },
        ]}
      />
    </FigureCard>
  );
}
