import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, Schemas } from '../client/client';
import { call, messageOf } from '../client/errors';
import { PATHS } from '../routes';
import { useCatalogue } from '../shared/catalogue';
import { DueText } from '../shared/DueText';
import { namesOf } from '../shared/names';
import { beijingDate } from '../shared/time';
import { useWorkingDaysLeft } from '../shared/working-days';
import { FindingFilters } from './FindingFilters';
import { DrillFilter, drillFilterOf, drillPath, findingsQueryOf } from './leader-filters';

type LedgerRow = Schemas['InspectionLedgerRowDto'];
const PAGE_SIZE = 20;

/** The stream a finding's history is kept in (`finding-<id>`): its case audit page's address. */
export const findingStream = (findingId: string): string => `finding-${findingId}`;

/**
 * 督办台账: the rows behind a dashboard figure, filtered by the URL the figure opened it with
 * (institution, category, status, in progress, overdue, rung, dates), paged by the API's cursor.
 * Overdue rows are highlighted and each shows its rung of the ladder by name; each row opens the
 * finding and its case audit (the whole history).
 */
export function LeaderFindingsPage() {
  const words = useCatalogue();
  const [params, setParams] = useSearchParams();
  const filter = drillFilterOf(params);
  const filterKey = params.toString();
  /** Cursors of the pages before the current one, per filter: a new filter starts from page 1. */
  const [pages, setPages] = useState<{ key: string; cursors: (string | undefined)[] }>({ key: filterKey, cursors: [undefined] });
  const cursors = pages.key === filterKey ? pages.cursors : [undefined];
  const cursor = cursors[cursors.length - 1];
  const page = useQuery({
    queryKey: ['leader', 'findings', filterKey, cursor],
    queryFn: () =>
      call(api.GET('/findings', { params: { query: { ...findingsQueryOf(filter), pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}) } } })),
    placeholderData: keepPreviousData,
  });
  const institutions = useQuery({ queryKey: ['leader', 'counts', {}], queryFn: () => call(api.GET('/ledgers/counts')) });
  const names = { ...namesOf(institutions.data), ...namesOf(page.data) };
  const rows = page.data?.items ?? [];
  const daysLeft = useWorkingDaysLeft(rows.filter((row) => !row.signedOff).map((row) => row.currentDueAt));
  const apply = (next: DrillFilter) => setParams(new URLSearchParams(drillPath(next).split('?')[1] ?? ''));

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          督办台账
        </Typography.Title>
      }
      extra={<Link to={PATHS.leader}>返回仪表盘</Link>}
    >
      <FindingFilters
        filter={filter}
        institutions={(institutions.data?.byInstitution ?? []).map((r) => ({ value: r.key, label: r.name ?? r.key }))}
        onChange={apply}
      />
      {page.isError && <Typography.Text type="danger">台账加载失败：{messageOf(page.error)}</Typography.Text>}
      <Table<LedgerRow>
        style={{ marginTop: 16 }}
        rowKey="findingId"
        size="middle"
        loading={page.isFetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1240 }}
        aria-label="督办台账"
        locale={{ emptyText: <Empty description="没有符合条件的问题" /> }}
        rowClassName={(row) => (row.overdue ? 'row-overdue ledger-row' : 'ledger-row')}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 64, fixed: 'left' },
          {
            title: '机构',
            dataIndex: 'institutionId',
            width: 150,
            // The institution's whole ledger, which can be turned back to any past day.
            render: (id: string) => (
              <Link to={PATHS.leaderLedger(id)} title="该机构整改台账（可回溯到任一日）">
                {names[id] ?? id}
              </Link>
            ),
          },
          {
            title: '问题描述',
            dataIndex: 'description',
            width: 200,
            render: (description: string) => (
              <Typography.Text ellipsis={{ tooltip: description }} style={{ maxWidth: 180 }}>
                {description}
              </Typography.Text>
            ),
          },
          { title: '问题类别', dataIndex: 'category', width: 150, render: (value: string) => words.label('findingCategories', value) },
          {
            title: '状态与督办',
            dataIndex: 'status',
            width: 200,
            render: (value: string, row) => (
              <Space size={4} wrap>
                <Tag style={{ whiteSpace: 'normal' }}>{words.label('findingStatuses', value)}</Tag>
                {row.overdue && <Tag color="red">逾期</Tag>}
                {row.escalationRung && <Tag color="volcano">{words.label('escalationRungs', row.escalationRung)}</Tag>}
              </Space>
            ),
          },
          {
            title: '整改期限',
            key: 'due',
            width: 190,
            render: (_, row) =>
              row.signedOff ? (
                <Tag color={row.onTime === false ? 'orange' : 'green'}>{row.onTime === false ? '逾期完成' : '按期完成'}</Tag>
              ) : (
                <DueText
                  dueAt={row.currentDueAt}
                  overdue={row.overdue}
                  provisional={row.currentDueProvisional}
                  workingDaysLeft={daysLeft(row.currentDueAt)}
                />
              ),
          },
          { title: '发现日期', dataIndex: 'openedAt', width: 110, render: (value: string) => beijingDate(value) },
          {
            title: '查看',
            key: 'links',
            width: 170,
            fixed: 'right',
            render: (_, row) => (
              <Space size={12}>
                <Link to={PATHS.finding(row.findingId)}>问题详情</Link>
                <Link to={PATHS.caseAudit(findingStream(row.findingId))} aria-label={`案件审计：${row.description}`}>
                  案件审计
                </Link>
              </Space>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 16, justifyContent: 'flex-end', width: '100%' }}>
        <Typography.Text type="secondary">第 {cursors.length} 页</Typography.Text>
        <Button
          disabled={cursors.length <= 1 || page.isFetching}
          onClick={() => setPages({ key: filterKey, cursors: cursors.slice(0, -1) })}
        >
          上一页
        </Button>
        <Button
          disabled={!page.data?.nextCursor || page.isFetching}
          onClick={() => page.data?.nextCursor && setPages({ key: filterKey, cursors: [...cursors, page.data.nextCursor] })}
        >
          下一页
        </Button>
      </Space>
    </Card>
  );
}
