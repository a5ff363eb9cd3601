// "Báo cáo": the case annex of a period for the user's area, with date and province filters, ready to
// print on A4 (the browser's print to PDF) and to download as .xlsx where the server can write it.
import type { Annex } from '../../annex/build';
import type { AdminUser } from '../auth';
import { adminText as t } from '../messages';
import { Layout } from './layout';
import { PeriodFields } from './period-fields';

export interface ReportsFilters {
  from: string;
  to: string;
  province: string;
  commune: string;
  rule: string;
  period: string;
}

export function ReportsPage(p: { user: AdminUser; annex: Annex; filters: ReportsFilters; provinces: Array<{ code: string; name: string }>; xlsx: boolean; query: string }) {
  const f = p.filters;
  const a = p.annex;
  return (
    <Layout user={p.user} section="reports" title={t.reports.title}>
      <h1>{t.reports.title}</h1>
      <p class="help no-print">{t.reports.help}</p>
      <form method="get" action="/admin/reports" class="filters card no-print" aria-label={t.reports.filters}>
        <PeriodFields id="r" from={f.from} to={f.to} required province={f.province} provinces={p.provinces} national={p.user.role === 'national'} />
        {p.user.role === 'commune' ? null : (
          <div>
            <label for="r-commune">{t.reports.commune}</label>
            <input id="r-commune" name="commune" value={f.commune} inputmode="numeric" pattern="[0-9]{5}" placeholder="00004" />
          </div>
        )}
        <button type="submit">{t.reports.show}</button>
      </form>
      <p class="no-print">
        {p.xlsx ? (
          <>
            <a href={`/admin/reports.xlsx?${p.query}`}>{t.reports.xlsx}</a> ·{' '}
          </>
        ) : null}
        <a href={`/admin/stats.csv?${new URLSearchParams({ from: f.from, to: f.to, ...(f.province ? { province: f.province } : {}) }).toString()}`}>{t.csv}</a> · {t.reports.print}
      </p>
      <article class="annex" aria-labelledby="annex-title">
        <h2 id="annex-title">
          {a.title} — {a.scopeLabel}
        </h2>
        {a.tables.map((table) => (
          <section class="annex-table" aria-labelledby={`a-${table.id}`}>
            <h3 id={`a-${table.id}`}>{table.title}</h3>
            <table class="compact" data-table={table.id}>
              <thead>
                <tr>
                  {table.head.map((h) => (
                    <th scope="col">{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr>
                    {row.map((cell, i) => (i === 0 ? <th scope="row">{cell}</th> : <td>{cell}</td>))}
                  </tr>
                ))}
              </tbody>
            </table>
            {table.note ? <p class="help">{table.note}</p> : null}
          </section>
        ))}
      </article>
    </Layout>
  );
}
