import { useMemo, useState } from 'react';
import { Field } from '../Field';
import { useInstitutions } from '../institutions';
import { CreditDetail } from './CreditDetail';

const PAGE_SIZE = 10;

/**
 * 信用公示: find an institution by name (the list is public and short enough to filter here; the
 * API pages nothing on this route), then its public credit page.
 */
export default function CreditPage() {
  const { institutions, error } = useInstitutions();
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null);
  const matching = useMemo(() => {
    const words = query.trim();
    return (institutions ?? []).filter((i) => !words || i.name.includes(words) || i.supervisingUnit.includes(words));
  }, [institutions, query]);
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const shown = matching.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);

  if (chosen) return <CreditDetail institution={chosen} back={() => setChosen(null)} />;

  return (
    <>
      <h1>信用公示</h1>
      <p className="lead">医疗机构的基本信用信息、近五年的不良信息和红名单，依法向社会公开。</p>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <Field label="查找医疗机构" hint="输入机构名称或所属卫生健康部门">
          <input
            type="search"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setPage(0);
            }}
          />
        </Field>
      </form>
      {error ? <p role="alert">{error}</p> : null}
      {!institutions && !error ? <p role="status">正在加载…</p> : null}
      {institutions ? (
        <p role="status" className="hint">
          共 {matching.length} 家医疗机构
        </p>
      ) : null}
      <ul className="institution-list">
        {shown.map((institution) => (
          <li key={institution.id}>
            <button type="button" className="row-button" onClick={() => setChosen(institution)}>
              <strong>{institution.name}</strong>
              <span>{institution.supervisingUnit}</span>
            </button>
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav aria-label="分页" className="pager">
          <button type="button" className="button button-secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
            上一页
          </button>
          <span>
            第 {page + 1} / {pages} 页
          </span>
          <button type="button" className="button button-secondary" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            下一页
          </button>
        </nav>
      ) : null}
    </>
  );
}
