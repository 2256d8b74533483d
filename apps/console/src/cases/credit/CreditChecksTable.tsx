import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../client/client';
import { ApiError, call, messageOf } from '../../client/errors';
import type { operations } from '../../client/schema.gen';
import { useCatalogue } from '../../shared/catalogue';
import { namesOf } from '../../shared/names';
import { beijingDateTime } from '../../shared/time';
import { CREDIT_CHECKS_KEY, CreditCheckRow, LEVEL_COLORS } from './credit-check-queries';
import { FiltersFold } from '../../shared/FiltersFold';

type Query = NonNullable<operations['CreditChecksController_list']['parameters']['query']>;
type Filters = Omit<Query, 'cursor' | 'pageSize'>;
interface FilterValues {
  subjectKind?: Filters['subjectKind'];
  purpose?: Filters['purpose'];
  creditCode?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

function filtersOf(values: FilterValues): Filters {
  const [from, to] = values.period ?? [null, null];
  return {
    ...(values.subjectKind ? { subjectKind: values.subjectKind } : {}),
    ...(values.purpose ? { purpose: values.purpose } : {}),
    ...(values.creditCode?.trim() ? { creditCode: values.creditCode.trim() } : {}),
    ...(from ? { from: from.format('YYYY-MM-DD') } : {}),
    ...(to ? { to: to.format('YYYY-MM-DD') } : {}),
  };
}

/**
 * 核查记录: the checks the offices of the reader's jurisdiction recorded, newest first, narrowed by the
 * API (kind, procedure, an organisation's code, Beijing days) and keyset-paged. A person is shown as
 * 自然人 only: the list names them by nothing else (ADR 0019).
 */
export function CreditChecksTable() {
  const words = useCatalogue();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<Filters>({});
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const page = useQuery({
    queryKey: [...CREDIT_CHECKS_KEY, filters, cursor],
    queryFn: () => call(api.GET('/credit/checks', { params: { query: { ...filters, ...(cursor ? { cursor } : {}) } } })),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const names = namesOf(page.data);
  const refused = page.error instanceof ApiError ? page.error.fields : [];
  const apply = (values: FilterValues): void => {
    setFilters(filtersOf(values));
    setCursors([undefined]);
  };
  return (
    <Card title="辖区核查记录" size="small">
      <FiltersFold active={Object.keys(filters).length}>
        <Form<FilterValues> form={form} name="credit-check-filters" layout="inline" className="ledger-filters" onFinish={apply}>
          <Form.Item name="subjectKind" label="对象类型">
            <Select allowClear placeholder="全部" style={{ width: 150 }} options={words.options('creditSubjectKinds')} />
          </Form.Item>
          <Form.Item name="purpose" label="核查事由">
            <Select allowClear placeholder="全部" style={{ width: 170 }} options={words.options('creditCheckPurposes')} />
          </Form.Item>
          <Form.Item
            name="creditCode"
            label="统一社会信用代码"
            validateStatus={refused.some((f) => f.field === 'creditCode') ? 'error' : undefined}
            help={refused.find((f) => f.field === 'creditCode')?.message}
          >
            <Input allowClear maxLength={40} style={{ width: 210 }} placeholder="查询某一机构的核查" />
          </Form.Item>
          <Form.Item name="period" label="核查日期">
            <DatePicker.RangePicker style={{ width: 260 }} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                查询
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  apply({});
                }}
              >
                重置
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </FiltersFold>
      {page.isError && !refused.length && <Typography.Text type="danger">核查记录加载失败：{messageOf(page.error)}</Typography.Text>}
      <Table<CreditCheckRow>
        style={{ marginTop: 16 }}
        rowKey="checkId"
        loading={page.isFetching}
        dataSource={page.isError ? [] : (page.data?.items ?? [])}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty description="暂无核查记录" /> }}
        columns={[
          { title: '核查时间', dataIndex: 'checkedAt', width: 150, render: (v: string) => beijingDateTime(v) },
          {
            title: '核查对象',
            key: 'subject',
            width: 220,
            render: (_, row) =>
              row.subjectKind === 'person' ? (
                <Tag>{words.label('creditSubjectKinds', row.subjectKind)}</Tag>
              ) : (
                <Space direction="vertical" size={0}>
                  <span>{row.creditCode}</span>
                  {row.institutionId && <Typography.Text type="secondary">{names[row.institutionId] ?? row.institutionId}</Typography.Text>}
                </Space>
              ),
          },
          { title: '核查事由', dataIndex: 'purpose', width: 150, render: (v: string) => words.label('creditCheckPurposes', v) },
          { title: '受理编号', dataIndex: 'applicationRef', width: 170 },
          {
            title: '信用等级',
            key: 'level',
            width: 150,
            render: (_, row) => (
              <Space size={4} wrap>
                <Tag color={LEVEL_COLORS[row.level]}>{words.label('creditLevels', row.level)}</Tag>
                {row.redListed && <Tag color="red">红名单</Tag>}
              </Space>
            ),
          },
          { title: '不良信息', dataIndex: 'adverseRecords', width: 90, render: (v: number) => `${v} 条` },
          {
            title: '核查人',
            key: 'by',
            width: 200,
            render: (_, row) => `${names[row.checkedBy] ?? row.checkedBy}（${names[row.checkedIn] ?? row.checkedIn}）`,
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
