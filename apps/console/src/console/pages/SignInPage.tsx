import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Divider, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../client/client';
import { call, messageOf } from '../../client/errors';
import { sessionStore } from '../../session/session-store';
import { PATHS } from '../../routes';

interface SignInForm {
  username: string;
  password: string;
}

/** 用户名密码登录, or 统一身份认证 (SSO) when the commission has one configured. */
export function SignInPage() {
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(params.get('expired') ? '登录已过期，请重新登录' : null);
  const [busy, setBusy] = useState(false);
  const sso = useQuery({ queryKey: ['sso'], queryFn: () => call(api.GET('/auth/oidc')), staleTime: Infinity });

  const submit = async (form: SignInForm): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const tokens = await call(api.POST('/auth/sign-in', { body: form }));
      queries.clear();
      sessionStore.write(tokens);
      navigate(tokens.mustChangePassword ? PATHS.changePassword : (params.get('next') ?? '/'), { replace: true });
    } catch (thrown) {
      setError(messageOf(thrown));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="signin">
      <Card style={{ width: 380, maxWidth: '92vw' }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          闭环 · 卫生健康监督闭环管理
        </Typography.Title>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<SignInForm> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
        {sso.data?.enabled && (
          <>
            <Divider plain>或</Divider>
            {/* The API redirects to the identity provider, which sends the browser back to /sso/callback. */}
            <Button block href="/auth/oidc/login">
              统一身份认证登录
            </Button>
          </>
        )}
      </Card>
    </main>
  );
}
