import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, type Schemas } from '../client/client';
import { call, messageOf } from '../client/errors';
import type { operations } from '../client/schema.gen';
import { namesOf } from '../shared/names';
import { useCatalogue } from '../shared/catalogue';
import { BEIJING, beijingDateTime } from '../shared/time';
import { manageKey } from './manage-queries';

type Row = Schemas['AuditAccessLogRowDto'];
type Query = NonNullable<operations['AuditLogController_accessLog']['parameters']['query']>;
type Filters = Pick<Query, 'readerId' | 'subjectId' | 'caseStream' | 'action' | 'from' | 'to'>;

interface FilterValues {
  readerId?: string;
  subjectId?: string;
  caseStream?: string;
  action?: Query['action'];
  period?: [Dayjs, Dayjs] | null;
}

const PAGE_SIZE = 20;

/** The form's filters as the API takes them: the period as whole Beijing days (to: exclusive). */
function filtersOf(values: FilterValues): Filters {
  const text = (value?: string) => value?.trim() || undefined;
  const [start, end] = values.period ?? [];
  return Object.fromEntries(
    Object.entries({
      readerId: text(values.readerId),
      subjectId: text(values.subjectId),
      caseStream: text(values.caseStream),
      action: values.action,
      from: start ? start.tz(BEIJING, true).startOf('day').toISOString() : undefined,
      to: end ? end.tz(BEIJING, true).startOf('day').add(1, 'day').toISOString() : undefined,
    }).filter(([, value]) => value !== undefined),
  ) as Filters;
}

/** 访问日志: reads of personal data, case reads and dossier exports, newest first, filtered and paged by the API. */
export function AccessLogPage() {
  const words = useCatalogue();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const log = useQuery({
    queryKey: manageKey('access-log', filters, page),
    queryFn: () =>
      call(api.GET('/audit/access-log', { params: { query: { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const names = namesOf(log.data);
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          访问日志
        </Typography.Title>
      }
    >
      <Form<FilterValues>
        layout="inline"
        aria-label="筛选条件"
        style={{ marginBottom: 16, rowGap: 8 }}
        onValuesChange={(_, all) => {
          setFilters(filtersOf(all));
          setPage(1);
        }}
      >
        <Form.Item name="readerId" label="读取人">
          <Input allowClear placeholder="登录名" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="subjectId" label="当事人">
          <Input allowClear placeholder="当事人编号" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="caseStream" label="案件">
          <Input allowClear placeholder="如 complaintTicket-…" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="action" label="操作">
          <Select allowClear placeholder="全部" style={{ width: 150 }} options={words.options('accessLogActions')} />
        </Form.Item>
        <Form.Item name="period" label="日期">
          <DatePicker.RangePicker />
        </Form.Item>
      </Form>
      <Table<Row>
        size="small"
        rowKey={(row) => `${row.seq ?? ''}-${row.at}-${row.reader.id}-${row.caseStream ?? ''}-${row.action}`}
        loading={log.isFetching}
        dataSource={log.data?.rows ?? []}
        locale={{ emptyText: log.isError ? messageOf(log.error) : '没有符合条件的记录' }}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: log.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 条`,
          onChange: setPage,
        }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 140, render: (at: string) => beijingDateTime(at) },
          {
            title: '读取人',
            key: 'reader',
            render: (_: unknown, row) => `${names[row.reader.id] ?? row.reader.id}（${words.label('roles', row.reader.role)}）`,
          },
          { title: '操作', dataIndex: 'action', render: (action: string) => words.label('accessLogActions', action) },
          { title: '当事人', dataIndex: 'subjectId', render: (subject: string | null) => subject ?? '—' },
          { title: '案件', dataIndex: 'caseStream', render: (stream: string | null) => stream ?? '—' },
          { title: '用途', dataIndex: 'purpose', ellipsis: true },
          {
            title: '结果',
            dataIndex: 'outcome',
            render: (outcome: string) => (
              <Tag color={outcome === 'denied' || outcome === 'failed' ? 'red' : 'default'}>{words.label('accessOutcomes', outcome)}</Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}
