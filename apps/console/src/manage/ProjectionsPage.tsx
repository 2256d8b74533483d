import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { api, type Schemas } from '../client/client';
import { call, messageOf } from '../client/errors';
import { useCatalogue } from '../shared/catalogue';
import { beijingDateTime } from '../shared/time';
import { useManageRefresh, useProjections } from './manage-queries';

type Status = Schemas['ProjectionStatusDto'];
type Rebuild = Schemas['ProjectionRebuildDto'];

const REBUILD_COLORS: Record<string, string> = { running: 'processing', swapped: 'success', failed: 'error' };

/** How far a projection is from the log head (only known with the worker in this process). */
function Lag({ row }: { row: Status }) {
  if (row.behind === null) return <span>—</span>;
  return row.behind === 0 ? <Tag color="green">已追上</Tag> : <Tag color="orange">落后 {row.behind} 条</Tag>;
}

function RebuildState({ rebuild }: { rebuild: Rebuild | undefined }) {
  const words = useCatalogue();
  if (!rebuild) return null;
  const progress = rebuild.state === 'running' && rebuild.head ? `（${rebuild.position ?? 0} / ${rebuild.head}）` : '';
  return (
    <Tooltip
      title={
        rebuild.error ??
        (rebuild.finishedAt ? `完成于 ${beijingDateTime(rebuild.finishedAt)}` : `开始于 ${beijingDateTime(rebuild.startedAt)}`)
      }
    >
      <Tag color={REBUILD_COLORS[rebuild.state]}>
        {words.label('rebuildStates', rebuild.state)}
        {progress}
      </Tag>
    </Tooltip>
  );
}

/**
 * 读模型: each projection's and workflow's checkpoint against the log head, how far behind it is
 * and whether it runs; 重建 (after a confirmation) builds a read model again from the log beside
 * the live one and swaps it in, while everything keeps answering.
 */
export function ProjectionsPage() {
  const { message } = App.useApp();
  const words = useCatalogue();
  const refresh = useManageRefresh();
  const projections = useProjections();
  const data = projections.data;
  const rebuild = useMutation({
    mutationFn: (name: string) => call(api.POST('/admin/projections/{name}/rebuild', { params: { path: { name } } })),
    onSuccess: async (started) => {
      void message.success(`已开始重建 ${started.projection}`);
      await refresh('projections');
    },
    onError: (error) => void message.error(messageOf(error)),
  });
  const rebuildOf = (name: string) => data?.rebuilds.find((r) => r.projection === name);
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          读模型
        </Typography.Title>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="事件日志头位置">{data?.head ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="后台任务">
          {data ? (data.workerInProcess ? '在本进程运行' : '在其他进程运行（落后条数在此不可见）') : '—'}
        </Descriptions.Item>
      </Descriptions>
      <Table<Status>
        size="small"
        rowKey="name"
        loading={projections.isLoading}
        dataSource={data?.projections ?? []}
        locale={{ emptyText: projections.isError ? messageOf(projections.error) : '暂无' }}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: '名称', dataIndex: 'name', render: (name: string) => <Typography.Text code>{name}</Typography.Text> },
          { title: '类型', dataIndex: 'kind', width: 80, render: (kind: string) => words.label('projectionKinds', kind) },
          { title: '检查点', dataIndex: 'checkpoint', width: 90, render: (checkpoint: number | null) => checkpoint ?? '—' },
          { title: '进度', key: 'lag', width: 120, render: (_: unknown, row) => <Lag row={row} /> },
          {
            title: '运行',
            key: 'running',
            render: (_: unknown, row) =>
              row.running === null ? (
                '—'
              ) : row.running ? (
                <Tag color="green">运行中</Tag>
              ) : (
                <Tooltip title={row.lastError}>
                  <Tag color="red">已停止（失败 {row.failures ?? 0} 次）</Tag>
                </Tooltip>
              ),
          },
          {
            title: '重建',
            key: 'rebuild',
            render: (_: unknown, row) =>
              row.rebuildable && (
                <Space wrap>
                  <RebuildState rebuild={rebuildOf(row.name)} />
                  <Popconfirm
                    title={`重建读模型 ${row.name}？`}
                    description="将从事件日志在旁重新生成，完成后一次性替换；期间系统照常服务。"
                    okText="开始重建"
                    cancelText="取消"
                    onConfirm={() => rebuild.mutateAsync(row.name).catch(() => undefined)}
                  >
                    <Button size="small" disabled={rebuildOf(row.name)?.state === 'running'}>
                      重建
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
