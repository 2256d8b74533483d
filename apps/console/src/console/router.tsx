import { Button, Result } from 'antd';
import { createBrowserRouter, Navigate } from 'react-router';
import { landingOf, PATHS } from '../routes';
import { useMe } from '../session/use-session';
import { StaffLayout } from './layout/StaffLayout';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { SignInPage } from './pages/SignInPage';
import { SsoCallbackPage } from './pages/SsoCallbackPage';

/** `/`: each role lands on its own workspace. */
function Landing() {
  const me = useMe();
  return me.data ? <Navigate to={landingOf(me.data.actor.role)} replace /> : null;
}

function NotFound() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="链接可能已失效，或您无权查看该页面。"
      extra={
        <Button type="primary" href="/">
          返回首页
        </Button>
      }
    />
  );
}

/**
 * The staff console's pages. Each workspace loads its own code when first opened (route `lazy`),
 * so signing in does not download the inspector's forms to a hospital and vice versa.
 */
export const consoleRouter = createBrowserRouter([
  { path: PATHS.signIn, element: <SignInPage /> },
  { path: PATHS.ssoCallback, element: <SsoCallbackPage /> },
  { path: PATHS.changePassword, element: <ChangePasswordPage /> },
  {
    path: '/',
    element: <StaffLayout />,
    children: [
      { index: true, element: <Landing /> },
      { path: 'hospital/*', lazy: () => import('../hospital/routes').then(({ HospitalRoutes }) => ({ Component: HospitalRoutes })) },
      { path: 'inspector/*', lazy: () => import('../inspector/routes').then(({ InspectorRoutes }) => ({ Component: InspectorRoutes })) },
      { path: 'leader/*', lazy: () => import('../leader/routes').then(({ LeaderRoutes }) => ({ Component: LeaderRoutes })) },
      { path: 'cases/*', lazy: () => import('../cases/routes').then(({ CaseRoutes }) => ({ Component: CaseRoutes })) },
      { path: 'partner/*', lazy: () => import('../partner/routes').then(({ PartnerRoutes }) => ({ Component: PartnerRoutes })) },
      { path: 'manage/*', lazy: () => import('../manage/routes').then(({ ManageRoutes }) => ({ Component: ManageRoutes })) },
      { path: 'inbox', lazy: () => import('../inbox/InboxPage').then(({ InboxPage }) => ({ Component: InboxPage })) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
