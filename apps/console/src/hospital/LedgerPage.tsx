import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Form, Select, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../client/client';
import { call, messageOf } from '../client/errors';
import { downloadFile } from '../client/files';
import type { operations } from '../client/schema.gen';
import { PATHS } from '../routes';
import { useMe } from '../session/use-session';
import { useCatalogue } from '../shared/catalogue';
import { LedgerRow, useLedgerColumns, useLedgerLayout } from '../shared/ledger-columns';
import { OverdueFilter } from '../shared/OverdueFilter';
import { FiltersFold } from '../shared/FiltersFold';

type Query = NonNullable<operations['FindingsController_list']['parameters']['query']>;
type Filters = Pick<Query, 'status' | 'category' | 'severity' | 'overdue' | 'from' | 'to'>;
type Sort = NonNullable<Query['sort']>;
type SortOrder = 'ascend' | 'descend' | null;
/** What antd's Table hands `onChange` about the sort: one column's, or several. */
type Sorter = Parameters<NonNullable<TableProps<LedgerRow>['onChange']>>[2];

const PAGE_SIZE = 20;

interface FilterValues {
  status?: string;
  category?: string;
  severity?: string;
  overdue?: 'true' | 'false';
  opened?: [Dayjs, Dayjs] | null;
}

function filtersOf(values: FilterValues): Filters {
  return {
    ...(values.status ? { status: values.status as Filters['status'] } : {}),
    ...(values.category ? { category: values.category as Filters['category'] } : {}),
    ...(values.severity ? { severity: values.severity as Filters['severity'] } : {}),
    ...(values.overdue ? { overdue: values.overdue === 'true' } : {}),
    ...(values.opened ? { from: values.opened[0].format('YYYY-MM-DD'), to: values.opened[1].format('YYYY-MM-DD') } : {}),
  } as Filters;
}

/** The API's sort for a sortable column (its key) in the order antd asks; no order: as opened. */
function sortOf(sorter: Sorter): Sort {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!one?.order || (one.columnKey !== 'due' && one.columnKey !== 'opened')) return 'opened';
  return one.order === 'descend' ? `-${one.columnKey}` : one.columnKey;
}

/** How a sortable column shows `sort`. */
function orderOf(sort: Sort, column: 'due' | 'opened'): SortOrder {
  return sort === column ? 'ascend' : sort === `-${column}` ? 'descend' : null;
}

/**
 * 整改台账: the institution's findings, one row each, paged on the server by keyset cursor (never the
 * whole ledger in the browser: 10,000 rows stay one page of 20 away), filtered and sorted (整改期限,
 * 发现日期) by the API,
 * overdue rows highlighted, and the office's XLSX export.
 */
export function LedgerPage() {
  const words = useCatalogue();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<Filters>({});
  const [sort, setSort] = useState<Sort>('opened');
  /** Cursors of the pages before the current one (the first page has none): 上一页 pops. */
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const [exporting, setExporting] = useState(false);
  const page = useQuery({
    queryKey: ['ledger', 'findings', filters, sort, cursor],
    queryFn: () =>
      call(api.GET('/findings', { params: { query: { ...filters, sort, pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}) } } })),
    placeholderData: keepPreviousData,
  });
  const institutionId = me.data?.actor.unit;
  const columns = useLedgerColumns(page.data?.items ?? []);
  const layout = useLedgerLayout(
    columns,
    [
      columns.seq,
      columns.description,
      columns.category,
      columns.severity,
      columns.status,
      { ...columns.due, sorter: true, sortOrder: orderOf(sort, 'due') },
      columns.progress,
      columns.evidence,
      // The default order (as opened) is this column ascending: it only flips.
      { ...columns.opened, sorter: true, sortDirections: ['ascend', 'descend'], sortOrder: orderOf(sort, 'opened') },
    ],
    1010,
  );

  const exportLedger = async (): Promise<void> => {
    if (!institutionId) return;
    setExporting(true);
    try {
      await downloadFile(`/ledgers/institutions/${encodeURIComponent(institutionId)}/export?format=xlsx`, '整改台账.xlsx');
    } catch (error) {
      void message.error(messageOf(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          整改台账
        </Typography.Title>
      }
      extra={
        <Button icon={<DownloadOutlined />} onClick={() => void exportLedger()} loading={exporting} disabled={!institutionId}>
          导出 Excel
        </Button>
      }
    >
      <FiltersFold active={Object.keys(filters).length}>
        <Form<FilterValues>
          form={form}
          layout="inline"
          className="ledger-filters"
          aria-label="筛选条件"
          onValuesChange={(_, all) => {
            setFilters(filtersOf(all));
            setCursors([undefined]);
          }}
        >
          <Form.Item name="status" label="状态">
            <Select allowClear placeholder="全部" style={{ width: 140 }} options={words.options('findingStatuses')} />
          </Form.Item>
          <Form.Item name="category" label="问题类别">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 200 }}
              options={words.options('findingCategories')}
              showSearch
              optionFilterProp="label"
            />
          </Form.Item>
          <Form.Item name="severity" label="严重程度">
            <Select allowClear placeholder="全部" style={{ width: 120 }} options={words.options('severities')} />
          </Form.Item>
          <OverdueFilter />
          <Form.Item name="opened" label="发现日期">
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
                setCursors([undefined]);
              }}
            >
              重置
            </Button>
          </Form.Item>
        </Form>
      </FiltersFold>
      {page.isError && <Typography.Text type="danger">台账加载失败：{messageOf(page.error)}</Typography.Text>}
      <Table<LedgerRow>
        style={{ marginTop: 16 }}
        rowKey="findingId"
        size="middle"
        loading={page.isFetching}
        dataSource={page.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={Object.keys(filters).length ? '没有符合条件的问题' : '暂无整改问题'} /> }}
        rowClassName={(row) => (row.overdue ? 'row-overdue ledger-row' : 'ledger-row')}
        onRow={(row) => ({ onClick: () => navigate(PATHS.finding(row.findingId)) })}
        onChange={(_pagination, _filters, sorter) => {
          // A cursor belongs to the order that answered it: a new order starts again from its first page.
          setSort(sortOf(sorter));
          setCursors([undefined]);
        }}
        {...layout}
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
