import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Empty, Grid, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../client/client';
import { call } from '../client/errors';
import type { operations } from '../client/schema.gen';
import { LIVE_KEYS } from '../session/live-updates';
import { useMe } from '../session/use-session';
import { namesOf } from './names';
import { beijingDate, workingDaysText } from './time';

type TodoList = operations['TodosController_list']['responses'][200]['content']['application/json'];
type TodoKind = NonNullable<NonNullable<operations['TodosController_list']['parameters']['query']>['kind']>;
type TodoItem = TodoList['items'][number];

/** Working days left before the due date, red when overdue, orange on the last two days. */
function LeftTag({ item }: { item: TodoItem }) {
  if (item.workingDaysLeft === null) return <>—</>;
  return <Tag color={item.overdue ? 'red' : item.workingDaysLeft <= 2 ? 'orange' : 'blue'}>{workingDaysText(item.workingDaysLeft)}</Tag>;
}

/** 待办: every open step waiting on the signed-in person's unit and role, most urgent first, live. */
export function TodoPage({ title }: { title: string }) {
  const [kind, setKind] = useState<TodoKind | 'all'>('all');
  const [page, setPage] = useState(1);
  // On a phone (below md) the institution sits under the step and its summary, the case id is dropped and the time left sits under the due date: four columns do not fit 375px.
  const wide = Grid.useBreakpoint().md ?? true;
  const list = useQuery({
    queryKey: [...LIVE_KEYS.todos, kind, page],
    queryFn: () => call(api.GET('/me/todos', { params: { query: { page, ...(kind === 'all' ? {} : { kind }) } } })),
    placeholderData: (previous) => previous,
  });
  const counts = Object.entries(list.data?.counts ?? {}).filter(([, n]) => n > 0) as [TodoKind, number][];
  const titleOf = (k: TodoKind): string => list.data?.items.find((item) => item.kind === k)?.title ?? k;
  // Whom the case concerns, by name: the institution, or the unit for a step about a jurisdiction (a draw).
  // Not the reader's own unit: on a hospital's list every step is its own, and its name on each row is noise.
  const names = namesOf(list.data);
  const ownUnit = useMe().data?.actor.unit;
  const concerns = (item: TodoItem): string | null => {
    const id = item.institutionId ?? item.unitId;
    return id === ownUnit ? null : (names[id] ?? id);
  };

  return (
    <Card
      title={
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {list.data && <Tag color={list.data.overdue > 0 ? 'red' : 'default'}>逾期 {list.data.overdue}</Tag>}
        </Space>
      }
    >
      {counts.length > 1 && (
        <Segmented<TodoKind | 'all'>
          style={{ marginBottom: 16 }}
          value={kind}
          onChange={(value) => {
            setKind(value);
            setPage(1);
          }}
          options={[
            { value: 'all', label: `全部 ${list.data?.total ?? 0}` },
            ...counts.map(([k, n]) => ({ value: k, label: `${titleOf(k)} ${n}` })),
          ]}
        />
      )}
      <Table<TodoItem>
        rowKey={(item) => `${item.kind}:${item.caseId}`}
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无待办事项" /> }}
        rowClassName={(item) => (item.overdue ? 'row-overdue' : '')}
        pagination={{
          current: page,
          pageSize: list.data?.pageSize ?? 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: '事项',
            render: (_, item) => (
              <Space orientation="vertical" size={0}>
                <Link to={item.link}>
                  {item.overdue && <Badge status="error" />} {item.title}
                </Link>
                {/* What the case is (a finding's description, a ticket's code…): ten steps of one kind read alike without it. */}
                <Typography.Text>{item.summary}</Typography.Text>
                {!wide && concerns(item) && <Typography.Text type="secondary">{concerns(item)}</Typography.Text>}
              </Space>
            ),
          },
          ...(wide
            ? [
                {
                  title: '涉及机构 · 案件编号',
                  render: (_: unknown, item: TodoItem) => (
                    <Space orientation="vertical" size={0}>
                      {concerns(item)}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {item.caseId}
                      </Typography.Text>
                    </Space>
                  ),
                },
              ]
            : []),
          {
            title: '办理期限',
            render: (_, item) => (
              <Space orientation={wide ? 'horizontal' : 'vertical'} size={4}>
                {beijingDate(item.dueAt)}
                {!wide && item.workingDaysLeft !== null && <LeftTag item={item} />}
              </Space>
            ),
          },
          ...(wide ? [{ title: '剩余', render: (_: unknown, item: TodoItem) => <LeftTag item={item} /> }] : []),
        ]}
      />
    </Card>
  );
}
