// Coverage: communes without an officer per province, invite codes, directory login codes, the unrouted queue.
import { fill } from '../../core/messages';
import type { AdminCaseSummary } from '../../cases/admin';
import type { AdminUser } from '../auth';
import { coveragePercent, type CoverageSort, type InviteRow, type PlaceHit, type ProvinceCoverage } from '../coverage';
import { adminText as t } from '../messages';
import { CaseTable } from './cases';
import { when } from './format';
import { Csrf, Layout } from './layout';

export interface CoverageProps {
  user: AdminUser;
  provinces: ProvinceCoverage[];
  sort: CoverageSort;
  placeText: string;
  places: PlaceHit[] | null;
  inviteMessage?: string;
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
      <section id="unrouted" aria-labelledby="h-unrouted">
        <h2 id="h-unrouted">{t.unroutedTitle}</h2>
        <p class="help">{t.unroutedHelp}</p>
        {p.unrouted.length ? <CaseTable cases={p.unrouted} at={p.at} tz={p.tz} /> : <p class="card">{t.unroutedNone}</p>}
      </section>
      {p.inviteMessage ? (
        <section id="invite-message" class="card" aria-labelledby="h-invite-message">
          <h2 id="h-invite-message">{t.inviteMessageTitle}</h2>
          <textarea readonly rows={6} aria-labelledby="h-invite-message">
            {p.inviteMessage}
          </textarea>
        </section>
      ) : null}
      <section id="place" aria-labelledby="h-place">
        <h2 id="h-place">{t.placeTitle}</h2>
        <p class="help">{t.placeHelp}</p>
        <form method="get" action="/admin/coverage#place" class="card row">
          <div>
            <label for="place-q">{t.placeField}</label>
            <input type="search" id="place-q" name="place" value={p.placeText} required maxlength={100} />
          </div>
          <button type="submit">{t.placeSearch}</button>
        </form>
        {p.places === null ? null : p.places.length === 0 ? (
          <p class="card">{t.placeNone}</p>
        ) : (
          <table class="stack">
            <tbody>
              {p.places.map((h) => (
                <tr>
                  <td data-label={t.col.commune}>
                    {h.name}, {h.provinceName} ({h.code})
                  </td>
                  <td data-label={t.officer}>{h.officers ? fill(t.placeOfficers, { n: h.officers }) : <strong class="late">{t.placeUncovered}</strong>}</td>
                  <td data-label={t.invite}>
                    {h.officers ? null : (
                      <form method="post" action="/admin/invites">
                        <Csrf user={p.user} />
                        <input type="hidden" name="code" value={h.code} />
                        <input type="hidden" name="role" value="officer" />
                        <button type="submit" aria-label={fill(t.inviteFor, { place: h.name })}>
                          {t.invite}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <p class="help">{t.coverageHelp}</p>
      {p.provinces.length === 0 ? (
        <p class="card">{t.mapMissing}</p>
      ) : (
        <table class="compact">
          <thead>
            <tr>
              <th scope="col" aria-sort={p.sort === 'name' ? 'ascending' : undefined}>
                <a href="/admin/coverage?sort=name" aria-label={fill(t.sortBy, { col: t.province })}>{t.province}</a>
              </th>
              <th scope="col">{t.communes}</th>
              <th scope="col" aria-sort={p.sort === 'uncovered' ? 'descending' : undefined}>
                <a href="/admin/coverage?sort=uncovered" aria-label={fill(t.sortBy, { col: t.uncovered })}>{t.uncovered}</a>
              </th>
              <th scope="col" aria-sort={p.sort === 'coverage' ? 'ascending' : undefined}>
                <a href="/admin/coverage?sort=coverage" aria-label={fill(t.sortBy, { col: t.coveragePercent })}>{t.coveragePercent}</a>
              </th>
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
                <td data-label={t.coveragePercent}>{coveragePercent(r)}%</td>
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
                    <form method="post" action="/admin/invites" class="row">
                      <Csrf user={p.user} />
                      <input type="hidden" name="code" value={c.code} />
                      <input type="hidden" name="role" value="officer" />
                      {c.name} ({c.code}){' '}
                      <button type="submit" class="secondary" aria-label={fill(t.inviteFor, { place: c.name })}>
                        {t.invite}
                      </button>
                    </form>
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
            <input type="text" id="inv-code" name="code" required maxlength={100} />
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
    </Layout>
  );
}
