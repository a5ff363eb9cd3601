// The case page's work section: what was done (with its notes, opened for this audited view) and
// the Decree 56 steps as forms — the same steps officers take in chat — plus transfer or assignment.
import type { CaseEvent } from '../../cases/events';
import { AGENCIES, CLOSE_REASONS, RISKS } from '../../cases/procedure';
import type { AdminCaseView } from '../../cases/admin';
import type { CommuneRef } from '../../routing/types';
import type { AdminUser } from '../auth';
import { HARM_KINDS } from '../../annex/harm';
import { annexText } from '../../annex/messages';
import { fill } from '../../core/messages';
import { adminText as t } from '../messages';
import { when } from './format';
import { Csrf } from './layout';
import { LinkedNumbers } from '../../channels/web/phone';

const w = t.work;

function eventText(e: CaseEvent): string {
  const b = e.body;
  const parts: string[] = [];
  if (e.kind === 'assessment' && e.tag) parts.push(t.riskWords[e.tag] ?? e.tag);
  if (e.kind === 'referral' && e.tag) parts.push(`${w.agency}: ${t.agencyWords[e.tag] ?? e.tag}`);
  if (e.kind === 'close' && e.tag) parts.push(t.closeWords[e.tag] ?? e.tag);
  if (e.kind === 'harm' && e.tag) parts.push(annexText.harmWords[e.tag] ?? e.tag);
  if (e.kind === 'transfer' && b.from && b.to) parts.push(`${b.from} → ${b.to}`);
  if (b.needs) parts.push(`${w.needs}: ${b.needs}`);
  if (b.actions) parts.push(`${w.actions}: ${b.actions}`);
  if (b.who) parts.push(`${w.who}: ${b.who}`);
  if (b.due) parts.push(`${w.due}: ${b.due.split('-').reverse().join('/')}`);
  if (b.approver) parts.push(`${w.approver}: ${b.approver}`);
  if (b.note) parts.push(`${w.noteLabel}: ${b.note}`);
  if (b.photo) parts.push('📷');
  return parts.join('\n');
}

