import { Empty, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnType } from 'antd';
import { Link } from 'react-router';
import type { Schemas } from '../../client/client';
import { messageOf } from '../../client/errors';
import { PATHS } from '../../routes';
import { useCatalogue } from '../../shared/catalogue';
import { beijingDate } from '../../shared/time';
import { useCampaignReports } from './campaign-queries';

type Unit = Schemas['CampaignReportUnitDto'];
type Cell = Schemas['CampaignReportCellDto'];
type Column = Schemas['CampaignReportColumnDto'];

const STATUS_COLORS: Readonly<Record<Cell['status'], string>> = {
  assigned: 'default',
  submitted: 'processing',
  returned: 'orange',
  accepted: 'green',
  withdrawn: 'default',
};

/** One unit's duty for one report instance: its status, on time or not, the rung if overdue; a link to the duty. */
function DutyCell({ cell, column, unit }: { cell: Cell | null; column: Column; unit: string }) {
  const words = useCatalogue();
  if (!cell) return <Typography.Text type="secondary">—</Typography.Text>;
  const kind = words.label('campaignReportKinds', column.kind);
  return (
    <Link
      to={PATHS.reportDuty(cell.dutyId)}
      aria-label={`${unit} ${kind}（${column.dueOn}）：${words.label('reportDutyStatuses', cell.status)}`}
    >
      <Space orientation="vertical" size={2}>
        <Tag color={cell.overdue ? 'red' : STATUS_COLORS[cell.status]}>{words.label('reportDutyStatuses', cell.status)}</Tag>
        {cell.submittedAt && (
          <Typography.Text type={cell.onTime === false ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
            {beijingDate(cell.submittedAt)} 报送 · {cell.onTime === false ? '逾期' : '按时'}
          </Typography.Text>
        )}
        {cell.overdue && !cell.submittedAt && (
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            逾期未报{cell.escalationRung && ` · ${words.label('reportDutyEscalationRungs', cell.escalationRung)}`}
          </Typography.Text>
        )}
      </Space>
    </Link>
  );
}

/**
 * 报送: unit × report instance (each phase's reports, each recurring one once per due day), each cell
 * the institution's duty (报送任务) linking to its page, where the office accepts or returns it.
 */
export function CampaignReportsTab({ campaignId }: { campaignId: string }) {
  const words = useCatalogue();
  const reports = useCampaignReports(campaignId);
  if (reports.isError) return <Typography.Text type="danger">报送情况加载失败：{messageOf(reports.error)}</Typography.Text>;
  const data = reports.data;
  const columns = data?.columns ?? [];
  const phases = [...new Set(columns.map((column) => column.phaseIndex))];
  const instanceColumn = (column: Column, index: number): TableColumnType<Unit> => ({
    title: (
      <>
        {words.label('campaignReportKinds', column.kind)}
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {column.dueOn.slice(5)} 截止
        </Typography.Text>
      </>
    ),
    key: `${column.kind}-${column.dueOn}`,
    width: 120,
    render: (_, unit) => <DutyCell cell={unit.cells[index] ?? null} column={column} unit={unit.name} />,
  });
  const totals = data?.totals;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {totals && (
        <Space wrap aria-label="报送汇总">
          <Tag>报送任务 {totals.duties} 项</Tag>
          <Tag>已到期 {totals.due}</Tag>
          <Tag color="green">已报送 {totals.received}</Tag>
          <Tag color="green">按时 {totals.onTime}</Tag>
          <Tag color={totals.late ? 'orange' : 'default'}>逾期报送 {totals.late}</Tag>
          <Tag color={totals.overdue ? 'red' : 'default'}>逾期未报 {totals.overdue}</Tag>
          <Tag color="processing">待审核 {totals.awaitingReview}</Tag>
          {totals.returned > 0 && <Tag color="orange">已退回 {totals.returned}</Tag>}
        </Space>
      )}
      <Table<Unit>
        rowKey="institutionId"
        size="small"
        bordered
        aria-label="报送情况（机构×材料）"
        loading={reports.isLoading}
        dataSource={data?.units ?? []}
        pagination={false}
        scroll={{ x: 170 + columns.length * 120 }}
        locale={{ emptyText: <Empty description={columns.length ? '范围内没有您可见的机构' : '各阶段均无报送要求'} /> }}
        columns={[
          { title: '机构', dataIndex: 'name', width: 170, fixed: 'left' },
          ...phases.map((phaseIndex) => ({
            title: columns.find((column) => column.phaseIndex === phaseIndex)?.phaseName,
            key: `phase-${phaseIndex}`,
            children: columns.flatMap((column, index) => (column.phaseIndex === phaseIndex ? [instanceColumn(column, index)] : [])),
          })),
        ]}
      />
    </Space>
  );
}
