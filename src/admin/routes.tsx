// The /admin router: login, then cases, coverage, deadlines, statistics and the outbox, each limited to
// the user's area. Pages redirect to the login form without credentials; the API and CSV answer 401.
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { pageSecurityHeaders } from '../channels/web/security';
import { Hono } from '../ground/hono';
import { type Context } from 'hono';
import { zaloStatus } from '../channels/zalo/status';
import type { Config } from '../config';
import { fill } from '../core/messages';
import type { Channel } from '../core/types';
import { cases, officers } from '../db/schema';
import { withTransaction } from '../db/tx';
import { enqueue, outboxCounts, requeue } from '../outbox/outbox';
import { byUrgency, getCaseForAdmin, listCasesForAdmin, type AdminCaseSummary } from '../cases/admin';
import { auditAs } from '../cases/audit';
import { findCaseByRef } from '../cases/cases';
import { createInvite, findInvite, revokeInvite } from '../directory/directory';
import { parseInviteCode } from '../directory/enroll';
import { acknowledge, addNote, approve, assess, close as closeCase, isAgency, isCloseReason, isRisk, plan as makePlan, refer, review, type Actor, type StepResult } from '../cases/procedure';
import { caseEventsOf, recordEvent } from '../cases/events';
import { isHarmKind } from '../annex/harm';
import { transferCase } from '../cases/transfer';
import type { CommuneRef } from '../routing/types';
import { parseCaseRef } from '../cases/ref';
import type { Runtime } from '../runtime';
import {
  currentUser,
  endSession,
  isAdminToken,
  issueLoginCode,
  LOGIN_CODE_HOURS,
  loginNonce,
  loginNonceMatches,
  bearerLimited,
  countBearerFailure,
  loginRateLimited,
  markAdminBehindTls,
  officerUser,
  redeemLoginCode,
  startSession,
  type AdminUser,
} from './auth';
import { communeNames, mayInvite, openInvites, provinceCoverage, provinceName, provinceOfficers, searchPlaces, sortCoverage, uncoveredCommunes, type CoverageSort } from './coverage';
import { DEADLINE_DAYS, upcomingDeadlines } from './deadlines';
import { adminText as t } from './messages';
import { problemMessages } from './outbox-view';
import { canSee, managesDirectory, scopeFilter, scopeWhere } from './scope';
import { safeEqual } from '../core/safe-equal';
import { requestIsHttps } from '../core/client-address';
import { caseStats, statsCsv, statsRows, type StatsFilter } from './stats';
import { isYmd, type Annex, type AnnexScope } from '../annex/build';
import { ANNEX_WORLDS, caseAnnex } from '../annex/load';
import { annexPeriod, deadlineOccurrence, monthsBefore } from '../annex/period';
import { mapCommunes, mapProvinces } from '../db/schema';
import { addDays, localDate } from '../reminders/dates';
import { RULES } from '../reminders/rules.generated';
import { markDone } from '../reminders/store';
import { ReportsPage, type ReportsFilters } from './views/reports';
import { auditTrail, caseMessagesOf, eventActors, milestones } from './timeline';
import { CasePage, CasesPage, type CaseFilters, type QueueCounts } from './views/cases';
import { CoveragePage } from './views/coverage';
import { DeadlinesPage, type CaseClockDue } from './views/deadlines';
import { anyLate, CASE_STATUSES } from './views/format';
import { LoginPage, MessagePage } from './views/login';
import { OutboxPage } from './views/outbox';
import { StatsPage } from './views/stats';
import { ContentPage } from './views/content';
import { listGuides } from '../knowledge';

export interface AdminOptions {
  /** The client address for the login rate limit (the socket address on Node). */
  clientIp?: (c: Context) => string;
  /** True when TRUST_PROXY_HEADER is set: X-Forwarded-Proto: https then makes the cookies Secure. */
  trustProxy?: boolean;
  /** Writes an annex as .xlsx (Node only: exceljs stays out of the Worker bundle). Absent: no download. */
  xlsx?: (annex: Annex) => Promise<Uint8Array>;
}

type Env = { Variables: { user: AdminUser } };

const CASE_CLOCK_DAYS = 7;
const OPEN_STATUSES = CASE_STATUSES.filter((s) => s !== 'closed');

/** A dashboard user as a case actor: the national admin acts at the national level, not as "an officer". */
export function adminActor(user: AdminUser): Actor {
  return { name: user.actor, level: user.role === 'national' ? 'national' : user.role === 'province' ? 'province' : 'commune' };
}

