import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, type Schemas } from '../client/client';
import { call, messageOf } from '../client/errors';
import { useCatalogue } from '../shared/catalogue';
import { beijingDateTime } from '../shared/time';
import { DeliveryStatus, useDeliveries, useManageRefresh } from './manage-queries';

type Delivery = Schemas['DeliveryDto'];

const STATUS_COLORS: Record<string, string> = { queued: 'blue', sent: 'green', retrying: 'orange', failed: 'red' };

/** 通知投递: each notification's delivery per channel (站内, 邮件, 短信, 接口推送), newest first; failed or retrying ones can be sent again. */
export function DeliveriesPage() {
  const { message } = App.useApp();
  const words = useCatalogue();
  const refresh = useManageRefresh();
  const [status, setStatus] = useState<DeliveryStatus | undefined>();
  const deliveries = useDeliveries(status);
  const retry = useMutation({
    mutationFn: (id: string) => call(api.POST('/admin/deliveries/{id}/retry', { params: { path: { id } } })),
    onSuccess: async () => {
      void message.success('已重新排队投递');
      await refresh('deliveries');
    },
    onError: (error) => void message.error(messageOf(error)),
  });
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          通知投递
        </Typography.Title>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<DeliveryStatus>
          aria-label="按投递状态筛选"
          allowClear
          placeholder="全部状态"
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={words.options('deliveryStatuses').map((option) => ({ ...option, value: option.value as DeliveryStatus }))}
        />
        <Typography.Text type="secondary">显示最近 100 条</Typography.Text>
      </Space>
      <Table<Delivery>
        size="small"
        rowKey="id"
        loading={deliveries.isLoading}
        dataSource={deliveries.data ?? []}
        locale={{ emptyText: deliveries.isError ? messageOf(deliveries.error) : '没有投递记录' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
        columns={[
          { title: '创建时间', dataIndex: 'createdAt', width: 140, render: (at: string) => beijingDateTime(at) },
          { title: '通知类型', dataIndex: 'kind', render: (kind: string) => words.label('notificationKinds', kind) },
          { title: '渠道', dataIndex: 'channel', render: (channel: string) => words.label('deliveryChannels', channel) },
          { title: '接收人', key: 'recipient', render: (_: unknown, row) => `${row.recipient.userId}（${row.address}）` },
          {
            title: '状态',
            dataIndex: 'status',
            render: (value: string) => <Tag color={STATUS_COLORS[value]}>{words.label('deliveryStatuses', value)}</Tag>,
          },
          { title: '尝试', dataIndex: 'attempts', width: 60 },
          { title: '下次尝试', dataIndex: 'nextAttemptAt', width: 140, render: (at: string | null) => beijingDateTime(at) },
          { title: '最后错误', dataIndex: 'lastError', ellipsis: true, render: (error: string | null) => error ?? '—' },
          {
            title: '操作',
            key: 'actions',
            width: 90,
            render: (_: unknown, row) =>
              (row.status === 'failed' || row.status === 'retrying') && (
                <Button size="small" loading={retry.isPending && retry.variables === row.id} onClick={() => retry.mutate(row.id)}>
                  重新投递
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
