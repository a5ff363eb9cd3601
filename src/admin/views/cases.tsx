// Cases: the filtered list (time left on each legal clock, overdue highlighted) and one case opened.
import { fill } from '../../core/messages';
import type { AdminCaseSummary, AdminCaseView } from '../../reports/admin';
import type { AdminUser } from '../auth';
import { adminText as t } from '../messages';
import type { AuditEntry, CaseMessage, Milestone } from '../timeline';
import { ageText, anyLate, CASE_STATUSES, clockLeft, clockName, isLate, statusText, when } from './format';
import { Csrf, Layout } from './layout';

export interface CaseFilters {
  status: string;
  commune: string;
  overdue: boolean;
}

function Clocks(props: { c: AdminCaseSummary; at: Date }) {
  return (
    <ul class="clocks">
      {props.c.clocks.map((k) => (
        <li class={isLate(k, props.at) ? 'late' : k.outcome === 'done' ? 'ok' : k.outcome === 'skipped' ? 'skipped' : undefined}>
          {clockName(k)}: {k.outcome === 'done' ? t.clockDone : k.outcome === 'skipped' ? t.clockSkipped : clockLeft(k, props.at)}
        </li>
      ))}
    </ul>
  );
}

function placeOf(c: AdminCaseSummary): string {
  return c.commune ? `${c.commune.name}, ${c.commune.province_name}` : c.communeCode ?? t.unrouted;
}

