// The officer's side of reminders: /nhacviec lists what is coming; "Đã nộp báo cáo" stops a period;
// "📊 Số liệu cho báo cáo" answers with the unit's annex for that deadline's period.
import type { AnnexScope } from '../annex/build';
import { annexDigest } from '../annex/digest';
import { caseAnnex } from '../annex/load';
import { annexPeriod, deadlineOccurrence } from '../annex/period';
import type { Ctx, Feature } from '../core/context';
import { worldsFor } from '../directory/officers';
import { formatVi, localDate } from './dates';
import { fill, periodLabel, reminderMessages } from './messages';
import { occurrencesInYear } from './occurrences';
import { RULES } from './rules.generated';
import type { RuleSpec } from './schema';
import { doneKey, matchesAudience, upcomingFor, type UpcomingItem } from './schedule';
import { loadDone, loadMuted, loadRecipients, markDone } from './store';

export const UPCOMING_DAYS = 60;
/** Units answered in one reply to the annex button (an officer rarely holds more than one). */
const MAX_ANNEX_UNITS = 3;
const MAX_LINES = 25;

export function createRemindersFeature(opts: { rules?: readonly RuleSpec[] } = {}): Feature {
  const rules = opts.rules ?? RULES;

  async function officerRows(ctx: Ctx) {
    return loadRecipients(ctx.deps.db, { channel: ctx.inc.channel, channelUserId: ctx.inc.userId });
  }

  async function list(ctx: Ctx): Promise<void> {
    const t = reminderMessages[ctx.lang];
    const rows = await officerRows(ctx);
    if (rows.length === 0) return ctx.reply(t.officersOnly);
    const today = localDate(ctx.at, ctx.deps.config.TZ_REGION);
    const items = new Map<string, UpcomingItem>();
    for (const r of rows) {
      for (const item of upcomingFor(rules, r, today, UPCOMING_DAYS)) items.set(`${item.rule.id}|${item.occurrence.period}`, item);
    }
    if (items.size === 0) return ctx.reply(fill(t.upcomingNone, { days: UPCOMING_DAYS }));
    const sorted = [...items.values()].sort((a, b) => a.occurrence.due.localeCompare(b.occurrence.due) || a.rule.id.localeCompare(b.rule.id));
    const [done, muted] = await Promise.all([
      loadDone(ctx.deps.db, sorted.map((i) => ({ ruleId: i.rule.id, period: i.occurrence.period }))),
      loadMuted(ctx.deps.db),
    ]);
    const lines = sorted.slice(0, MAX_LINES).map(({ rule, occurrence }) => {
      const isDone = rows.some((r) => done.has(doneKey(rule.id, occurrence.period, r.id)));
      const marks =
        (isDone ? (rule.kind === 'deadline' ? t.markDone : t.markEventDone) : '') +
        (rule.verified ? '' : t.markAssumed) +
        (muted.has(rule.id) ? t.markMuted : '');
      return fill(t.upcomingLine, {
        due: formatVi(occurrence.due),
        title: rule.title[ctx.lang],
        period: periodLabel(occurrence.period, ctx.lang),
        marks,
      });
    });
    ctx.reply([fill(t.upcomingHeader, { days: UPCOMING_DAYS }), ...lines, '', t.upcomingFooter].join('\n'));
  }

  async function done(ctx: Ctx, ruleId: string | undefined, period: string | undefined): Promise<void> {
    const t = reminderMessages[ctx.lang];
    const rule = rules.find((r) => r.id === ruleId);
    const year = Number(period?.slice(0, 4));
    if (!rule || !period || !Number.isInteger(year) || !occurrencesInYear(rule, year).some((o) => o.period === period)) {
      return ctx.reply(t.doneUnknown);
    }
    const rows = await officerRows(ctx);
    if (rows.length === 0) return ctx.reply(t.officersOnly);
    const mine = rows.filter((r) => matchesAudience(rule, r));
    if (mine.length === 0) return ctx.reply(t.doneNotYours);
    const values = { title: rule.title[ctx.lang], period: periodLabel(period, ctx.lang) };
    const added = await markDone(ctx.deps.db, { ruleId: rule.id, period, officerIds: mine.map((r) => r.id), at: ctx.at, byUserId: ctx.user.id });
    if (added === 0) return ctx.reply(fill(t.doneAlready, values));
    await ctx.audit('reminder.done', null, { ruleId: rule.id, period, officerIds: mine.map((r) => Number(r.id)) });
    ctx.reply(fill(t.doneRecorded, values));
  }

  /** "📊 Số liệu cho báo cáo": the annex of that deadline's period for each unit of the officer's, in short. */
  async function annex(ctx: Ctx, ruleId: string | undefined, period: string | undefined): Promise<void> {
    const t = reminderMessages[ctx.lang];
    const found = ruleId && period ? deadlineOccurrence(rules, ruleId, period) : undefined;
    if (!found) return ctx.reply(t.doneUnknown);
    const rows = await officerRows(ctx);
    if (rows.length === 0) return ctx.reply(t.officersOnly);
    const mine = rows.filter((r) => matchesAudience(found.rule, r));
    if (mine.length === 0) return ctx.reply(t.annexNotYours);
    const p = annexPeriod(found.rule, found.occurrence);
    const tz = ctx.deps.config.TZ_REGION;
    const base = ctx.deps.config.PUBLIC_URL?.trim().replace(/\/+$/, '');
    const url = base ? `${base}/admin/reports?rule=${encodeURIComponent(found.rule.id)}&period=${encodeURIComponent(period!)}` : null;
    // A supervisor's unit is the province; an officer's, the commune. One officer may hold several.
    const scopes = new Map<string, { scope: AnnexScope; officer: (typeof mine)[number] }>();
    for (const r of mine) {
      const scope: AnnexScope = r.role === 'supervisor' ? { level: 'province', code: r.provinceCode } : { level: 'commune', code: r.communeCode };
      scopes.set(`${scope.level}:${scope.code}`, { scope, officer: r });
    }
    const parts: string[] = [];
    for (const { scope, officer } of [...scopes.values()].slice(0, MAX_ANNEX_UNITS)) {
      const a = await caseAnnex(ctx.deps.db, { scope, from: p.from, to: p.to, tz, at: ctx.at, worlds: worldsFor(officer), periodBasis: { text: p.basis, verified: p.verified } });
      parts.push(annexDigest(a, { title: found.rule.title[ctx.lang], lang: ctx.lang, tz, at: ctx.at, verified: p.verified, url }));
    }
    await ctx.audit('annex.viewed', null, { rule: found.rule.id, period, units: [...scopes.keys()].slice(0, MAX_ANNEX_UNITS), via: 'chat' });
    ctx.reply(parts.join('\n\n'));
  }

  return {
    name: 'reminders',
    commands: { nhacviec: list, reminders: list },
    buttons: {
      remind: async (ctx, [action, ruleId, period]) => {
        if (action === 'done') return done(ctx, ruleId, period);
        if (action === 'annex') return annex(ctx, ruleId, period);
        ctx.reply(reminderMessages[ctx.lang].doneUnknown);
      },
    },
  };
}

export const remindersFeature: Feature = createRemindersFeature();
