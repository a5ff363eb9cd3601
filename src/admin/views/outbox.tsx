// The outbox: counts by state, failed and retrying messages with a retry button, and the Zalo token state.
import { fill } from '../../core/messages';
import type { AdminUser } from '../auth';
import { adminText as t } from '../messages';
import type { ProblemMessage } from '../outbox-view';
import { when } from './format';
import { Csrf, Layout } from './layout';

export interface ZaloState {
  enabled: boolean;
  tokenExpiresAt: Date | null;
  lastRefreshError: string | null;
  pendingEvents: number;
}

export function OutboxPage(p: { user: AdminUser; counts: Record<string, number>; problems: ProblemMessage[]; zalo: ZaloState; flash?: string; tz: string }) {
  return (
    <Layout user={p.user} section="outbox" title={t.outboxTitle}>
      <h1>{t.outboxTitle}</h1>
      {p.flash ? (
        <p class="flash" role="status">
          {p.flash}
        </p>
      ) : null}
      <p class="help">{t.outboxHelp}</p>
      <section class="card" aria-labelledby="h-counts">
        <h2 id="h-counts">{t.outboxCounts}</h2>
        <p>
          {Object.entries(p.counts).length
            ? Object.entries(p.counts)
                .map(([k, n]) => `${t.outboxStatus[k] ?? k}: ${n}`)
                .join(' · ')
            : t.none}
        </p>
      </section>
      {p.problems.length === 0 ? (
        <p class="card">{t.outboxNone}</p>
      ) : (
        <table class="stack">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t.kind}</th>
              <th scope="col">{t.statusCol}</th>
              <th scope="col">{t.lastError}</th>
              <th scope="col">
                <span class="sr">{t.retry}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.problems.map((m) => (
              <tr class={m.status === 'dead' ? 'overdue' : undefined}>
                <td data-label="#">
                  {m.id} · {when(m.createdAt, p.tz)}
                </td>
                <td data-label={t.kind}>
                  {t.outboxKind[m.kind] ?? m.kind} · {m.channel}
                  {m.caseRef ? (
                    <>
                      {' · '}
                      <a href={`/admin/cases/${m.caseRef}`}>{m.caseRef}</a>
                    </>
                  ) : null}
                </td>
                <td data-label={t.statusCol}>
                  {t.outboxStatus[m.status] ?? m.status} · {t.attempts}: {m.attempts}
                </td>
                <td data-label={t.lastError}>{m.lastError ?? ''}</td>
                <td data-label={t.retry}>
                  {m.status === 'dead' ? (
                    <form method="post" action={`/admin/outbox/${m.id}/retry`}>
                      <Csrf user={p.user} />
                      <button type="submit" class="secondary" aria-label={`${t.retry} #${m.id}`}>
                        {t.retry}
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section class="card" aria-labelledby="h-zalo">
        <h2 id="h-zalo">{t.zalo}</h2>
        {p.zalo.enabled ? (
          <dl>
            <dt>{t.zaloToken}</dt>
            <dd>{p.zalo.tokenExpiresAt ? when(p.zalo.tokenExpiresAt, p.tz) : t.none}</dd>
            <dt>{t.zaloError}</dt>
            <dd class={p.zalo.lastRefreshError ? 'late' : undefined}>{p.zalo.lastRefreshError ?? t.none}</dd>
            <dt>{t.zaloPending}</dt>
            <dd>{fill('{n}', { n: p.zalo.pendingEvents })}</dd>
          </dl>
        ) : (
          <p>{t.zaloOff}</p>
        )}
      </section>
    </Layout>
  );
}
