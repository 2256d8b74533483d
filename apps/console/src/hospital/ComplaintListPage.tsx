import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, Schemas } from '../client/client';
import { call, messageOf } from '../client/errors';
import type { operations } from '../client/schema.gen';
import { PATHS } from '../routes';
import { useCatalogue } from '../shared/catalogue';
import { DueText } from '../shared/DueText';
import { beijingDateTime } from '../shared/time';
import { useWorkingDaysLeft } from '../shared/working-days';
import { OverdueFilter } from '../shared/OverdueFilter';

type Ticket = Schemas['ComplaintTicketDto'];
type Query = NonNullable<operations['ComplaintQueriesController_list']['parameters']['query']>;
type Filters = Pick<Query, 'status' | 'category' | 'overdue'>;

/** The step the hospital owes now and its due date: 签收 until acknowledged, then 反馈. */
function dueOf(ticket: Ticket): { label: string; dueAt: string | null; provisional: boolean } {
  if (ticket.status === 'dispatched')
    return { label: '签收', dueAt: ticket.acknowledgeDueAt, provisional: ticket.acknowledgeDueProvisional };
  return { label: '反馈', dueAt: ticket.answeredAt ? null : ticket.answerDueAt, provisional: ticket.answerDueProvisional };
}

/** 投诉办理: tickets dispatched to the institution, newest first, keyset-paged; no complainant identity. */
export function ComplaintListPage() {
  const words = useCatalogue();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>({});
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const page = useQuery({
    queryKey: ['complaints', 'list', filters, cursor],
    queryFn: () => call(api.GET('/complaints', { params: { query: { ...filters, ...(cursor ? { cursor } : {}) } } })),
    placeholderData: keepPreviousData,
  });
  const daysLeft = useWorkingDaysLeft((page.data?.items ?? []).map((row) => dueOf(row).dueAt));
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          投诉办理
        </Typography.Title>
      }
    >
      <Form
        layout="inline"
        className="ledger-filters"
        onValuesChange={(_, all: { status?: string; category?: string; overdue?: string }) => {
          setFilters({
            ...(all.status ? { status: all.status } : {}),
            ...(all.category ? { category: all.category } : {}),
            ...(all.overdue ? { overdue: all.overdue === 'true' } : {}),
          } as Filters);
          setCursors([undefined]);
        }}
      >
        <Form.Item name="status" label="状态">
          <Select allowClear placeholder="全部" style={{ width: 140 }} options={words.options('complaintStatuses')} />
        </Form.Item>
        <Form.Item name="category" label="投诉类别">
          <Select allowClear placeholder="全部" style={{ width: 180 }} options={words.options('complaintCategories')} />
        </Form.Item>
        <OverdueFilter />
      </Form>
      {page.isError && <Typography.Text type="danger">投诉加载失败：{messageOf(page.error)}</Typography.Text>}
      <Table<Ticket>
        style={{ marginTop: 16 }}
        rowKey="ticketId"
        loading={page.isFetching}
        dataSource={page.data?.items ?? []}
        pagination={false}
        scroll={{ x: 820 }}
        locale={{ emptyText: <Empty description="暂无转办给本单位的投诉" /> }}
        rowClassName={(row) => (row.overdue ? 'row-overdue ledger-row' : 'ledger-row')}
        onRow={(row) => ({ onClick: () => navigate(PATHS.complaint(row.ticketId)) })}
        columns={[
          {
            title: '编号',
            dataIndex: 'ticketCode',
            width: 120,
            render: (code: string, row) => (
              <Link to={PATHS.complaint(row.ticketId)} onClick={(event) => event.stopPropagation()}>
                {code}
              </Link>
            ),
          },
          { title: '类别', dataIndex: 'category', width: 150, render: (v: string) => words.label('complaintCategories', v) },
          { title: '渠道', dataIndex: 'channel', width: 100, render: (v: string) => words.label('complaintChannels', v) },
          {
            title: '状态',
            dataIndex: 'status',
            width: 140,
            render: (v: string, row) => (
              <Space size={4} wrap>
                <Tag>{words.label('complaintStatuses', v)}</Tag>
                {row.supervisedAt && <Tag color="volcano">督办</Tag>}
                {row.waitingOnComplainant && <Tag>停表</Tag>}
              </Space>
            ),
          },
          {
            title: '办理期限',
            width: 220,
            render: (_, row) => {
              const due = dueOf(row);
              return due.dueAt ? (
                <Space size={4}>
                  <span>{due.label}</span>
                  <DueText dueAt={due.dueAt} overdue={row.overdue} provisional={due.provisional} workingDaysLeft={daysLeft(due.dueAt)} />
                </Space>
              ) : (
                '—'
              );
            },
          },
          { title: '受理时间', dataIndex: 'receivedAt', width: 150, render: (v: string) => beijingDateTime(v) },
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
