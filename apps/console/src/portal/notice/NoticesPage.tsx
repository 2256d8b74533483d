import { useEffect, useState } from 'react';
import { call, messageOf } from '../../client/errors';
import type { components } from '../../client/schema.gen';
import { PATHS } from '../../routes';
import { beijingDate } from '../../shared/time';
import { usePortalCatalogue } from '../catalogue';
import { Field } from '../Field';
import { Link } from '../navigation';
import { publicApi } from '../public-api';

type NoticeItem = components['schemas']['PublicNoticeListItemDto'];
type Kind = NoticeItem['kind'];

const PAGE_SIZE = 20;

/** What a notice is besides its title: a correction, corrected, withdrawn. */
function Marks({ notice }: { readonly notice: NoticeItem }) {
  return (
    <>
      {notice.correctsId ? <span className="badge">{notice.withdraw ? '撤销通报' : '更正通报'}</span> : null}
      {notice.correctedById ? <span className="badge badge-muted">已被更正</span> : null}
    </>
  );
}

/**
 * 通报公示: the notices the health commissions published, newest first, by kind; each opens as its own
 * page (printable). Only what was published, while it is public (the API decides both).
 */
export default function NoticesPage() {
  const words = usePortalCatalogue();
  const [kind, setKind] = useState<Kind | ''>('');
  const [items, setItems] = useState<readonly NoticeItem[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const load = async (cursor: string | null, chosen: Kind | '') => {
    setFailure(null);
    try {
      const query = { pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}), ...(chosen ? { kind: chosen } : {}) };
      const page = await call(publicApi.GET('/public/notices', { params: { query } }));
      setItems((before) => (cursor ? [...(before ?? []), ...page.items] : page.items));
      setNext(page.nextCursor);
    } catch (thrown) {
      setFailure(messageOf(thrown));
    }
  };
  useEffect(() => {
    void load(null, kind);
  }, [kind]);

  return (
    <>
      <h1>通报公示</h1>
      <p className="lead">
        卫生健康部门发布的投诉举报办理情况、监督检查结果、信用红名单变动和专项行动情况通报。通报发布后不再修改，如有更正，以更正通报为准。
      </p>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <Field label="通报种类">
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind | '')}>
            <option value="">全部</option>
            {words.options('publicNoticeKinds').map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
      </form>
      {failure ? <p role="alert">{failure}</p> : null}
      {!items && !failure ? <p role="status">正在加载…</p> : null}
      {items && items.length === 0 ? <p role="status">暂无通报。</p> : null}
      <ul className="notice-list">
        {(items ?? []).map((notice) => (
          <li key={notice.noticeId}>
            <Link href={PATHS.portalNotice(notice.noticeId)} className="notice-row">
              <strong>{notice.title}</strong>
              <span>
                {notice.documentNo} · {notice.issuingUnitName} · {beijingDate(notice.publishedAt)} ·{' '}
                {words.label('publicNoticeKinds', notice.kind)}
              </span>
              <span>
                <Marks notice={notice} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {next ? (
        <button type="button" className="button button-secondary" onClick={() => void load(next, kind)}>
          加载更多
        </button>
      ) : null}
    </>
  );
}
