// The outbox: counts by state, every message that waits or failed (to whom, why) with a retry button, and the Zalo token state.
import { fill } from '../../core/messages';
import type { AdminUser } from '../auth';
import { adminText as t } from '../messages';
import { waitReason, type ProblemMessage, type WaitReason } from '../outbox-view';
import { when } from './format';
import { Csrf, Layout } from './layout';

export interface ZaloState {
  enabled: boolean;
  tokenExpiresAt: Date | null;
  lastRefreshError: string | null;
  pendingEvents: number;
}

function Why(p: { reason: WaitReason; channel: string; console: boolean; tz: string }) {
  const r = p.reason;
  if (r.kind === 'error') return <>{r.error}</>;
  if (r.kind === 'channelOff') return <>{p.console ? t.outboxWhyConsole : fill(t.outboxWhyChannelOff, { channel: p.channel })}</>;
  if (r.kind === 'scheduled') return <>{fill(t.outboxWhyScheduled, { at: when(r.at, p.tz) })}</>;
  return <>{t.outboxWhyQueued}</>;
}

export function OutboxPage(p: {
  user: AdminUser;
  counts: Record<string, number>;
  problems: ProblemMessage[];
  /** The channels this server can send on (the others' messages wait). */
  channelsOn: ReadonlySet<string>;
  now: Date;
  zalo: ZaloState;
  flash?: string;
  tz: string;
}) {
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
              <th scope="col">{t.outboxTo}</th>
              <th scope="col">{t.kind}</th>
              <th scope="col">{t.statusCol}</th>
              <th scope="col">{t.outboxWhy}</th>
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
                <td data-label={t.outboxTo}>
                  {m.officerName ?? t.outboxCitizen} · {t.channelName[m.channel] ?? m.channel}
                </td>
                <td data-label={t.kind}>
                  {t.outboxKind[m.kind] ?? m.kind}
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
                <td data-label={t.outboxWhy}>
                  <Why reason={waitReason(m, p.channelsOn, p.now)} channel={t.channelName[m.channel] ?? m.channel} console={m.channel === 'cli'} tz={p.tz} />
                </td>
                <td data-label={t.retry}>
                  {m.status === 'dead' || m.status === 'pending' ? (
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
