import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Drawer, Grid, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../client/client';
import { call, messageOf } from '../client/errors';
import { PATHS } from '../routes';
import { beijingDateTime } from '../shared/time';
import { useDeadLetters, useManageRefresh } from './manage-queries';

type Letter = Schemas['DeadLetterDto'];

/** 重试: the worker handles the parked input again; gone from the list when it went through. */
function useRetry() {
  const { message } = App.useApp();
  const refresh = useManageRefresh();
  return useMutation({
    mutationFn: (id: string) => call(api.POST('/admin/dead-letters/{id}/retry', { params: { path: { id } } })),
    onSuccess: async (answer) => {
      if (answer.retried) void message.success('已重新处理，该死信已清除');
      else void message.warning(`重试仍未成功：${answer.letter?.error ?? '原因未知'}`);
      await refresh('dead-letters');
    },
    onError: (error) => void message.error(messageOf(error)),
  });
}

/** One parked input: what failed, on which event, how often, and the full record. */
function LetterDetail({ letter }: { letter: Letter }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={1}>
        <Descriptions.Item label="流程">{letter.workflow}</Descriptions.Item>
        <Descriptions.Item label="实例">{letter.instance ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="输入事件">
          {letter.input.type}（{letter.input.eventId}）
        </Descriptions.Item>
        <Descriptions.Item label="所在事件流">
          <Link to={PATHS.caseAudit(letter.input.streamName)}>{letter.input.streamName}</Link>（第 {letter.input.revision} 条，日志位置{' '}
          {letter.input.position}）
        </Descriptions.Item>
        <Descriptions.Item label="尝试次数">{letter.attempts}</Descriptions.Item>
        <Descriptions.Item label="停放时间">{beijingDateTime(letter.at)}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>最后一次错误</Typography.Title>
      <pre className="manage-pre" aria-label="错误信息">
        {letter.error}
      </pre>
      <Typography.Title level={5}>完整记录</Typography.Title>
      <pre className="manage-pre">{JSON.stringify(letter, null, 2)}</pre>
    </Space>
  );
}

/** 死信处理: workflow inputs parked after their retries failed, oldest first; 详情 and 重试 each. */
export function DeadLettersPage() {
  const screens = Grid.useBreakpoint();
  const letters = useDeadLetters();
  const retry = useRetry();
  const [open, setOpen] = useState<Letter | null>(null);
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          死信处理
        </Typography.Title>
      }
    >
      <Typography.Paragraph type="secondary">
        后台流程处理某个事件多次失败后，会把它停放在这里，不再自动重试。排除原因后点“重试”，由本进程的后台任务重新处理。
      </Typography.Paragraph>
      <Table<Letter>
        size="small"
        rowKey="id"
        loading={letters.isLoading}
        dataSource={letters.data ?? []}
        locale={{ emptyText: letters.isError ? messageOf(letters.error) : '没有死信' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 860 }}
        columns={[
          { title: '停放时间', dataIndex: 'at', width: 150, render: (at: string) => beijingDateTime(at) },
          { title: '流程', dataIndex: 'workflow' },
          { title: '输入事件', key: 'input', render: (_: unknown, letter) => `${letter.input.type} · ${letter.input.streamName}` },
          { title: '错误', dataIndex: 'error', ellipsis: true },
          { title: '尝试', dataIndex: 'attempts', width: 64 },
          {
            title: '操作',
            key: 'actions',
            width: 140,
            render: (_: unknown, letter) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setOpen(letter)}>
                  详情
                </Button>
                <Button
                  type="link"
                  size="small"
                  loading={retry.isPending && retry.variables === letter.id}
                  onClick={() => retry.mutate(letter.id)}
                >
                  重试
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Drawer
        title="死信详情"
        open={open !== null}
        onClose={() => setOpen(null)}
        size={screens.md ? 560 : '90%'}
        placement={screens.md ? 'right' : 'bottom'}
        extra={
          open && (
            <Button
              type="primary"
              loading={retry.isPending}
              onClick={() =>
                retry.mutateAsync(open.id).then(
                  () => setOpen(null),
                  () => undefined,
                )
              }
            >
              重试
            </Button>
          )
        }
      >
        {open && <LetterDetail letter={open} />}
      </Drawer>
    </Card>
  );
}
