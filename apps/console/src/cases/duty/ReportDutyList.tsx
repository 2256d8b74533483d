import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../client/client';
import { call, messageOf } from '../../client/errors';
import type { operations } from '../../client/schema.gen';
import { isOwed, REPORT_DUTIES_KEY, reportName, ReportDutyRow, useCampaignOptions } from './duty-queries';
import { DutyStateTags } from './DutyStateTags';
import { PATHS } from '../../routes';
import { useCatalogue } from '../../shared/catalogue';
import { DueText } from '../../shared/DueText';
import { beijingDateTime } from '../../shared/time';
import { useWorkingDaysLeft } from '../../shared/working-days';
import { OverdueFilter } from '../../shared/OverdueFilter';
import { FiltersFold } from '../../shared/FiltersFold';

type Query = NonNullable<operations['ReportDutiesController_list']['parameters']['query']>;
type Filters = Pick<Query, 'campaignId' | 'kind' | 'status' | 'overdue'>;
interface FilterValues {
  campaignId?: string;
  kind?: string;
  status?: string;
  overdue?: string;
}

/** The filter form's values as the API's query (empty choices left out). */
function filtersOf(values: FilterValues): Filters {
  return {
    ...(values.campaignId ? { campaignId: values.campaignId } : {}),
    ...(values.kind ? { kind: values.kind as Filters['kind'] } : {}),
    ...(values.status ? { status: values.status as Filters['status'] } : {}),
    ...(values.overdue ? { overdue: values.overdue === 'true' } : {}),
  };
}

/**
 * 报送任务: the reports a unit owes its campaigns (实施方案, 月报 …), nearest due first, with where
 * each stands; a row opens the duty, where it is handed in. Keyset-paged by the API. A hospital's
 * list is its own already; an inspector's is narrowed to `owingUnitId`, their own commission (the
 * reports a campaign above it asks of it, ADR 0024), not every duty of their jurisdiction.
 */
export function ReportDutyList({ owingUnitId, intro }: { owingUnitId?: string; intro?: string }) {
  const words = useCatalogue();
  const navigate = useNavigate();
  const campaigns = useCampaignOptions();
  const [filters, setFilters] = useState<Filters>({});
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const page = useQuery({
    queryKey: [...REPORT_DUTIES_KEY, 'list', owingUnitId ?? null, filters, cursor],
    queryFn: () => {
      const query = { ...filters, ...(owingUnitId ? { institutionId: owingUnitId } : {}), ...(cursor ? { cursor } : {}) };
      return call(api.GET('/report-duties', { params: { query } }));
    },
    placeholderData: keepPreviousData,
  });
  const rows = page.data?.items ?? [];
  const daysLeft = useWorkingDaysLeft(rows.filter((row) => isOwed(row.status)).map((row) => row.dueAt));
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          报送任务
        </Typography.Title>
      }
    >
      {intro && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {intro}
        </Typography.Paragraph>
      )}
      <FiltersFold active={Object.keys(filters).length}>
        <Form<FilterValues>
          layout="inline"
          className="ledger-filters"
          onValuesChange={(_, all) => {
            setFilters(filtersOf(all));
            setCursors([undefined]);
          }}
        >
          <Form.Item name="campaignId" label="专项行动">
            <Select allowClear placeholder="全部" style={{ width: 220 }} options={campaigns} optionFilterProp="label" showSearch />
          </Form.Item>
          <Form.Item name="kind" label="报送材料">
            <Select allowClear placeholder="全部" style={{ width: 140 }} options={words.options('campaignReportKinds')} />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select allowClear placeholder="全部" style={{ width: 120 }} options={words.options('reportDutyStatuses')} />
          </Form.Item>
          <OverdueFilter />
        </Form>
      </FiltersFold>
      {page.isError && <Typography.Text type="danger">报送任务加载失败：{messageOf(page.error)}</Typography.Text>}
      <Table<ReportDutyRow>
        style={{ marginTop: 16 }}
        rowKey="dutyId"
        loading={page.isFetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description="暂无报送任务" /> }}
        rowClassName={(row) => (row.overdue ? 'row-overdue ledger-row' : 'ledger-row')}
        onRow={(row) => ({ onClick: () => navigate(PATHS.reportDuty(row.dutyId)) })}
        columns={[
          {
            title: '报送材料',
            key: 'report',
            width: 200,
            render: (_, row) => (
              <Link to={PATHS.reportDuty(row.dutyId)} onClick={(event) => event.stopPropagation()}>
                {reportName(words, row)}
              </Link>
            ),
          },
          { title: '专项行动', dataIndex: 'campaignTitle', width: 220 },
          {
            title: '报送期限',
            key: 'due',
            width: 210,
            render: (_, row) => (
              <DueText dueAt={row.dueAt} overdue={row.overdue} workingDaysLeft={isOwed(row.status) ? daysLeft(row.dueAt) : null} />
            ),
          },
          {
            title: '状态',
            key: 'status',
            width: 180,
            render: (_, row) => <DutyStateTags status={row.status} overdue={row.overdue} escalationRung={row.escalationRung} />,
          },
          {
            title: '最近报送',
            key: 'submitted',
            width: 190,
            render: (_, row) =>
              row.submittedAt ? (
                <Space size={4} wrap>
                  <span>{beijingDateTime(row.submittedAt)}</span>
                  {row.onTime !== null && <Tag color={row.onTime ? 'green' : 'orange'}>{row.onTime ? '按时' : '逾期报送'}</Tag>}
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Space style={{ marginTop: 16, justifyContent: 'flex-end', width: '100%' }}>
        <Typography.Text type="secondary">第 {cursors.length} 页</Typography.Text>
        <Button disabled={cursors.length <= 1 || page.isFetching} onClick={() => setCursors((list) => list.slice(0, -1))}>
          上一页
        </Button>
        <Button
          disabled={!page.data?.nextCursor || page.isFetching}
          onClick={() => page.data?.nextCursor && setCursors((list) => [...list, page.data.nextCursor ?? undefined])}
        >
          下一页
        </Button>
      </Space>
    </Card>
  );
}
