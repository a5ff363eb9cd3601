// Deadlines: reporting deadlines and events ahead (and who pressed "Đã nộp báo cáo"), then case clocks due soon.
import { fill } from '../../core/messages';
import { formatVi, localDate } from '../../reminders/dates';
import { periodLabel } from '../../reminders/messages';
import type { AdminUser } from '../auth';
import type { DeadlineItem } from '../deadlines';
import { adminText as t } from '../messages';
import { clockLeft, clockName, isLate, when } from './format';
import { Csrf, Layout } from './layout';
import type { CaseClock } from '../../cases/clocks';

export interface CaseClockDue {
  ref: string;
  clock: CaseClock;
}

export function DeadlinesPage(p: { user: AdminUser; items: DeadlineItem[]; officerNames: Map<number, string>; days: number; caseClocks: CaseClockDue[]; caseDays: number; at: Date; tz: string }) {
  const today = localDate(p.at, p.tz);
  const past = (i: DeadlineItem) => i.rule.kind === 'deadline' && i.occurrence.due < today;
  return (
    <Layout user={p.user} section="deadlines" title={t.deadlinesTitle}>
      <h1>{t.deadlinesTitle}</h1>
      <p class="help">{fill(t.deadlinesHelp, { days: p.days })}</p>
      {p.items.length === 0 ? (
        <p class="card">{t.deadlineNone}</p>
      ) : (
        <table class="stack">
          <thead>
            <tr>
              <th scope="col">{t.deadlineDue}</th>
              <th scope="col">{t.deadlineWhat}</th>
              <th scope="col">{t.deadlinePeriod}</th>
              <th scope="col">{t.deadlineDone}</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((i) => (
              <tr class={past(i) ? 'overdue' : undefined}>
                <td data-label={t.deadlineDue}>
                  {formatVi(i.occurrence.due)}
                  {i.occurrence.end ? ` – ${formatVi(i.occurrence.end)}` : ''}
                  {past(i) ? (
                    <>
                      {' '}
                      <span class="badge red">{t.deadlinePast}</span>
                    </>
                  ) : null}
                </td>
                <td data-label={t.deadlineWhat}>
                  <span class="badge amber">{t.deadlineKind[i.rule.kind]}</span> {i.rule.title.vi}
                  {i.rule.verified ? null : (
                    // An assumed day says where the rule comes from, what is assumed, and how to set the real day.
                    <details class="assumed">
                      <summary>{t.deadlineAssumed}</summary>
                      <p>
                        {t.deadlineSource} {i.rule.source.doc}
                      </p>
                      {i.rule.notes ? <p>{i.rule.notes.vi}</p> : null}
                      <p>{fill(t.deadlineHowToSet, { id: i.rule.id })}</p>
                    </details>
                  )}
                </td>
                <td data-label={t.deadlinePeriod}>
                  {periodLabel(i.occurrence.period, 'vi')}
                  {i.rule.kind === 'deadline' ? (
                    <>
                      {' · '}
                      <a href={`/admin/reports?rule=${encodeURIComponent(i.rule.id)}&period=${encodeURIComponent(i.occurrence.period)}`}>{t.deadlineAnnex}</a>
                    </>
                  ) : null}
                </td>
                <td data-label={t.deadlineDone}>
                  {i.rule.kind === 'deadline' ? (
                    i.audience === 0 ? (
                      // Nobody receives this reminder: say why and where to fix it, not "0/0".
                      <p class="help" data-no-recipients={i.rule.id}>
                        {t.deadlineNoRecipients} <a href="/admin/coverage">{t.deadlineFixRecipients}</a>
                      </p>
                    ) : (
                      <details>
                        <summary>
                          {fill(t.deadlineDoneCount, { done: i.done.length, all: i.audience })}
                        </summary>
                        <ul class="units" data-units={`${i.rule.id}|${i.occurrence.period}`}>
                          {i.units.map((u) => (
                            <li>
                              {names(p, u.officerId)} ({u.communeCode}) —{' '}
                              {u.done ? (
                                fill(t.deadlineMarkedAt, { at: when(u.done, p.tz) }) +
                                (u.markedBy?.via === 'dashboard' ? fill(t.deadlineByDashboard, { who: markedBy(p, u.markedBy.actor) }) : t.deadlineByChat)
                              ) : (
                                <form method="post" action="/admin/deadlines/done" class="inline">
                                  <Csrf user={p.user} />
                                  <input type="hidden" name="rule" value={i.rule.id} />
                                  <input type="hidden" name="period" value={i.occurrence.period} />
                                  <input type="hidden" name="officer" value={String(u.officerId)} />
                                  {t.deadlineNotYet} <button type="submit">{t.deadlineMark}</button>
                                </form>
                              )}
                            </li>
                          ))}
                        </ul>
                      </details>
                    )
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{fill(t.caseClocksTitle, { days: p.caseDays })}</h2>
      {p.caseClocks.length === 0 ? (
        <p class="card">{t.caseClocksNone}</p>
      ) : (
        <table class="stack">
          <thead>
            <tr>
              <th scope="col">{t.col.ref}</th>
              <th scope="col">{t.deadlineWhat}</th>
              <th scope="col">{t.deadlineDue}</th>
            </tr>
          </thead>
          <tbody>
            {p.caseClocks.map((c) => (
              <tr class={isLate(c.clock, p.at) ? 'overdue' : undefined}>
                <td data-label={t.col.ref}>
                  <a href={`/admin/cases/${c.ref}`}>{c.ref}</a>
                </td>
                <td data-label={t.deadlineWhat}>{clockName(c.clock)}</td>
                <td data-label={t.deadlineDue} class={isLate(c.clock, p.at) ? 'late' : undefined}>
                  {when(c.clock.dueAt, p.tz)} ({clockLeft(c.clock, p.at)})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

function names(p: { officerNames: Map<number, string> }, id: number): string {
  return p.officerNames.get(id) ?? `#${id}`;
}

/** The staff member who marked a unit on the dashboard, by the audit actor. */
function markedBy(p: { officerNames: Map<number, string> }, actor: string): string {
  const officer = /^officer:(\d+)$/.exec(actor);
  if (officer) return names(p, Number(officer[1]));
  return t.actorNational;
}
