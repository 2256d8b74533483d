import { useEffect, useRef, useState } from 'react';
import { call, messageOf } from '../../client/errors';
import type { components } from '../../client/schema.gen';
import { beijingDate } from '../../shared/time';
import { usePortalCatalogue } from '../catalogue';
import { publicApi } from '../public-api';

type CreditPage = components['schemas']['PublicCreditPageDto'];
type CreditItem = components['schemas']['CreditViewItemDto'];

function Items({ title, items, empty }: { readonly title: string; readonly items: readonly CreditItem[]; readonly empty: string }) {
  const words = usePortalCatalogue();
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      {items.length === 0 ? <p>{empty}</p> : null}
      <ul className="credit-items">
        {items.map((item) => (
          <li key={item.id}>
            <strong>{item.title}</strong>
            <span className="hint">
              {item.occurredAt ? `${beijingDate(item.occurredAt)} · ` : ''}
              {words.label('creditInfoClasses', item.infoClass)}
              {item.until ? ` · 有效期至 ${beijingDate(item.until)}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One institution's public credit page: basic, adverse within five years, the red list (never the black list). */
export function CreditDetail({ institution, back }: { readonly institution: { id: string; name: string }; readonly back: () => void }) {
  const [page, setPage] = useState<CreditPage | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    call(publicApi.GET('/public/institutions/{institutionId}/credit', { params: { path: { institutionId: institution.id } } })).then(
      setPage,
      (thrown: unknown) => setFailure(messageOf(thrown)),
    );
  }, [institution.id]);
  return (
    <>
      <button type="button" className="link-button" onClick={back}>
        ← 返回机构列表
      </button>
      <h1 ref={heading} tabIndex={-1}>
        {institution.name}
      </h1>
      {failure ? <p role="alert">{failure}</p> : null}
      {!page && !failure ? <p role="status">正在加载…</p> : null}
      {page ? (
        <>
          <p className="hint">信息截至 {beijingDate(page.asOf)}</p>
          <Items title="基本信用信息" items={page.basic} empty="暂无。" />
          <Items title="不良信息（近五年）" items={page.adverse} empty="近五年无不良信息。" />
          <Items title="红名单" items={page.redList} empty="未列入红名单。" />
        </>
      ) : null}
    </>
  );
}
