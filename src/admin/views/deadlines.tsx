// Deadlines: reporting deadlines and events ahead (and who pressed "Đã nộp báo cáo"), then case clocks due soon.
import { fill } from '../../core/messages';
import { formatVi, localDate } from '../../reminders/dates';
import { periodLabel } from '../../reminders/messages';
import type { AdminUser } from '../auth';
import type { DeadlineItem } from '../deadlines';
import { adminText as t } from '../messages';
import { clockLeft, clockName, isLate, when } from './format';
import { Layout } from './layout';
import type { CaseClock } from '../../cases/clocks';

export interface CaseClockDue {
  ref: string;
  clock: CaseClock;
}

export function DeadlinesPage(p: { user: AdminUser; items: DeadlineItem[]; days: number; caseClocks: CaseClockDue[]; caseDays: number; at: Date; tz: string }) {
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
                <td data-label={t.deadlinePeriod}>{periodLabel(i.occurrence.period, 'vi')}</td>
                <td data-label={t.deadlineDone}>
                  {i.rule.kind === 'deadline' ? (
                    <details>
                      <summary>
                        {i.done.length}/{i.audience}
                      </summary>
                      {i.done.length ? (
                        <ul>
                          {i.done.map((d) => (
                            <li>
                              {d.name} ({d.communeCode}) — {when(d.at, p.tz)}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <p>{t.deadlineNobody}</p>
                      )}
                    </details>
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
