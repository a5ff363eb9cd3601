// Cases: the filtered list (time left on each legal clock, overdue highlighted) and one case opened.
import { fill } from '../../core/messages';
import type { AdminCaseSummary, AdminCaseView } from '../../cases/admin';
import type { AdminUser } from '../auth';
import { adminText as t } from '../messages';
import type { AuditEntry, CaseMessage, Milestone } from '../timeline';
import { ageText, anyLate, CASE_STATUSES, clockLeft, clockName, isLate, statusText, when } from './format';
import { Csrf, Layout } from './layout';
import { LinkedNumbers } from '../../channels/web/phone';
import { HarmForm, WorkForms, WorkHistory } from './case-work';
import type { CaseEvent } from '../../cases/events';
import type { CommuneRef } from '../../routing/types';

export interface CaseFilters {
  status: string;
  commune: string;
  overdue: boolean;
  /** A reference or its start. */
  q: string;
  province: string;
  emergency: boolean;
  /** Only the national queue (nobody at commune or province level has it). */
  national: boolean;
  /** Show closed cases too (hidden by default). */
  closed: boolean;
}

export interface QueueCounts {
  open: number;
  national: number;
  emergency: number;
  overdue: number;
  closed: number;
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
          <th scope="col">{t.queue.level}</th>
          <th scope="col">{t.col.status}</th>
          <th scope="col">{t.queue.risk}</th>
          <th scope="col">{t.queue.nextDue}</th>
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
              <td data-label={t.queue.level}>
                {c.level === 'national' ? <span class="badge red">{t.queue.national}</span> : t.levelWords[c.level] ?? c.level}
              </td>
              <td data-label={t.col.status}>
                {statusText(c.status)}
                {c.status === 'closed' ? ` — ${c.closeReason ? t.closeWords[c.closeReason] : t.closeUnknown}` : ''}
              </td>
              <td data-label={t.queue.risk}>{c.risk ? t.riskWords[c.risk] : '—'}</td>
              <td data-label={t.queue.nextDue}>{c.nextDueAt ? when(c.nextDueAt, props.tz) : '—'}</td>
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
  counts: QueueCounts;
  at: Date;
  tz: string;
}) {
  const f = props.filters;
  const k = props.counts;
  return (
    <Layout user={props.user} section="cases" title={t.casesTitle}>
      <h1>{t.casesTitle}</h1>
      <ul class="counters" aria-label={t.casesTitle}>
        <li>
          <a href="/admin">
            <strong>{k.open}</strong> {t.queue.open}
          </a>
        </li>
        <li class={k.national ? 'alert' : undefined}>
          <a href="/admin?national=1">
            <strong>{k.national}</strong> {t.queue.national}
          </a>
        </li>
        <li class={k.emergency ? 'alert' : undefined}>
          <a href="/admin?emergency=1">
            <strong>{k.emergency}</strong> {t.queue.emergencyOpen}
          </a>
        </li>
        <li class={k.overdue ? 'alert' : undefined}>
          <a href="/admin?overdue=1">
            <strong>{k.overdue}</strong> {t.queue.overdueOpen}
          </a>
        </li>
        <li>
          <a href="/admin?status=closed">
            <strong>{k.closed}</strong> {t.queue.closed}
          </a>
        </li>
      </ul>
      <p class="help">{t.queue.order}</p>
      <form method="get" action="/admin" class="filters card" aria-label={t.filter}>
        <div>
          <label for="f-q">{t.queue.search}</label>
          <input id="f-q" name="q" type="search" value={f.q} placeholder="BV-…" autocomplete="off" />
        </div>
        {props.user.role === 'national' ? (
          <div>
            <label for="f-province">{t.queue.province}</label>
            <input id="f-province" name="province" value={f.province} inputmode="numeric" pattern="[0-9]{2}" />
          </div>
        ) : null}
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
          <label>
            <input type="checkbox" name="emergency" value="1" checked={f.emergency} /> {t.queue.emergencyOnly}
          </label>
          <label>
            <input type="checkbox" name="national" value="1" checked={f.national} /> {t.queue.nationalOnly}
          </label>
          <label>
            <input type="checkbox" name="closed" value="1" checked={f.closed} /> {t.queue.showClosed}
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
  events: CaseEvent[];
  eventActors: Map<string, string>;
  candidates?: CommuneRef[];
  transferText?: string;
  flash?: string;
  error?: string;
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
      {props.error ? (
        <p class="late" role="alert">
          {props.error}
        </p>
      ) : null}
      <p class="help">{t.caseViewedNote}</p>
      <section class="card" aria-labelledby="h-details">
        <h2 id="h-details">{t.details}</h2>
        <dl>
          <dt>{t.col.status}</dt>
          <dd>
            {statusText(v.status)}
            {v.status === 'closed' ? ` — ${v.closeReason ? t.closeWords[v.closeReason] : t.closeUnknown}` : ''}
          </dd>
          <dt>{t.work.level}</dt>
          <dd>{v.level === 'national' ? <span class="badge red">{t.queue.national}</span> : t.levelWords[v.level]}</dd>
          {v.risk ? (
            <>
              <dt>{t.work.riskNow}</dt>
              <dd>{t.riskWords[v.risk]}</dd>
            </>
          ) : null}
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
          <dd>
            <LinkedNumbers text={v.description} />
          </dd>
          {v.photoCount ? (
            <>
              <dt>{t.photos}</dt>
              <dd>{v.photoCount}</dd>
            </>
          ) : null}
          <dt>{t.contact}</dt>
          <dd>{v.contact ? <LinkedNumbers text={v.contact} /> : t.anonymous}</dd>
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
      <WorkForms user={props.user} v={v} candidates={props.candidates} transferText={props.transferText} />
      <HarmForm user={props.user} v={v} events={props.events} />
      <WorkHistory events={props.events} actors={props.eventActors} tz={props.tz} />
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
                    <td data-label={t.channel}>{t.channelName[m.channel] ?? m.channel}</td>
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
