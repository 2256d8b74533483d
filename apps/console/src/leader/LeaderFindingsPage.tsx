import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../client/client';
import { call, messageOf } from '../client/errors';
import { PATHS } from '../routes';
import { LedgerRow, useLedgerColumns, useLedgerLayout } from '../shared/ledger-columns';
import { namesOf } from '../shared/names';
import { FindingFilters } from './FindingFilters';
import { DrillFilter, drillFilterOf, drillPath, findingsQueryOf } from './leader-filters';

const PAGE_SIZE = 20;

/**
 * 督办台账: the rows behind a dashboard figure, filtered by the URL the figure opened it with
 * (institution, category, status, in progress, overdue, rung, dates), paged by the API's cursor.
 * Overdue rows are highlighted and each shows its rung of the ladder by name; each row opens the
 * finding and its case audit (the whole history).
 */
export function LeaderFindingsPage() {
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
  const columns = useLedgerColumns(rows, { names, institutionHref: PATHS.leaderLedger });
  const layout = useLedgerLayout(
    columns,
    [
      columns.seq,
      columns.institution,
      columns.description,
      columns.category,
      columns.status,
      columns.due,
      columns.opened,
      columns.caseLinks,
    ],
    1240,
  );
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
        aria-label="督办台账"
        locale={{ emptyText: <Empty description="没有符合条件的问题" /> }}
        rowClassName={(row) => (row.overdue ? 'row-overdue ledger-row' : 'ledger-row')}
        {...layout}
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
