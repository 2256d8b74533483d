import { Empty, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { Schemas } from '../../client/client';
import { messageOf } from '../../client/errors';
import { useCampaignProgress } from './campaign-queries';

type Cell = Schemas['CampaignProgressCellDto'];
type Columns = Schemas['CampaignProgressColumnsDto'];
type Unit = Schemas['CampaignProgressUnitDto'];
/** A phase by index, the days outside every phase, or the whole campaign. */
type Period = number | 'outside' | 'total';

const cellOf = (columns: Columns, period: Period): Cell =>
  period === 'total' ? columns.total : period === 'outside' ? columns.outsidePhases : columns.phases[period]!;

/** 报送 counts read null while duties are not kept: — then, not 0. */
const count = (value: number | null) => (value === null ? '—' : value);

const FIGURES: readonly { key: keyof Cell; title: string; width: number }[] = [
  { key: 'visitsDone', title: '检查', width: 64 },
  { key: 'selfInspections', title: '自查', width: 64 },
  { key: 'findings', title: '问题', width: 64 },
  { key: 'open', title: '整改中', width: 72 },
  { key: 'signedOff', title: '已销号', width: 72 },
  { key: 'overdue', title: '逾期', width: 64 },
  { key: 'onTime', title: '按期销号', width: 84 },
  { key: 'reportsDue', title: '应报送', width: 72 },
  { key: 'reportsReceived', title: '已报送', width: 72 },
  { key: 'reportsOnTime', title: '按时报送', width: 84 },
];

/**
 * 进度: phase × unit. One phase at a time (the current one first), the days outside the phases, or
 * the whole campaign; a row per institution the reader covers and the totals under them. Visits
 * count in the phase of the day they were carried out, findings in that of the day they were opened.
 */
export function CampaignProgressTab({ campaignId }: { campaignId: string }) {
  const progress = useCampaignProgress(campaignId);
  const [chosen, setChosen] = useState<Period | null>(null);
  if (progress.isError) return <Typography.Text type="danger">进度加载失败：{messageOf(progress.error)}</Typography.Text>;
  const data = progress.data;
  const period: Period = chosen ?? data?.currentPhase ?? 'total';
  const periods = [
    ...(data?.phases ?? []).map((phase) => ({ value: phase.index as Period, label: phase.name })),
    { value: 'outside' as Period, label: '阶段外' },
    { value: 'total' as Period, label: '合计' },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {/* Drawn once the answer is in, so the choice does not slide over from 合计 to the current phase. */}
      {data && (
        <div className="campaign-scroll-x">
          <Segmented<Period> aria-label="选择阶段" value={period} onChange={setChosen} options={periods} />
        </div>
      )}
      <Table<Unit>
        rowKey="institutionId"
        size="small"
        aria-label="各机构进度"
        loading={progress.isLoading}
        dataSource={data?.units ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description="范围内没有您可见的机构" /> }}
        columns={[
          { title: '机构', dataIndex: 'name', width: 170, fixed: 'left' },
          ...FIGURES.map(({ key, title, width }) => ({
            title,
            key,
            width,
            render: (_: unknown, unit: Unit) => count(cellOf(unit, period)[key] as number | null),
          })),
        ]}
        summary={() =>
          data && (
            <Table.Summary.Row className="campaign-totals">
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              {FIGURES.map(({ key }, index) => (
                <Table.Summary.Cell key={key} index={index + 1}>
                  {count(cellOf(data.totals, period)[key] as number | null)}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )
        }
      />
      {data && !data.reportsTracked && <Typography.Text type="secondary">报送情况暂未纳入统计。</Typography.Text>}
    </Space>
  );
}
