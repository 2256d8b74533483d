import { lazy, Suspense } from 'react';
import { PATHS } from '../routes';
import { HomePage } from './HomePage';
import { Link, usePath } from './navigation';

const NewComplaintPage = lazy(() => import('./complaint/NewComplaintPage'));
const TrackPage = lazy(() => import('./complaint/TrackPage'));
const CreditPage = lazy(() => import('./credit/CreditPage'));
const NoticesPage = lazy(() => import('./notice/NoticesPage'));
const NoticePage = lazy(() => import('./notice/NoticePage'));

/** The page for a path under /portal; the code in /portal/complaints/<code> comes from SMS links. */
function pageFor(path: string) {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === PATHS.portalNewComplaint) return <NewComplaintPage />;
  const lookup = /^\/portal\/complaints(?:\/([^/]+))?$/.exec(trimmed);
  if (lookup) return <TrackPage key={lookup[1] ?? ''} initialCode={decodeURIComponent(lookup[1] ?? '')} />;
  if (trimmed === PATHS.portalCredit) return <CreditPage />;
  if (trimmed === PATHS.portalNotices) return <NoticesPage />;
  const notice = /^\/portal\/notices\/([^/]+)$/.exec(trimmed);
  if (notice) return <NoticePage key={notice[1]} noticeId={decodeURIComponent(notice[1]!)} />;
  return <HomePage />;
}

/**
 * The public portal (portal.html): plain, accessible HTML and React only — no component library —
 * so a phone on a slow network loads it quickly. Secondary pages load on demand.
 */
export function PortalApp() {
  const path = usePath();
  return (
    <>
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <header className="portal-header">
        <div className="portal-bar">
          <Link href={PATHS.portal} className="portal-brand">
            医疗服务投诉与信用公示
          </Link>
          <nav aria-label="主导航">
            <ul>
              <li>
                <Link href={PATHS.portalNewComplaint} aria-current={path.startsWith(PATHS.portalNewComplaint) ? 'page' : undefined}>
                  提交投诉
                </Link>
              </li>
              <li>
                <Link
                  href={PATHS.portalComplaint()}
                  aria-current={path.startsWith('/portal/complaints') && !path.startsWith(PATHS.portalNewComplaint) ? 'page' : undefined}
                >
                  查询进度
                </Link>
              </li>
              <li>
                <Link href={PATHS.portalCredit} aria-current={path.startsWith(PATHS.portalCredit) ? 'page' : undefined}>
                  信用公示
                </Link>
              </li>
              <li>
                <Link href={PATHS.portalNotices} aria-current={path.startsWith(PATHS.portalNotices) ? 'page' : undefined}>
                  通报公示
                </Link>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="portal" tabIndex={-1}>
        <Suspense fallback={<p role="status">正在加载…</p>}>{pageFor(path)}</Suspense>
      </main>
      <footer className="portal-footer">
        <p>卫生健康服务热线 12320 · 政务服务便民热线 12345</p>
      </footer>
    </>
  );
}