export function CaseTable(props: { cases: AdminCaseSummary[]; at: Date; tz: string }) {
  if (!props.cases.length) return <p class="card">{t.noCases}</p>;
  return (
    <table class="stack">
      <thead>
        <tr>
          <th scope="col">{t.col.ref}</th>
          <th scope="col">{t.col.received}</th>
          <th scope="col">{t.col.commune}</th>
          <th scope="col">{t.col.status}</th>
          <th scope="col">{t.col.clocks}</th>
        </tr>
      </thead>
      <tbody>
        {props.cases.map((c) => {
          const late = anyLate(c.clocks, props.at);
          return (
            <tr class={late ? 'overdue' : undefined}>
              <td data-label={t.col.ref}>
                <a href={`/admin/cases/${c.ref}`}>{c.ref}</a>{' '}
                {late ? <span class="badge red">{t.overdue}</span> : null}{' '}
                {c.emergency ? <span class="badge amber">{t.emergency}</span> : null}
              </td>
              <td data-label={t.col.received}>{when(c.receivedAt, props.tz)}</td>
              <td data-label={t.col.commune}>{placeOf(c)}</td>
              <td data-label={t.col.status}>{statusText(c.status)}</td>
              <td data-label={t.col.clocks}>
                <Clocks c={c} at={props.at} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function CasesPage(props: {
  user: AdminUser;
  cases: AdminCaseSummary[];
  filters: CaseFilters;
  communes: Array<{ code: string; name: string }>;
  at: Date;
  tz: string;
}) {
  const f = props.filters;
  return (
    <Layout user={props.user} section="cases" title={t.casesTitle}>
      <h1>{t.casesTitle}</h1>
      <form method="get" action="/admin" class="filters card" aria-label={t.filter}>
        <div>
          <label for="f-status">{t.filterStatus}</label>
          <select id="f-status" name="status">
            <option value="">{t.any}</option>
            {CASE_STATUSES.map((s) => (
              <option value={s} selected={f.status === s}>
                {statusText(s)}
              </option>
            ))}
          </select>
        </div>
        {props.user.role === 'commune' ? null : (
          <div>
            <label for="f-commune">{t.filterCommune}</label>
            <select id="f-commune" name="commune">
              <option value="">{t.any}</option>
              {props.communes.map((c) => (
                <option value={c.code} selected={f.commune === c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="check">
          <label>
            <input type="checkbox" name="overdue" value="1" checked={f.overdue} /> {t.filterOverdue}
          </label>
        </div>
        <button type="submit">{t.apply}</button>
      </form>
      <CaseTable cases={props.cases} at={props.at} tz={props.tz} />
    </Layout>
  );
}

export function CasePage(props: {
  user: AdminUser;
  view: AdminCaseView;
  milestones: Milestone[];
  audit: AuditEntry[];
  messages: CaseMessage[];
  flash?: string;
  at: Date;
  tz: string;
}) {
  const v = props.view;
  const title = fill(t.caseTitle, { ref: v.ref });
  const canAck = !v.acknowledgedAt && v.status !== 'closed';
  const late = anyLate(v.clocks, props.at);
  return (
    <Layout user={props.user} section="cases" title={title}>
      <h1>
        {title} {late ? <span class="badge red">{t.overdue}</span> : null} {v.emergency ? <span class="badge amber">{t.emergency}</span> : null}
      </h1>
      {props.flash ? (
        <p class="flash" role="status">
          {props.flash}
        </p>
      ) : null}
      <p class="help">{t.caseViewedNote}</p>
      <section class="card" aria-labelledby="h-details">
        <h2 id="h-details">{t.details}</h2>
        <dl>
          <dt>{t.col.status}</dt>
          <dd>{statusText(v.status)}</dd>
          <dt>{t.col.received}</dt>
          <dd>{when(v.receivedAt, props.tz)}</dd>
          <dt>{t.col.commune}</dt>
          <dd>{v.commune ? `${v.commune.name}, ${v.commune.province_name}` : t.unrouted}</dd>
          {v.address ? (
            <>
              <dt>{t.address}</dt>
              <dd>{v.address}</dd>
            </>
          ) : null}
          {v.mapUrl ? (
            <>
              <dt>{t.map}</dt>
              <dd>
                <a href={v.mapUrl} rel="noreferrer noopener" target="_blank">
                  {v.mapUrl}
                </a>
              </dd>
            </>
          ) : null}
          <dt>{t.age}</dt>
          <dd>{ageText(v.ageBand)}</dd>
          <dt>{t.description}</dt>
          <dd>{v.description}</dd>
          {v.photoCount ? (
            <>
              <dt>{t.photos}</dt>
              <dd>{v.photoCount}</dd>
            </>
          ) : null}
          <dt>{t.contact}</dt>
          <dd>{v.contact ?? t.anonymous}</dd>
          <dt>{t.col.clocks}</dt>
          <dd>
            <Clocks c={v} at={props.at} />
          </dd>
        </dl>
        {canAck ? (
          <form method="post" action={`/admin/cases/${v.ref}/ack`}>
            <Csrf user={props.user} />
            <p class="help">{t.ackHelp}</p>
            <button type="submit">{t.ackButton}</button>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="h-timeline">
        <h2 id="h-timeline">{t.timeline}</h2>
        <table class="compact">
          <thead>
            <tr>
              <th scope="col">{t.when}</th>
              <th scope="col">{t.what}</th>
            </tr>
          </thead>
          <tbody>
            {props.milestones.map((m) => (
              <tr>
                <td data-label={t.when}>{when(m.at, props.tz)}</td>
                <td data-label={t.what}>{t.milestone[m.key]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {props.messages.length ? (
          <>
            <h2 id="h-messages">{t.messages}</h2>
            <table class="compact">
              <thead>
                <tr>
                  <th scope="col">{t.when}</th>
                  <th scope="col">{t.kind}</th>
                  <th scope="col">{t.channel}</th>
                  <th scope="col">{t.statusCol}</th>
                </tr>
              </thead>
              <tbody>
                {props.messages.map((m) => (
                  <tr>
                    <td data-label={t.when}>{when(m.at, props.tz)}</td>
                    <td data-label={t.kind}>{t.outboxKind[m.kind] ?? m.kind}</td>
                    <td data-label={t.channel}>{m.channel}</td>
                    <td data-label={t.statusCol}>{t.outboxStatus[m.status] ?? m.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </section>
      <section aria-labelledby="h-audit" id="audit">
        <h2 id="h-audit">{t.audit}</h2>
        <table class="compact">
          <thead>
            <tr>
              <th scope="col">{t.when}</th>
              <th scope="col">{t.who}</th>
              <th scope="col">{t.what}</th>
            </tr>
          </thead>
          <tbody>
            {props.audit.map((a) => (
              <tr>
                <td data-label={t.when}>{when(a.at, props.tz)}</td>
                <td data-label={t.who}>{a.actor}</td>
                <td data-label={t.what}>
                  {a.action}
                  {a.note ? ` (${a.note})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Layout>
  );
}
