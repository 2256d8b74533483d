import { Table } from 'antd';
import { useCatalogue } from '../../shared/catalogue';
import { beijingDate } from '../../shared/time';
import { EChart } from '../charts/EChart';
import type { ChartOption } from '../charts/echarts';
import type { CreditLevels } from '../dashboard-queries';
import { FigureCard } from '../FigureCard';
import { Period } from '../leader-filters';
import { LEVEL_COLORS } from './colors';

type Entry = CreditLevels['listEntries'][number];
interface Level {
  readonly level: string;
  readonly label: string;
  readonly institutions: readonly string[];
}

/** 信用等级分布 (as of now): institutions at each level A–D as a pie, and who they are. */
export function CreditLevelsFigure({ credit, period, nameOf }: { credit: CreditLevels; period: Period; nameOf: (id: string) => string }) {
  const words = useCatalogue();
  const levels: Level[] = words.options('creditLevels').map(({ value, label }) => ({
    level: value,
    label,
    institutions: credit.levels.filter((l) => l.level === value).map((l) => nameOf(l.institutionId)),
  }));
  const option: ChartOption = {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 家（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{c} 家' },
        // A level nobody stands at keeps its legend entry but draws no label over its neighbours.
        data: levels.map((l, i) => ({
          name: l.label,
          value: l.institutions.length,
          itemStyle: { color: LEVEL_COLORS[i] },
          label: { show: l.institutions.length > 0 },
          labelLine: { show: l.institutions.length > 0 },
        })),
      },
    ],
  };
  return (
    <FigureCard
      title="信用等级分布"
      table="credit-levels"
      period={period}
      chart={<EChart label="医疗机构信用等级分布饼图" option={option} height={260} />}
    >
      <Table<Level>
        size="small"
        rowKey="level"
        pagination={false}
        dataSource={levels}
        columns={[
          { title: '信用等级', dataIndex: 'label' },
          { title: '机构数', key: 'count', align: 'right', render: (_, l) => l.institutions.length },
          { title: '机构', key: 'names', render: (_, l) => l.institutions.join('、') || '—' },
        ]}
      />
    </FigureCard>
  );
}

/** 红黑名单 in force that the reader may see (leaders: the red list; the black list is for partner agencies). */
export function CreditListsFigure({ credit, period, nameOf }: { credit: CreditLevels; period: Period; nameOf: (id: string) => string }) {
  const words = useCatalogue();
  return (
    <FigureCard title="红黑名单在列情况" table="credit-lists" period={period}>
      <Table<Entry>
        size="small"
        rowKey="entryId"
        pagination={false}
        dataSource={credit.listEntries}
        locale={{ emptyText: '暂无在列名单' }}
        columns={[
          { title: '机构', dataIndex: 'institutionId', render: (id: string) => nameOf(id) },
          { title: '名单', dataIndex: 'list', render: (list: string) => words.label('creditLists', list) },
          { title: '列入事由', dataIndex: 'reason' },
          { title: '列入日期', dataIndex: 'listedAt', render: (at: string) => beijingDate(at) },
          { title: '到期日期', dataIndex: 'expiresAt', render: (at: string) => beijingDate(at) },
        ]}
      />
    </FigureCard>
  );
}
