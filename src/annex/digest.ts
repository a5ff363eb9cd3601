// The annex in a few lines of chat: what the "📊 Số liệu cho báo cáo" button under a deadline
// reminder answers with, in the officer's language, with the same "<5" rule as the tables.
import type { Lang } from '../core/types';
import { formatVi, localTime } from '../reminders/dates';
import { fill, reminderMessages } from '../reminders/messages';
import { shown, type Annex } from './build';

export function annexDigest(annex: Annex, o: { title: string; lang: Lang; tz: string; at: Date; verified: boolean; url: string | null }): string {
  const t = reminderMessages[o.lang];
  const n = (v: number) => String(shown(v, annex.small));
  const tot = annex.totals;
  const now = localTime(o.at, o.tz);
  const hm = `${String(Math.floor(now.minutes / 60)).padStart(2, '0')}:${String(now.minutes % 60).padStart(2, '0')} ${formatVi(now.date)}`;
  return [
    fill(t.annexHeader, { title: o.title, scope: annex.scopeLabel, from: formatVi(annex.from), to: formatVi(annex.to) }),
    ...(annex.partial ? [fill(t.annexPartial, { at: hm })] : []),
    ...(o.verified ? [] : [t.annexUnverified]),
    fill(t.annexReceived, { received: n(tot.received), emergencies: n(tot.emergencies) }),
    fill(t.annexMissed, { emergency: n(tot.missed.emergency), plan: n(tot.missed.plan), approval: n(tot.missed.approval) }),
    fill(t.annexMoves, { referrals: n(tot.referrals), transfers: n(tot.transfers), escalations: n(tot.escalations) }),
    fill(t.annexClosedOpen, { closed: n(tot.closed), open: n(tot.open) }),
    fill(t.annexCoverage, { covered: tot.coverage.covered, communes: tot.coverage.communes }),
    t.annexPrivacy,
    o.url ? fill(t.annexLink, { url: o.url }) : t.annexNoLink,
  ].join('\n');
}
