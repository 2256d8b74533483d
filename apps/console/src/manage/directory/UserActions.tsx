import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../client/client';
import { call, messageOf } from '../../client/errors';
import { useManageRefresh } from '../manage-queries';
import type { User } from './directory-types';

/**
 * The one-time password, shown once: the API keeps only its hash, so closing this is the last time
 * anyone sees it. The user must change it at first sign-in.
 */
function OneTimePassword({ user, password, onClose }: { user: User; password: string | null; onClose: () => void }) {
  return (
    <Modal
      open={password !== null}
      title="一次性密码"
      onCancel={onClose}
      footer={<Button onClick={onClose}>我已记下</Button>}
      maskClosable={false}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="此密码只显示这一次，关闭后无法再查看。请当面或通过安全渠道告知本人。"
      />
      <p>
        {user.name}（登录名 {user.id}）的一次性密码：
      </p>
      <Typography.Paragraph copyable={{ text: password ?? '', tooltips: ['复制', '已复制'] }} className="one-time-password">
        <Typography.Text code strong aria-label="一次性密码">
          {password}
        </Typography.Text>
      </Typography.Paragraph>
      <p>本人首次登录须修改密码；该用户原有的登录已全部退出。</p>
    </Modal>
  );
}

/** A user's row actions: 编辑, 停用 / 启用, 重置密码 (the one-time password shown once). */
export function UserActions({ user, onEdit }: { user: User; onEdit: () => void }) {
  const { message } = App.useApp();
  const refresh = useManageRefresh();
  const [password, setPassword] = useState<string | null>(null);
  const toggle = useMutation({
    mutationFn: () =>
      user.status === 'active'
        ? call(api.POST('/directory/users/{userId}/disable', { params: { path: { userId: user.id } } }))
        : call(api.POST('/directory/users/{userId}/enable', { params: { path: { userId: user.id } } })),
    onSuccess: async () => {
      void message.success(user.status === 'active' ? `已停用 ${user.name}` : `已启用 ${user.name}`);
      await refresh('directory');
    },
    onError: (error) => void message.error(messageOf(error)),
  });
  const reset = useMutation({
    mutationFn: () => call(api.POST('/admin/accounts/{userId}/reset-password', { params: { path: { userId: user.id } } })),
    onSuccess: (answer) => setPassword(answer.oneTimePassword),
    onError: (error) => void message.error(messageOf(error)),
  });
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={onEdit}>
        编辑
      </Button>
      <Popconfirm
        title={user.status === 'active' ? `停用 ${user.name}？` : `启用 ${user.name}？`}
        description={user.status === 'active' ? '停用后该用户立即无法登录和操作。' : undefined}
        okText="确定"
        cancelText="取消"
        onConfirm={() => toggle.mutateAsync().catch(() => undefined)}
      >
        <Button type="link" size="small" danger={user.status === 'active'} loading={toggle.isPending}>
          {user.status === 'active' ? '停用' : '启用'}
        </Button>
      </Popconfirm>
      <Popconfirm
        title={`重置 ${user.name} 的密码？`}
        description="将生成一次性密码，该用户原有的登录全部退出。"
        okText="重置"
        cancelText="取消"
        onConfirm={() => reset.mutateAsync().catch(() => undefined)}
      >
        <Button type="link" size="small" loading={reset.isPending} disabled={user.status !== 'active'}>
          重置密码
        </Button>
      </Popconfirm>
      <OneTimePassword user={user} password={password} onClose={() => setPassword(null)} />
    </Space>
  );
}
