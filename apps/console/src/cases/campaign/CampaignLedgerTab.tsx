import { Empty, Space, Table, Tag, Typography } from 'antd';
import { messageOf } from '../../client/errors';
import { LedgerRow, useLedgerColumns, useLedgerLayout } from '../../shared/ledger-columns';
import { namesOf } from '../../shared/names';
import { useCampaignLedger } from './campaign-queries';

/**
 * 台账: the rectification ledger's rows filed under the campaign (its visits and self-inspections),
 * with the ledger's own columns; each row links to its finding and its case audit.
 */
export function CampaignLedgerTab({ campaignId }: { campaignId: string }) {
  const ledger = useCampaignLedger(campaignId);
  const rows = ledger.data?.rows ?? [];
  const columns = useLedgerColumns(rows, { names: namesOf(ledger.data) });
  const layout = useLedgerLayout(
    columns,
    [
      columns.seq,
      columns.institution,
      columns.description,
      columns.category,
      columns.severity,
      columns.status,
      columns.due,
      columns.opened,
      columns.caseLinks,
    ],
    1300,
  );
  if (ledger.isError) return <Typography.Text type="danger">台账加载失败：{messageOf(ledger.error)}</Typography.Text>;
  const summary = ledger.data?.summary;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {summary && (
        <Space wrap aria-label="台账汇总">
          <Tag>问题 {summary.total} 项</Tag>
          <Tag color="green">已销号 {summary.signedOff}</Tag>
          <Tag color="blue">整改中 {summary.open}</Tag>
          <Tag color={summary.overdue ? 'red' : 'default'}>逾期 {summary.overdue}</Tag>
          {summary.withdrawn > 0 && <Tag>已撤销 {summary.withdrawn}</Tag>}
        </Space>
      )}
      <Table<LedgerRow>
        rowKey="findingId"
        size="middle"
        aria-label="专项行动台账"
        loading={ledger.isLoading}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty description="尚无归入本专项行动的问题" /> }}
        rowClassName={(row) => (row.overdue ? 'row-overdue' : '')}
        {...layout}
      />
    </Space>
  );
}
