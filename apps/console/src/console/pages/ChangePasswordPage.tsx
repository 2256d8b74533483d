import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { api } from '../../client/client';
import { call, messageOf } from '../../client/errors';
import { sessionStore } from '../../session/session-store';
import { useStoredSession } from '../../session/use-session';
import { PATHS } from '../../routes';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/** 修改密码: required after a one-time password (the API refuses everything else until then), or by choice. */
export function ChangePasswordPage() {
  const session = useStoredSession();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!session) return <Navigate to={PATHS.signIn} replace />;

  const submit = async ({ currentPassword, newPassword }: PasswordForm): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const tokens = await call(api.POST('/auth/password', { body: { currentPassword, newPassword } }));
      sessionStore.write(tokens);
      await queries.invalidateQueries();
      navigate('/', { replace: true });
    } catch (thrown) {
      setError(messageOf(thrown));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="signin">
      <Card style={{ width: 420, maxWidth: '92vw' }}>
        <Typography.Title level={4}>修改密码</Typography.Title>
        {session.mustChangePassword && (
          <Alert type="info" showIcon title="首次登录或密码已重置，请先设置新密码" style={{ marginBottom: 16 }} />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<PasswordForm> layout="vertical" onFinish={submit}>
          <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label="新密码"
            name="newPassword"
            rules={[{ required: true, message: '请输入新密码' }]}
            extra="长度与字符种类按系统密码策略要求"
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="确认新密码"
            name="repeat"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  !value || getFieldValue('newPassword') === value
                    ? Promise.resolve()
                    : Promise.reject(new Error('两次输入的新密码不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            确认修改
          </Button>
        </Form>
      </Card>
    </main>
  );
}