export function WorkHistory(props: { events: CaseEvent[]; actors: Map<string, string>; tz: string }) {
  return (
    <section aria-labelledby="h-work" id="work">
      <h2 id="h-work">{w.events}</h2>
      {props.events.length ? (
        <table class="compact stack">
          <thead>
            <tr>
              <th scope="col">{t.when}</th>
              <th scope="col">{t.who}</th>
              <th scope="col">{t.what}</th>
            </tr>
          </thead>
          <tbody>
            {props.events.map((e) => (
              <tr>
                <td data-label={t.when}>{when(e.at, props.tz)}</td>
                <td data-label={t.who}>{props.actors.get(e.actor) ?? t.actionOther}</td>
                <td data-label={t.what}>
                  <strong>{w.kinds[e.kind] ?? e.kind}</strong>
                  <br />
                  <span style="white-space:pre-wrap">
                    <LinkedNumbers text={eventText(e)} />
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{w.eventsNone}</p>
      )}
    </section>
  );
}

function Step(props: { user: AdminUser; v: AdminCaseView; step: string; title: string; children: unknown; open?: boolean }) {
  return (
    <details class="work" open={props.open}>
      <summary>{props.title}</summary>
      <form method="post" action={`/admin/cases/${props.v.ref}/work`}>
        <Csrf user={props.user} />
        <input type="hidden" name="step" value={props.step} />
        {props.children}
        <p>
          <button type="submit">{w.save}</button>
        </p>
      </form>
    </details>
  );
}

export function WorkForms(props: { user: AdminUser; v: AdminCaseView; candidates?: CommuneRef[]; transferText?: string }) {
  const { v, user } = props;
  if (v.status === 'closed') return null;
  const id = (s: string) => `w-${s}`;
  const canTransfer = user.role === 'national' || user.role === 'province';
  return (
    <section class="card" aria-labelledby="h-steps" id="steps">
      <h2 id="h-steps">{w.title}</h2>
      {!v.assessedAt ? (
        <Step user={user} v={v} step="assess" title={w.assess} open>
          <label for={id('assess-note')}>{w.assessNote}</label>
          <textarea id={id('assess-note')} name="note" required maxlength={1000} />
          <label for={id('risk')}>{w.risk}</label>
          <select id={id('risk')} name="risk">
            {RISKS.map((r) => (
              <option value={r}>{t.riskWords[r]}</option>
            ))}
          </select>
        </Step>
      ) : !v.planAt ? (
        <Step user={user} v={v} step="plan" title={w.plan} open>
          <label for={id('needs')}>{w.needs}</label>
          <textarea id={id('needs')} name="needs" required maxlength={1000} />
          <label for={id('actions')}>{w.actions}</label>
          <textarea id={id('actions')} name="actions" required maxlength={1000} />
          <label for={id('who')}>{w.who}</label>
          <input id={id('who')} name="who" required maxlength={300} />
          <label for={id('due')}>{w.due}</label>
          <input id={id('due')} name="due" type="date" required />
        </Step>
      ) : !v.approvedAt ? (
        <Step user={user} v={v} step="approve" title={w.approve} open>
          <label for={id('approver')}>{w.approver}</label>
          <input id={id('approver')} name="approver" required maxlength={200} />
        </Step>
      ) : (
        <>
          <Step user={user} v={v} step="note" title={w.note}>
            <label for={id('note')}>{w.noteLabel}</label>
            <textarea id={id('note')} name="note" required maxlength={1000} />
          </Step>
          <Step user={user} v={v} step="review" title={w.review}>
            <label for={id('review')}>{w.noteLabel}</label>
            <textarea id={id('review')} name="note" required maxlength={1000} />
          </Step>
        </>
      )}
      <Step user={user} v={v} step="refer" title={w.refer}>
        <label for={id('agency')}>{w.agency}</label>
        <select id={id('agency')} name="agency">
          {AGENCIES.map((a) => (
            <option value={a}>{t.agencyWords[a]}</option>
          ))}
        </select>
        <label for={id('refer-note')}>{w.noteLabel}</label>
        <textarea id={id('refer-note')} name="note" required maxlength={1000} />
      </Step>
      {canTransfer ? (
        <Step user={user} v={v} step="transfer" title={w.transfer} open={props.candidates !== undefined}>
          <label for={id('place')}>{w.transferPlace}</label>
          <input id={id('place')} name="place" value={props.transferText ?? ''} maxlength={300} />
          <label for={id('transfer-reason')}>{w.transferReason}</label>
          <input id={id('transfer-reason')} name="reason" maxlength={200} />
          {props.candidates?.length ? (
            <fieldset>
              <legend>{w.transferPick}</legend>
              {props.candidates.map((c, i) => (
                <label>
                  <input type="radio" name="commune" value={c.code} checked={i === 0} /> {c.name}, {c.province_name}
                </label>
              ))}
            </fieldset>
          ) : props.candidates ? (
            <p class="late">{w.transferNone}</p>
          ) : null}
        </Step>
      ) : null}
      <Step user={user} v={v} step="close" title={w.close}>
        <label for={id('close-reason')}>{w.closeReason}</label>
        <select id={id('close-reason')} name="reason">
          {CLOSE_REASONS.map((r) => (
            <option value={r}>{t.closeWords[r]}</option>
          ))}
        </select>
        <label for={id('close-note')}>{w.closeNote}</label>
        <textarea id={id('close-note')} name="note" maxlength={1000} />
      </Step>
    </section>
  );
}

/** The kind of harm, for statistics: a small form shown on every case, open or closed. */
export function HarmForm(props: { user: AdminUser; v: AdminCaseView; events: CaseEvent[] }) {
  const current = [...props.events].reverse().find((e) => e.kind === 'harm')?.tag ?? null;
  return (
    <section class="card" aria-labelledby="h-harm" id="harm">
      <form method="post" action={`/admin/cases/${props.v.ref}/work`}>
        <Csrf user={props.user} />
        <input type="hidden" name="step" value="harm" />
        <h2 id="h-harm">{w.harm}</h2>
        <p class="help">
          {current ? fill(w.harmNow, { kind: annexText.harmWords[current] ?? current }) : w.harmNone} {w.harmHelp}
        </p>
        <div class="row">
          <select name="harm" aria-labelledby="h-harm">
            {HARM_KINDS.map((k) => (
              <option value={k} selected={k === current}>
                {annexText.harmWords[k]}
              </option>
            ))}
          </select>
          <button type="submit">{w.save}</button>
        </div>
      </form>
    </section>
  );
}
