import type { components } from '../../client/schema.gen';

type NoticeTable = components['schemas']['PublicNoticeTableDto'];

/**
 * A notice's tables as it printed them: a caption, the header row, the rows and the 合计 row. A
 * table wider than a phone scrolls sideways inside its own region, which a keyboard can reach.
 */
export function NoticeTables({ tables }: { readonly tables: readonly NoticeTable[] }) {
  return (
    <>
      {tables.map((table, n) => (
        <section key={`${n}-${table.title}`} className="notice-table" aria-labelledby={`notice-table-${n}`}>
          <h2 id={`notice-table-${n}`}>{table.title}</h2>
          {table.subtitle ? <p className="hint">{table.subtitle}</p> : null}
          <div className="table-scroll" role="region" aria-labelledby={`notice-table-${n}`} tabIndex={0}>
            <table>
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.length === 0 ? (
                  <tr>
                    <td colSpan={table.columns.length}>（无）</td>
                  </tr>
                ) : null}
                {table.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, c) => (
                      <td key={c}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
              {table.totals ? (
                <tfoot>
                  <tr>
                    {table.totals.map((cell, c) => (
                      <td key={c}>{cell}</td>
                    ))}
                  </tr>
                </tfoot>
              ) : null}
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
