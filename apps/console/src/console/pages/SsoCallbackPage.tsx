import { Alert, Button, Result, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, messageOf } from '../../client/errors';
import { sessionStore, SessionTokens } from '../../session/session-store';
import { PATHS } from '../../routes';

/**
 * The identity provider sends the browser here (OIDC_REDIRECT_URI = <console>/sso/callback); the
 * page hands the provider's answer to the API, which checks it and signs the user in.
 */
export function SsoCallbackPage() {
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const once = useRef(false);

  useEffect(() => {
    if (once.current) return; // the provider's code is good for one exchange
    once.current = true;
    void (async () => {
      try {
        const response = await fetch(`/auth/oidc/callback${window.location.search}`);
        const body = (await response.json()) as SessionTokens & { code?: string; message?: string };
        if (!response.ok) throw new ApiError(response.status, body.code ?? 'AUTH', body.message ?? '单点登录失败');
        sessionStore.write(body);
        navigate(body.mustChangePassword ? PATHS.changePassword : '/', { replace: true });
      } catch (thrown) {
        setError(messageOf(thrown));
      }
    })();
  }, [navigate]);

  if (!error) return <Spin fullscreen tip="正在完成统一身份认证登录…" />;
  return (
    <Result
      status="warning"
      title="统一身份认证登录未完成"
      extra={
        <Button type="primary" href={PATHS.signIn}>
          返回登录
        </Button>
      }
    >
      <Alert type="error" title={error} />
    </Result>
  );
}
