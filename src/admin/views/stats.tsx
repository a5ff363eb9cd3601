// Statistics: an inline SVG bar chart of cases per month (with the same numbers as a table), counts by
// type, age and commune, the median time to acknowledge, and the CSV link.
import { fill } from '../../core/messages';
import type { AdminUser } from '../auth';
import { adminText as t } from '../messages';
import type { CaseStats, StatsFilter } from '../stats';
import { formatVi } from '../../reminders/dates';
import { ageText, duration } from './format';
import { Layout } from './layout';
import { PeriodFields } from './period-fields';

const W = 360;
const H = 200;
const PAD = { top: 20, right: 6, bottom: 34, left: 26 };

export function MonthChart(props: { data: Array<{ month: string; count: number }> }) {
  const max = Math.max(1, ...props.data.map((d) => d.count));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const step = innerW / Math.max(1, props.data.length);
  const barW = Math.max(4, step * 0.7);
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">
      <title id="chart-title">{t.byMonth}</title>
      <desc id="chart-desc">{props.data.map((d) => `${d.month}: ${d.count}`).join('; ')}</desc>
      <line x1={PAD.left} y1={PAD.top + innerH} x2={W - PAD.right} y2={PAD.top + innerH} stroke="#59636e" stroke-width="1" />
      <text x={PAD.left - 6} y={PAD.top + 4} text-anchor="end" font-size="12" fill="#1a1a1a">
        {max}
      </text>
      <text x={PAD.left - 6} y={PAD.top + innerH} text-anchor="end" font-size="12" fill="#1a1a1a">
        0
      </text>
      {props.data.map((d, i) => {
        const h = (d.count / max) * innerH;
        const x = PAD.left + i * step + (step - barW) / 2;
        const y = PAD.top + innerH - h;
        return (
          <g>
            <rect x={x} y={y} width={barW} height={h} fill="#0b5cad" />
            {d.count > 0 ? (
              <text x={x + barW / 2} y={y - 4} text-anchor="middle" font-size="12" fill="#1a1a1a">
                {d.count}
              </text>
            ) : null}
            <text x={x + barW / 2} y={H - PAD.bottom + 14} text-anchor="middle" font-size="11" fill="#1a1a1a">
              {d.month.slice(5)}
            </text>
            {d.month.endsWith('-01') || (i === 0 && Number(d.month.slice(5)) <= 10) ? (
              <text x={x + barW / 2} y={H - PAD.bottom + 28} text-anchor="middle" font-size="11" fill="#4a525a">
                {d.month.slice(0, 4)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

function CountTable(props: { caption: string; rows: Array<[string, number]> }) {
  return (
    <table>
      <caption class="sr">{props.caption}</caption>
      <tbody>
        {props.rows.map(([label, n]) => (
          <tr>
            <th scope="row">{label}</th>
            <td>{n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StatsPage(p: { user: AdminUser; stats: CaseStats; filter: StatsFilter; provinces: Array<{ code: string; name: string }>; query: string }) {
  const s = p.stats;
  const f = p.filter;
  return (
    <Layout user={p.user} section="stats" title={t.statsTitle}>
      <h1>{t.statsTitle}</h1>
      <p class="help">{t.statsHelp}</p>
      <form method="get" action="/admin/stats" class="filters card" aria-label={t.statsFilters}>
        <PeriodFields id="s" from={f.from ?? ''} to={f.to ?? ''} province={f.province ?? ''} provinces={p.provinces} national={p.user.role === 'national'} />
        <button type="submit">{t.reports.show}</button>
      </form>
      {f.from || f.to || f.province ? (
        <p data-stats-filter>
          {fill(t.statsFiltered, { from: f.from ? formatVi(f.from) : '…', to: f.to ? formatVi(f.to) : '…' })}
          {f.province ? ` · ${p.provinces.find((pr) => pr.code === f.province)?.name ?? f.province}` : ''} · <a href="/admin/stats">{t.statsAll}</a>
        </p>
      ) : null}
      <p>
        <strong>{fill(t.total, { n: s.total })}</strong> · <a href={p.query ? `/admin/stats.csv?${p.query}` : '/admin/stats.csv'}>{t.csv}</a>
      </p>
      <p>
        {t.medianAck}:{' '}
        <strong>{s.medianAckMs === null ? t.medianNone : fill(t.medianAckValue, { value: duration(s.medianAckMs), n: s.ackedCount })}</strong>
      </p>
      <section class="card" aria-labelledby="h-month">
        <h2 id="h-month">{t.byMonth}</h2>
        <MonthChart data={s.byMonth} />
        <details>
          <summary>Bảng số liệu</summary>
          <CountTable caption={t.byMonth} rows={s.byMonth.map((m) => [m.month, m.count])} />
        </details>
      </section>
      <section aria-labelledby="h-type">
        <h2 id="h-type">{t.byType}</h2>
        <CountTable
          caption={t.byType}
          rows={[
            [t.emergency, s.byType.emergency],
            [t.normal, s.byType.normal],
          ]}
        />
        <h2>{t.byAge}</h2>
        <CountTable caption={t.byAge} rows={s.byAge.map((a) => [ageText(a.band === 'unknown' ? null : a.band), a.count])} />
        <h2>{t.byCommune}</h2>
        <CountTable caption={t.byCommune} rows={s.byCommune.map((c) => [c.name ? `${c.name} (${c.code})` : c.code ?? t.unknownCommune, c.count])} />
      </section>
      <section aria-labelledby="h-steps">
        <h2 id="h-steps">{t.statsSteps}</h2>
        <p class="help">{t.statsStepsHelp}</p>
        <table class="compact">
          <caption class="sr">{t.statsSteps}</caption>
          <thead>
            <tr>
              <th scope="col">{t.statsStep}</th>
              <th scope="col">{t.statsDone}</th>
              <th scope="col">{t.statsOpen}</th>
              <th scope="col">{t.statsSkipped}</th>
            </tr>
          </thead>
          <tbody>
            {(['assessment', 'plan', 'approval'] as const).map((k) => (
              <tr>
                <th scope="row">{t.work.kinds[k]}</th>
                <td>{s.steps[k].done}</td>
                <td>{s.steps[k].open}</td>
                <td>{s.steps[k].skipped}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t.statsReferrals}</h2>
        <CountTable caption={t.statsReferrals} rows={s.referrals.map((r) => [t.agencyWords[r.agency] ?? r.agency, r.count])} />
        <h2>{t.statsCloseReasons}</h2>
        <CountTable caption={t.statsCloseReasons} rows={s.closeReasons.map((r) => [r.reason ? (t.closeWords[r.reason] ?? r.reason) : t.closeUnknown, r.count])} />
        <h2>{t.statsLevels}</h2>
        <CountTable caption={t.statsLevels} rows={s.byLevel.map((r) => [t.levelWords[r.level] ?? r.level, r.count])} />
      </section>
    </Layout>
  );
}
