import { BellOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Dropdown, Layout, Menu, Result, Spin, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../../client/client';
import { call } from '../../client/errors';
import { PATHS } from '../../routes';
import { LIVE_KEYS, useLiveUpdates } from '../../session/live-updates';
import { sessionStore } from '../../session/session-store';
import { useMe, useStoredSession } from '../../session/use-session';
import { useCatalogue } from '../../shared/catalogue';
import { namesOf } from '../../shared/names';
import { menuOf } from './menus';
import { partnerMayOpen } from './partner-reach';

/**
 * The frame of every signed-in page: the role's menu, who is signed in and for which unit, the
 * unread notifications, sign-out. Without a session it sends the browser to sign in and back.
 */
export function StaffLayout() {
  const session = useStoredSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const words = useCatalogue();
  const me = useMe(Boolean(session));
  const unread = useQuery({
    queryKey: [...LIVE_KEYS.notifications, 'unread'],
    queryFn: () => call(api.GET('/me/notifications/unread-count')),
    enabled: Boolean(session) && !session?.mustChangePassword,
  });
  useLiveUpdates(Boolean(session) && !session?.mustChangePassword);
  // Below the lg breakpoint (phones, tablets) the menu folds away behind a button in the header.
  const [narrow, setNarrow] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);

  if (!session) return <Navigate to={`${PATHS.signIn}?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (session.mustChangePassword) return <Navigate to={PATHS.changePassword} replace />;
  if (!me.data) return <Spin fullscreen />;

  const { actor, unitPath } = me.data;
  const names = namesOf(me.data);
  // unitPath runs from the user's own unit up to the root.
  const unitName = unitPath[0]?.id === actor.unit ? unitPath[0].name : (names[actor.unit] ?? actor.unit);
  const items = menuOf(actor.role);
  const selected = items.filter((item) => location.pathname.startsWith(item.key)).sort((a, b) => b.key.length - a.key.length)[0]?.key;

  const signOut = async (): Promise<void> => {
    await api.POST('/auth/sign-out').catch(() => undefined);
    sessionStore.clear();
    queries.clear();
    navigate(PATHS.signIn, { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={0}
        collapsed={narrow && !menuOpen}
        onBreakpoint={setNarrow}
        trigger={null}
        theme="light"
        width={208}
        className={narrow ? 'sider-overlay' : undefined}
      >
        <div className="brand">闭环</div>
        <Menu
          mode="inline"
          onClick={() => setMenuOpen(false)}
          selectedKeys={selected ? [selected] : []}
          items={items.map(({ key, label }) => ({ key, label: <Link to={key}>{label}</Link> }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="staff-header">
          {narrow && (
            <Button type="text" icon={<MenuOutlined />} aria-label="菜单" aria-expanded={menuOpen} onClick={() => setMenuOpen(!menuOpen)} />
          )}
          <Typography.Text ellipsis className="unit-name">
            {unitName}
          </Typography.Text>
          <span className="header-actions">
            <Link to={PATHS.inbox} aria-label={`消息，${unread.data?.unreadCount ?? 0} 条未读`}>
              <Badge count={unread.data?.unreadCount ?? 0} size="small">
                <BellOutlined style={{ fontSize: 18 }} />
              </Badge>
            </Link>
            <Dropdown
              menu={{
                items: [
                  { key: 'password', label: <Link to={PATHS.changePassword}>修改密码</Link> },
                  { key: 'out', icon: <LogoutOutlined />, label: '退出登录', onClick: () => void signOut() },
                ],
              }}
            >
              <Button type="text" icon={<UserOutlined />} className="user-button">
                <span className="user-label">
                  {names[actor.id] ?? actor.id}
                  <span className="user-role">（{words.label('roles', actor.role)}）</span>
                </span>
              </Button>
            </Dropdown>
          </span>
        </Layout.Header>
        <Layout.Content className="staff-content">
          <Suspense fallback={<Spin />}>
            {actor.role === 'partner' && !partnerMayOpen(location.pathname) ? (
              <Result status="403" title="此页面不对协同单位开放" />
            ) : (
              <Outlet />
            )}
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
