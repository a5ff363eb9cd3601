// Coverage: communes without an officer per province, invite codes, directory login codes, the unrouted queue.
import { fill } from '../../core/messages';
import type { AdminCaseSummary } from '../../reports/admin';
import type { AdminUser } from '../auth';
import type { InviteRow, ProvinceCoverage } from '../coverage';
import { adminText as t } from '../messages';
import { CaseTable } from './cases';
import { when } from './format';
import { Csrf, Layout } from './layout';

export interface CoverageProps {
  user: AdminUser;
  provinces: ProvinceCoverage[];
  selected: { code: string; name: string; uncovered: Array<{ code: string; name: string }>; officers: Array<{ id: number; name: string; role: string; communeCode: string; channel: string }> } | null;
  invites: InviteRow[];
  unrouted: AdminCaseSummary[];
  flash?: string;
  error?: string;
  at: Date;
  tz: string;
}

export function CoveragePage(p: CoverageProps) {
  return (
    <Layout user={p.user} section="coverage" title={t.coverageTitle}>
      <h1>{t.coverageTitle}</h1>
      {p.flash ? (
        <p class="flash" role="status">
          {p.flash}
        </p>
      ) : null}
      {p.error ? (
        <p class="error" role="alert">
          {p.error}
        </p>
      ) : null}
      <p class="help">{t.coverageHelp}</p>
      {p.provinces.length === 0 ? (
        <p class="card">{t.mapMissing}</p>
      ) : (
        <table class="compact">
          <thead>
            <tr>
              <th scope="col">{t.province}</th>
              <th scope="col">{t.communes}</th>
              <th scope="col">{t.uncovered}</th>
              <th scope="col">{t.supervisors}</th>
            </tr>
          </thead>
          <tbody>
            {p.provinces.map((r) => (
              <tr>
                <td data-label={t.province}>
                  <a href={`/admin/coverage?province=${r.code}#province`}>{r.name}</a>
                </td>
                <td data-label={t.communes}>{r.communes}</td>
                <td data-label={t.uncovered}>{r.uncovered > 0 ? <strong class="late">{r.uncovered}</strong> : r.uncovered}</td>
                <td data-label={t.supervisors}>{r.supervisors}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p.selected ? (
        <section id="province" aria-labelledby="h-province">
          <h2 id="h-province">{fill(t.uncoveredIn, { province: p.selected.name })}</h2>
          {p.selected.uncovered.length ? (
            <details class="card">
              <summary>{fill(t.uncoveredShow, { n: p.selected.uncovered.length })}</summary>
              <ul class="columns">
                {p.selected.uncovered.map((c) => (
                  <li>
                    {c.name} ({c.code})
                  </li>
                ))}
              </ul>
            </details>
          ) : (
            <p class="card">{t.allCovered}</p>
          )}
          <h2>{fill(t.officersTitle, { province: p.selected.name })}</h2>
          <table class="stack">
            <tbody>
              {p.selected.officers.map((o) => (
                <tr>
                  <td data-label={t.officer}>{o.name}</td>
                  <td data-label={t.col.commune}>
                    {o.communeCode} · {o.role === 'supervisor' ? t.roleSupervisor : t.roleOfficer} · {t.channelName[o.channel] ?? o.channel}
                  </td>
                  <td data-label={t.sendLoginCode}>
                    <form method="post" action={`/admin/officers/${o.id}/login-code`}>
                      <Csrf user={p.user} />
                      <button type="submit" class="secondary" aria-label={`${t.sendLoginCode}: ${o.name}`}>
                        {t.sendLoginCode}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : p.provinces.length > 1 ? (
        <p class="help">{t.officersPick}</p>
      ) : null}
      <section id="invites" aria-labelledby="h-invites">
        <h2 id="h-invites">{t.invitesTitle}</h2>
        <p class="help">{t.invitesHelp}</p>
        <form method="post" action="/admin/invites" class="card row">
          <Csrf user={p.user} />
          <div>
            <label for="inv-code">{t.inviteCode}</label>
            <input type="text" id="inv-code" name="code" required inputmode="numeric" pattern="\d{2}|\d{5}" />
          </div>
          <div>
            <label for="inv-role">{t.inviteRole}</label>
            <select id="inv-role" name="role">
              <option value="officer">{t.roleOfficer}</option>
              <option value="supervisor">{t.roleSupervisor}</option>
            </select>
          </div>
          <button type="submit">{t.inviteCreate}</button>
        </form>
        {p.invites.length ? (
          <table class="stack">
            <thead>
              <tr>
                <th scope="col">Mã mời</th>
                <th scope="col">{t.col.commune}</th>
                <th scope="col">{t.inviteRole}</th>
                <th scope="col">{t.inviteExpires}</th>
                <th scope="col">{t.inviteRevoke}</th>
              </tr>
            </thead>
            <tbody>
              {p.invites.map((i) => (
                <tr>
                  <td data-label="Mã mời">
                    <code>{i.code}</code>
                  </td>
                  <td data-label={t.col.commune}>{i.communeCode}</td>
                  <td data-label={t.inviteRole}>{i.role === 'supervisor' ? t.roleSupervisor : t.roleOfficer}</td>
                  <td data-label={t.inviteExpires}>{when(i.expiresAt, p.tz)}</td>
                  <td data-label={t.inviteRevoke}>
                    <form method="post" action={`/admin/invites/${encodeURIComponent(i.code)}/revoke`}>
                      <Csrf user={p.user} />
                      <button type="submit" class="secondary" aria-label={fill(t.inviteRevokeLabel, { code: i.code })}>
                        {t.inviteRevoke}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="help">{t.invitesNone}</p>
        )}
      </section>
      <section id="unrouted" aria-labelledby="h-unrouted">
        <h2 id="h-unrouted">{t.unroutedTitle}</h2>
        <p class="help">{t.unroutedHelp}</p>
        {p.unrouted.length ? <CaseTable cases={p.unrouted} at={p.at} tz={p.tz} /> : <p class="card">{t.unroutedNone}</p>}
      </section>
    </Layout>
  );
}