export function adminRoutes(rt: Runtime, config: Config, opts: AdminOptions = {}): Hono {
  const app = new Hono<Env>();
  const { db, sealer } = rt.core;
  const tz = config.TZ_REGION;
  const clientIp = opts.clientIp ?? ((c: Context) => c.req.header('cf-connecting-ip') ?? 'unknown');

  app.use('*', pageSecurityHeaders({ images: true }));
  app.use('*', async (c, next) => {
    if (requestIsHttps(c, Boolean(opts.trustProxy))) markAdminBehindTls(c);
    await next();
  });
  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  // --- Login (the only pages open without credentials) ---
  app.get('/login', async (c) => {
    // Only a session cookie counts here: a bearer header on the login page would be an unthrottled oracle.
    if (c.req.header('authorization') === undefined && (await currentUser(c, db, config, rt.now()))) return c.redirect('/admin', 303);
    return c.html(<LoginPage nonce={loginNonce(c)} tokenConfigured={!!config.ADMIN_TOKEN} />);
  });

  app.post('/login', async (c) => {
    const at = rt.now();
    if (await loginRateLimited(db, clientIp(c), at)) {
      c.header('Retry-After', '60');
      return c.html(<LoginPage nonce={loginNonce(c)} error={t.loginLimited} tokenConfigured={!!config.ADMIN_TOKEN} />, 429);
    }
    const form = await c.req.parseBody();
    if (!loginNonceMatches(c, form._csrf)) return c.html(<MessagePage title="403" text={t.forbidden} />, 403);
    const code = typeof form.code === 'string' ? form.code.slice(0, 200) : '';
    if (isAdminToken(config, code)) {
      await startSession(c, db, { role: 'national', scopeCode: null, actor: 'admin:token', officerId: null }, at);
      await auditAs(db, at, 'admin:token', 'admin.login', null);
      return c.redirect('/admin', 303);
    }
    const officer = await redeemLoginCode(db, code, at);
    if (officer) {
      const u = officerUser(officer, null, null);
      await startSession(c, db, { role: u.role, scopeCode: u.scopeCode, actor: u.actor, officerId: officer.id }, at);
      await auditAs(db, at, u.actor, 'admin.login', null);
      return c.redirect('/admin', 303);
    }
    return c.html(<LoginPage nonce={loginNonce(c)} error={t.loginFailed} tokenConfigured={!!config.ADMIN_TOKEN} />, 401);
  });

  // --- Everything else needs a user ---
  app.use('*', async (c, next) => {
    const at = rt.now();
    // Wrong bearer tokens are counted per address like wrong login codes; past the limit even the
    // right one waits for the next minute, so the token cannot be guessed through the header.
    const bearer = c.req.header('authorization') !== undefined;
    if (bearer && (await bearerLimited(db, clientIp(c), at))) {
      return c.json({ ok: false, error: 'too many attempts' }, 429, { 'Retry-After': '60' });
    }
    const user = await currentUser(c, db, config, at);
    if (!user && bearer) await countBearerFailure(db, clientIp(c), at);
    if (!user) {
      const api = c.req.path.startsWith('/admin/api/') || c.req.path.endsWith('.csv') || c.req.header('authorization') !== undefined;
      if (api) return c.json({ ok: false, error: 'unauthorized' }, 401, { 'WWW-Authenticate': 'Bearer' });
      if (c.req.method === 'GET') return c.redirect('/admin/login', 302);
      return c.html(<MessagePage title="401" text={t.forbidden} />, 401);
    }
    c.set('user', user);
    // A cookie session must prove each form came from our page (the token is bound to the session).
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && user.csrf) {
      const form = await c.req.parseBody();
      if (typeof form._csrf !== 'string' || !safeEqual(form._csrf, user.csrf)) {
        return c.html(<MessagePage title="403" text={t.forbidden} />, 403);
      }
    }
    await next();
  });

  app.post('/logout', async (c) => {
    await endSession(c, db, c.get('user'));
    return c.redirect('/admin/login', 303);
  });

  // --- Cases ---
  async function filteredCases(user: AdminUser, f: CaseFilters, at: Date): Promise<AdminCaseSummary[]> {
    const scope = scopeFilter(user);
    const list = await listCasesForAdmin(db, sealer, {
      status: f.status || undefined,
      open: !f.status && !f.closed,
      ref: f.q || undefined,
      level: f.national ? 'national' : undefined,
      emergency: f.emergency ? true : undefined,
      provinceCode: scope.provinceCode ?? (f.province || undefined),
      communeCode: scope.communeCode ?? (f.commune || undefined),
      worlds: scope.worlds,
      limit: 500,
      tz,
    });
    return (f.overdue ? list.filter((c) => anyLate(c.clocks, at)) : list).sort(byUrgency);
  }

  function readFilters(c: Context): CaseFilters {
    const status = c.req.query('status') ?? '';
    const commune = c.req.query('commune') ?? '';
    const province = c.req.query('province') ?? '';
    return {
      status: (CASE_STATUSES as readonly string[]).includes(status) ? status : '',
      commune: /^\d{5}$/.test(commune) ? commune : '',
      overdue: c.req.query('overdue') === '1',
      q: (c.req.query('q') ?? '').trim().slice(0, 20),
      province: /^\d{2}$/.test(province) ? province : '',
      emergency: c.req.query('emergency') === '1',
      national: c.req.query('national') === '1',
      closed: c.req.query('closed') === '1',
    };
  }

  /** The counters above the queue, over the user's whole area. */
  async function queueCounts(user: AdminUser, at: Date): Promise<QueueCounts> {
    // Counted in the database, so no case is left out of a counter however many there are.
    const isOpen = sql`${cases.status} <> 'closed'`;
    const [n] = await db
      .select({
        open: sql<number>`sum(case when ${isOpen} then 1 else 0 end)`,
        national: sql<number>`sum(case when ${isOpen} and ${cases.level} = 'national' then 1 else 0 end)`,
        emergency: sql<number>`sum(case when ${isOpen} and ${cases.emergency} then 1 else 0 end)`,
        closed: sql<number>`sum(case when ${isOpen} then 0 else 1 end)`,
      })
      .from(cases)
      .where(scopeWhere(user));
    const open = await listCasesForAdmin(db, sealer, { ...scopeFilter(user), open: true, limit: 500, tz });
    return {
      open: Number(n?.open ?? 0),
      national: Number(n?.national ?? 0),
      emergency: Number(n?.emergency ?? 0),
      overdue: open.filter((c) => anyLate(c.clocks, at)).length,
      closed: Number(n?.closed ?? 0),
    };
  }

  app.get('/', async (c) => {
    const user = c.get('user');
    const at = rt.now();
    const filters = readFilters(c);
    const list = await filteredCases(user, filters, at);
    const codes = await db
      .selectDistinct({ code: cases.communeCode })
      .from(cases)
      .where(and(scopeWhere(user), isNotNull(cases.communeCode)));
    const names = await communeNames(db, codes.map((r) => r.code!));
    const communes = codes.map((r) => ({ code: r.code!, name: names.get(r.code!) ?? r.code! })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    return c.html(<CasesPage user={user} cases={list} filters={filters} communes={communes} counts={await queueCounts(user, at)} at={at} tz={tz} />);
  });

  app.get('/api/cases', async (c) => {
    const at = rt.now();
    const list = await filteredCases(c.get('user'), readFilters(c), at);
    return c.json({ ok: true, cases: list.map((x) => ({ ...x, overdue: anyLate(x.clocks, at) })) });
  });

  /** The case if this user covers it; a refusal is audited and looks like "not found". */
  async function visibleCase(c: Context<Env>) {
    const user = c.get('user');
    const ref = parseCaseRef(c.req.param('ref') ?? '');
    const row = ref ? await findCaseByRef(db, ref) : undefined;
    if (row && !canSee(user, row)) {
      await auditAs(db, rt.now(), user.actor, 'case.access_denied', row.id, { via: 'admin' });
      return null;
    }
    return row ?? null;
  }

  /** The case page (the view is audited), with an optional flash, error or transfer pick. */
  async function casePage(c: Context<Env>, ref: string, extra: { flash?: string; error?: string; candidates?: CommuneRef[]; transferText?: string } = {}, status: 200 | 400 = 200) {
    const user = c.get('user');
    const at = rt.now();
    const view = await getCaseForAdmin(db, sealer, ref, user.actor, at, tz);
    if (!view) return c.html(<MessagePage title="404" text={t.notFound} />, 404);
    const fresh = (await findCaseByRef(db, ref))!;
    const [audit, events] = await Promise.all([auditTrail(db, fresh), caseEventsOf(db, sealer, fresh.id)]);
    return c.html(
      <CasePage
        user={user}
        view={view}
        milestones={milestones(fresh)}
        audit={audit}
        messages={await caseMessagesOf(db, fresh.id)}
        events={events}
        eventActors={await eventActors(db, fresh, events.map((e) => e.actor))}
        {...extra}
        at={at}
        tz={tz}
      />,
      status,
    );
  }

  app.get('/cases/:ref', async (c) => {
    const row = await visibleCase(c);
    if (!row) return c.html(<MessagePage title="404" text={t.notFound} />, 404);
    const done = c.req.query('done');
    return casePage(c, row.ref, { flash: done === 'ack' ? t.ackDone : done === 'work' ? t.work.done : undefined });
  });

  /** One Decree 56 step from the dashboard: the same rules and records as in chat. */
  app.post('/cases/:ref/work', async (c) => {
    const user = c.get('user');
    const row = await visibleCase(c);
    if (!row) return c.html(<MessagePage title="404" text={t.notFound} />, 404);
    const form = await c.req.parseBody();
    const field = (k: string, max = 1000) => (typeof form[k] === 'string' ? (form[k] as string).trim().slice(0, max) : '');
    const step = field('step', 20);
    const at = rt.now();
    const actor = adminActor(user);
    if (step === 'harm') {
      // The kind of harm, for the annex's statistics: any staff member who sees the case, open or closed.
      const kind = field('harm', 20);
      if (!isHarmKind(kind)) return casePage(c, row.ref, { error: t.work.refused }, 400);
      await withTransaction(db, async (tx) => {
        await recordEvent(tx, sealer, { caseId: row.id, at, kind: 'harm', actor: actor.name, level: actor.level, tag: kind });
        await auditAs(tx, at, user.actor, 'case.harm_set', row.id, { harm: kind });
      });
      return c.redirect(`/admin/cases/${row.ref}?done=work#work`, 303);
    }
    if (step === 'transfer') {
      if (user.role !== 'national' && user.role !== 'province') return c.html(<MessagePage title="403" text={t.notAllowed} />, 403);
      const place = field('place', 300);
      const code = field('commune', 5);
      let target: CommuneRef | undefined = /^\d{5}$/.test(code) ? await rt.core.services.commune?.(code) : undefined;
      if (!target && place && rt.core.services.resolveAddress) {
        const r = await rt.core.services.resolveAddress(place);
        if (r.commune) target = r.commune;
        else return casePage(c, row.ref, { candidates: r.candidates.slice(0, 8), transferText: place }, 400);
      }
      if (!target) return casePage(c, row.ref, { candidates: [], transferText: place }, 400);
      const reason = field('reason', 200) || t.work.transferReasonDefault;
      const ids = await withTransaction(db, async (tx) => {
        const current = (await findCaseByRef(tx, row.ref))!;
        const done = await transferCase({ db: tx, sealer, tz }, current, target!, actor, reason, at);
        return done ? enqueue(tx, sealer, done.messages, at) : null;
      });
      if (ids === null) return casePage(c, row.ref, { error: t.work.refused }, 400);
      await rt.deliver(ids, at);
      // A provincial user who moved the case out of the province no longer sees it.
      if (!canSee(user, { communeCode: target.code, provinceCode: target.province_code, world: row.world })) {
        return c.html(<MessagePage title={t.work.done} text={fill(t.work.transferred, { commune: `${target.name}, ${target.province_name}` })} />);
      }
      return c.redirect(`/admin/cases/${row.ref}?done=work#work`, 303);
    }
    const ids = await withTransaction(db, async (tx) => {
      const current = (await findCaseByRef(tx, row.ref))!;
      const deps = { db: tx, sealer };
      let r: StepResult | null = null;
      const note = field('note');
      switch (step) {
        case 'assess': {
          const risk = field('risk', 10);
          if (note && isRisk(risk)) r = await assess(deps, current, actor, at, { note, risk });
          break;
        }
        case 'plan': {
          const plan = { needs: field('needs'), actions: field('actions'), who: field('who', 300), due: field('due', 10) };
          if (plan.needs && plan.actions && plan.who && /^\d{4}-\d{2}-\d{2}$/.test(plan.due)) r = await makePlan(deps, current, actor, at, plan);
          break;
        }
        case 'approve':
          if (field('approver', 200)) r = await approve(deps, current, actor, at, { approver: field('approver', 200) });
          break;
        case 'note':
          if (note) r = await addNote(deps, current, actor, at, note);
          break;
        case 'review':
          if (note) r = await review(deps, current, actor, at, note);
          break;
        case 'refer': {
          const agency = field('agency', 10);
          if (note && isAgency(agency)) r = await refer(deps, current, actor, at, { agency, note });
          break;
        }
        case 'close': {
          const reason = field('reason', 12);
          if (isCloseReason(reason) && (reason !== 'other' || note)) r = await closeCase(deps, current, actor, at, { reason, note: note || undefined }, tz);
          break;
        }
      }
      if (!r || !r.ok) return null;
      return enqueue(tx, sealer, r.messages, at);
    });
    if (ids === null) return casePage(c, row.ref, { error: t.work.refused }, 400);
    await rt.deliver(ids, at);
    return c.redirect(`/admin/cases/${row.ref}?done=work#work`, 303);
  });

  app.post('/cases/:ref/ack', async (c) => {
    const user = c.get('user');
    const row = await visibleCase(c);
    if (!row) return c.html(<MessagePage title="404" text={t.notFound} />, 404);
    const at = rt.now();
    const ids = await withTransaction(db, async (tx) => {
      const current = (await findCaseByRef(tx, row.ref))!;
      const result = await acknowledge({ db: tx, sealer }, current, adminActor(user), at);
      return enqueue(tx, sealer, result.ok ? result.messages : [], at);
    });
    await rt.deliver(ids, at);
    return c.redirect(`/admin/cases/${row.ref}?done=ack#audit`, 303);
  });

  // --- Coverage, invites, login codes, unrouted queue ---
  app.get('/coverage', async (c) => {
    const user = c.get('user');
    if (!managesDirectory(user)) return c.html(<MessagePage title="403" text={t.notAllowed} />, 403);
    const at = rt.now();
    const asked = c.req.query('province') ?? '';
    const code = user.role === 'province' ? user.scopeCode! : /^\d{2}$/.test(asked) ? asked : null;
    const name = code ? await provinceName(db, code) : null;
    const selected =
      code && (name || user.role === 'province')
        ? { code, name: name ?? code, uncovered: await uncoveredCommunes(db, code), officers: await provinceOfficers(db, code) }
        : null;
    // The national queue: every open case nobody below holds (unrouted, or escalated all the way up).
    const unrouted = (await listCasesForAdmin(db, sealer, { level: 'national', status: OPEN_STATUSES, ...scopeFilter(user), limit: 200, tz })).sort(byUrgency);
    const sent = Number(c.req.query('sent'));
    // Only an officer this user may send a code to is named back (a province sees its own province only).
    const sentRow = Number.isInteger(sent) && sent > 0 ? (await db.select().from(officers).where(eq(officers.id, sent)).limit(1))[0] : undefined;
    const sentTo = sentRow && (user.role === 'national' || sentRow.provinceCode === user.scopeCode) ? sentRow : undefined;
    const revoked = parseInviteCode(c.req.query('revoked') ?? '');
    const flash =
      c.req.query('ok') === 'invite'
        ? t.inviteCreate + ' ✓'
        : revoked
          ? fill(t.inviteRevoked, { code: revoked })
          : sentTo
            ? fill(t.loginCodeSent, { name: sentTo.name, channel: sentTo.channel })
            : undefined;
    const sortAsked = c.req.query('sort');
    const sort: CoverageSort = sortAsked === 'coverage' || sortAsked === 'uncovered' ? sortAsked : 'name';
    const placeText = (c.req.query('place') ?? '').slice(0, 100);
    const places = placeText ? await searchPlaces(db, user, placeText, rt.core.services.resolveAddress) : null;
    const made = await findInvite(db, c.req.query('invite') ?? '');
    const madeIn = made && (await mayInvite(db, user, made.communeCode, made.role === 'supervisor' ? 'supervisor' : 'officer')) ? made : undefined;
    const inviteMessage = madeIn ? await inviteText(madeIn) : undefined;
    return c.html(
      <CoveragePage
        user={user}
        provinces={sortCoverage(await provinceCoverage(db, user), sort)}
        sort={sort}
        placeText={placeText}
        places={places}
        inviteMessage={inviteMessage}
        selected={selected}
        invites={await openInvites(db, user, at, config.INVITE_TTL_DAYS)}
        unrouted={unrouted}
        flash={flash}
        error={c.req.query('err') === 'invite' ? t.inviteBad : c.req.query('err') === 'revoke' ? t.inviteRevokeBad : undefined}
        at={at}
        tz={tz}
      />,
    );
  });

  /** The ready-to-send invite message for Zalo or Telegram, naming the place and the code. */
  async function inviteText(invite: { code: string; communeCode: string; role: string }): Promise<string> {
    const isProvince = /^\d{2}$/.test(invite.communeCode);
    const place = isProvince ? ((await provinceName(db, invite.communeCode)) ?? invite.communeCode) : ((await communeNames(db, [invite.communeCode])).get(invite.communeCode) ?? invite.communeCode);
    return fill(t.inviteMessage, {
      role: fill(invite.role === 'supervisor' ? t.inviteRoleSupervisor : t.inviteRoleOfficer, { place }),
      place,
      code: invite.code,
      days: config.INVITE_TTL_DAYS,
    });
  }

  app.post('/invites', async (c) => {
    const user = c.get('user');
    if (!managesDirectory(user)) return c.html(<MessagePage title="403" text={t.notAllowed} />, 403);
    const form = await c.req.parseBody();
    let code = typeof form.code === 'string' ? form.code.trim().slice(0, 100) : '';
    const role = form.role === 'supervisor' ? 'supervisor' : 'officer';
    // A commune typed by name (old or new): one match is taken, several are shown to pick from.
    if (code && !/^\d{2}$|^\d{5}$/.test(code)) {
      const hits = await searchPlaces(db, user, code, rt.core.services.resolveAddress);
      if (hits.length !== 1) return c.redirect(`/admin/coverage?place=${encodeURIComponent(code)}#place`, 303);
      code = hits[0]!.code;
    }
    if (!(await mayInvite(db, user, code, role))) return c.redirect('/admin/coverage?err=invite#invites', 303);
    const at = rt.now();
    const invite = await createInvite(db, code, role, at);
    await auditAs(db, at, user.actor, 'admin.invite_created', null, { unit: code, role });
    return c.redirect(`/admin/coverage?ok=invite&invite=${encodeURIComponent(invite.code)}#invite-message`, 303);
  });

  app.post('/invites/:code/revoke', async (c) => {
    const user = c.get('user');
    if (!managesDirectory(user)) return c.html(<MessagePage title="403" text={t.notAllowed} />, 403);
    const invite = await findInvite(db, c.req.param('code'));
    // The same rule as for making it: an invite outside this user's scope is not theirs to withdraw.
    const role = invite?.role === 'supervisor' ? 'supervisor' : 'officer';
    if (!invite || !(await mayInvite(db, user, invite.communeCode, role))) return c.redirect('/admin/coverage?err=revoke#invites', 303);
    const at = rt.now();
    if ((await revokeInvite(db, invite.code, at)) !== 'revoked') return c.redirect('/admin/coverage?err=revoke#invites', 303);
    await auditAs(db, at, user.actor, 'admin.invite_revoked', null, { unit: invite.communeCode, role });
    return c.redirect(`/admin/coverage?revoked=${encodeURIComponent(invite.code)}#invites`, 303);
  });

  app.post('/officers/:id/login-code', async (c) => {
    const user = c.get('user');
    if (!managesDirectory(user)) return c.html(<MessagePage title="403" text={t.notAllowed} />, 403);
    const id = Number(c.req.param('id'));
    const [o] = Number.isInteger(id) ? await db.select().from(officers).where(and(eq(officers.id, id), eq(officers.active, true))).limit(1) : [];
    if (!o || (user.role === 'province' && o.provinceCode !== user.scopeCode)) return c.html(<MessagePage title="404" text={t.notFound} />, 404);
    const at = rt.now();
    const ids = await withTransaction(db, async (tx) => {
      const code = await issueLoginCode(tx, o.id, user.actor, at);
      await auditAs(tx, at, user.actor, 'admin.login_code_sent', null, { officer: o.id });
      return enqueue(
        tx,
        sealer,
        [
          {
            to: { channel: o.channel as Channel, userId: o.channelUserId },
            text: fill(t.loginCodeMessage, { code, hours: LOGIN_CODE_HOURS }),
            buttons: [],
            state: null,
            kind: 'status',
            dedupeKey: `admin-login-code:${o.id}:${at.getTime()}:${crypto.randomUUID().slice(0, 8)}`,
          },
        ],
        at,
      );
    });
    await rt.deliver(ids, at);
    return c.redirect(`/admin/coverage?province=${o.provinceCode}&sent=${o.id}#province`, 303);
  });

  // --- Deadlines ---
  app.get('/deadlines', async (c) => {
    const user = c.get('user');
    const at = rt.now();
    const open = await listCasesForAdmin(db, sealer, { status: OPEN_STATUSES, ...scopeFilter(user), limit: 500, tz });
    const horizon = at.getTime() + CASE_CLOCK_DAYS * 86_400_000;
    const caseClocks: CaseClockDue[] = open
      .flatMap((x) => x.clocks.filter((k) => !k.done && k.dueAt.getTime() <= horizon).map((clock) => ({ ref: x.ref, clock })))
      .sort((a, b) => a.clock.dueAt.getTime() - b.clock.dueAt.getTime());
    const items = await upcomingDeadlines(db, user, at, tz);
    const markers = items.flatMap((i) => i.units.flatMap((u) => (u.markedBy?.via === 'dashboard' ? [Number(/^officer:(\d+)$/.exec(u.markedBy.actor)?.[1])] : [])));
    const ids = [...new Set([...items.flatMap((i) => i.units.map((u) => u.officerId)), ...markers.filter(Number.isInteger)])];
    const officerNames = new Map<number, string>();
    if (ids.length) for (const o of await db.select({ id: officers.id, name: officers.name }).from(officers).where(inArray(officers.id, ids))) officerNames.set(o.id, o.name);
    return c.html(<DeadlinesPage user={user} items={items} officerNames={officerNames} days={DEADLINE_DAYS} caseClocks={caseClocks} caseDays={CASE_CLOCK_DAYS} at={at} tz={tz} />);
  });

  // "Đã nộp" from the dashboard: the same mark as the chat button, for a unit in the user's area.
  app.post('/deadlines/done', async (c) => {
    const user = c.get('user');
    const at = rt.now();
    const form = await c.req.parseBody();
    const text = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : '');
    const officerId = Number(text('officer'));
    const item = (await upcomingDeadlines(db, user, at, tz)).find((i) => i.rule.id === text('rule') && i.occurrence.period === text('period'));
    if (!item || item.rule.kind !== 'deadline' || !item.units.some((u) => u.officerId === officerId)) return c.html(<MessagePage title="403" text={t.notAllowed} />, 403);
    const added = await markDone(db, { ruleId: item.rule.id, period: item.occurrence.period, officerIds: [String(officerId)], at });
    if (added) await auditAs(db, at, user.actor, 'reminder.done', null, { rule: item.rule.id, period: item.occurrence.period, officer: officerId, via: 'dashboard' });
    return c.redirect('/admin/deadlines', 303);
  });

  // --- Statistics ---
  /** The statistics filter of a request (dates in Vietnam time, a province for national staff), or null when a date is bad. */
  function statsFilter(c: Context<Env>): StatsFilter | null {
    const q = (k: string) => (c.req.query(k) ?? '').trim();
    const f: StatsFilter = {};
    if (q('from')) f.from = q('from');
    if (q('to')) f.to = q('to');
    if (/^\d{2}$/.test(q('province')) && c.get('user').role === 'national') f.province = q('province');
    if ((f.from && !isYmd(f.from)) || (f.to && !isYmd(f.to)) || (f.from && f.to && f.from > f.to)) return null;
    return f;
  }
  const statsQuery = (f: StatsFilter) => new URLSearchParams(Object.entries(f).filter(([, v]) => v) as Array<[string, string]>).toString();

  app.get('/stats', async (c) => {
    const user = c.get('user');
    const f = statsFilter(c);
    if (!f) return c.html(<MessagePage title="400" text={t.reports.badDates} />, 400);
    const stats = await caseStats(db, await statsRows(db, user, f, tz), rt.now(), tz);
    const provinces = user.role === 'national' ? await db.select({ code: mapProvinces.code, name: mapProvinces.fullName }).from(mapProvinces).orderBy(mapProvinces.code) : [];
    return c.html(<StatsPage user={user} stats={stats} filter={f} provinces={provinces} query={statsQuery(f)} />);
  });

  app.get('/stats.csv', async (c) => {
    const user = c.get('user');
    const f = statsFilter(c);
    if (!f) return c.text(t.reports.badDates, 400);
    const rows = await statsRows(db, user, f, tz);
    await auditAs(db, rt.now(), user.actor, 'admin.csv_export', null, { rows: rows.length, ...f });
    return c.body(await statsCsv(db, rows, tz), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="baove-vu-viec.csv"',
    });
  });

  // --- Reports: the case annex of a period, for the user's area ---
  /** The annex a request asks for, or an error page's text (bad dates, or a unit outside the user's area). */
  async function annexFor(c: Context<Env>): Promise<{ annex: Annex; filters: ReportsFilters; query: string } | { error: string; status: 400 | 403 }> {
    const user = c.get('user');
    const q = (k: string) => (c.req.query(k) ?? '').trim();
    const today = localDate(rt.now(), tz);
    const filters: ReportsFilters = { from: q('from'), to: q('to'), province: q('province'), commune: q('commune'), rule: q('rule'), period: q('period') };
    let basis: { text: string; verified: boolean } | undefined;
    // A reporting rule's period (the reminder's link): the rule and its source decide the dates.
    const deadline = filters.rule ? deadlineOccurrence(RULES, filters.rule, filters.period) : undefined;
    if (deadline) {
      const period = annexPeriod(deadline.rule, deadline.occurrence);
      filters.from ||= period.from;
      filters.to ||= period.to;
      basis = { text: period.basis, verified: period.verified };
    }
    filters.to ||= today;
    filters.from ||= monthsBefore(addDays(filters.to, 1), 6);
    if (!isYmd(filters.from) || !isYmd(filters.to) || filters.from > filters.to) return { error: t.reports.badDates, status: 400 };
    let scope: AnnexScope = { level: 'national' };
    if (user.role === 'commune') scope = { level: 'commune', code: user.scopeCode! };
    else {
      if (user.role === 'province') scope = { level: 'province', code: user.scopeCode! };
      else if (/^\d{2}$/.test(filters.province)) scope = { level: 'province', code: filters.province };
      if (filters.commune) {
        const [commune] = /^\d{5}$/.test(filters.commune) ? await db.select({ province: mapCommunes.provinceCode }).from(mapCommunes).where(eq(mapCommunes.code, filters.commune)).limit(1) : [];
        if (!commune || (user.role === 'province' && commune.province !== user.scopeCode)) return { error: t.reports.notYours, status: 403 };
        scope = { level: 'commune', code: filters.commune };
      }
    }
    const annex = await caseAnnex(db, { scope, from: filters.from, to: filters.to, tz, at: rt.now(), worlds: scopeFilter(user).worlds ?? ANNEX_WORLDS, ...(basis ? { periodBasis: basis } : {}) });
    const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as Array<[string, string]>).toString();
    return { annex, filters, query };
  }

  app.get('/reports', async (c) => {
    const user = c.get('user');
    const r = await annexFor(c);
    if ('error' in r) return c.html(<MessagePage title={String(r.status)} text={r.error} />, r.status);
    await auditAs(db, rt.now(), user.actor, 'admin.annex_viewed', null, { from: r.filters.from, to: r.filters.to, scope: r.annex.scopeLabel });
    const provinces = user.role === 'national' ? await db.select({ code: mapProvinces.code, name: mapProvinces.fullName }).from(mapProvinces).orderBy(mapProvinces.code) : [];
    return c.html(<ReportsPage user={user} annex={r.annex} filters={r.filters} provinces={provinces} xlsx={!!opts.xlsx} query={r.query} />);
  });

  app.get('/reports.xlsx', async (c) => {
    const user = c.get('user');
    if (!opts.xlsx) return c.html(<MessagePage title="404" text={t.reports.noXlsx} />, 404);
    const r = await annexFor(c);
    if ('error' in r) return c.html(<MessagePage title={String(r.status)} text={r.error} />, r.status);
    await auditAs(db, rt.now(), user.actor, 'admin.annex_export', null, { from: r.filters.from, to: r.filters.to, scope: r.annex.scopeLabel });
    const body = await opts.xlsx(r.annex);
    return c.body(body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="phu-luc-${r.filters.from}-${r.filters.to}.xlsx"`,
    });
  });

  // --- Content review (national staff): the guides' review state, kept out of parents' answers ---
  app.get('/content', async (c) => {
    const user = c.get('user');
    if (user.role !== 'national') return c.html(<MessagePage title="403" text={t.notAllowed} />, 403);
    return c.html(<ContentPage user={user} guides={listGuides()} />);
  });

  // --- Outbox (national staff: it is the whole installation's delivery queue) ---
  app.get('/outbox', async (c) => {
    const user = c.get('user');
    if (user.role !== 'national') return c.html(<MessagePage title="403" text={t.notAllowed} />, 403);
    const z = await zaloStatus(db);
    const retried = Number(c.req.query('retried'));
    return c.html(
      <OutboxPage
        user={user}
        counts={await outboxCounts(db)}
        problems={await problemMessages(db)}
        channelsOn={new Set(Object.keys(rt.senders))}
        now={rt.now()}
        zalo={{ enabled: config.zaloEnabled, ...z }}
        flash={Number.isInteger(retried) && retried > 0 ? fill(t.retried, { id: retried }) : undefined}
        tz={tz}
      />,
    );
  });

  app.post('/outbox/:id/retry', async (c) => {
    const user = c.get('user');
    if (user.role !== 'national') return c.html(<MessagePage title="403" text={t.notAllowed} />, 403);
    const id = Number(c.req.param('id'));
    const at = rt.now();
    if (Number.isInteger(id) && (await requeue(db, id, at))) {
      await auditAs(db, at, user.actor, 'outbox.requeued', null, { id });
      await rt.deliver([id], at);
      return c.redirect(`/admin/outbox?retried=${id}`, 303);
    }
    return c.redirect('/admin/outbox', 303);
  });

  return app as unknown as Hono;
}

