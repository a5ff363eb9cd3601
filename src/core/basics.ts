// The basic feature: welcome, menu, help, language, cancel, about, hotlines.
import { desc, eq } from 'drizzle-orm';
import { cases, users } from '../db/schema';
import { filedByAny, reporterTags } from '../cases/reporter-link';
import { renderHotlines, renderTopicList } from '../knowledge';
import type { Ctx, Feature } from './context';
import { catalogues, fill } from './messages';
import { emergencyLine, mainMenuButtons } from './menu';
import type { Lang } from './types';

async function showMenu(ctx: Ctx): Promise<void> {
  ctx.reply(ctx.t.menuPrompt, mainMenuButtons(ctx.t));
}

async function start(ctx: Ctx, arg = ''): Promise<void> {
  ctx.setState(null);
  const lang: Lang = arg === 'en' ? 'en' : ctx.lang;
  const t = catalogues[lang];
  ctx.reply(fill(t.welcome, { emergency: emergencyLine(lang) }), mainMenuButtons(t));
}

/** "cảm ơn", "ok", "thank you" on their own: a short answer and the way on, not "out of scope". */
async function thanks(ctx: Ctx, arg = ''): Promise<void> {
  const lang: Lang = arg === 'en' ? 'en' : ctx.lang;
  const t = catalogues[lang];
  ctx.reply(fill(t.thanks, { emergency: emergencyLine(lang) }), mainMenuButtons(t));
}

async function help(ctx: Ctx): Promise<void> {
  const isOfficer = ctx.user.role === 'officer' || ctx.user.role === 'supervisor';
  const text = fill(ctx.t.help, { emergency: emergencyLine(ctx.lang) }) + (isOfficer ? `\n\n${ctx.t.officerHelp}` : '');
  ctx.reply(text, mainMenuButtons(ctx.t));
}

async function cancel(ctx: Ctx, links: MenuLinks): Promise<void> {
  if (links.cancelReport && ctx.state.step?.startsWith('report.')) return links.cancelReport(ctx);
  const hadStep = ctx.state.step !== null;
  ctx.setState(null);
  ctx.reply(hadStep ? ctx.t.cancelled : ctx.t.nothingToCancel, mainMenuButtons(ctx.t));
}

async function setLang(ctx: Ctx, lang: Lang): Promise<void> {
  await ctx.deps.db.update(users).set({ lang }).where(eq(users.id, ctx.user.id));
  ctx.user.lang = lang;
  ctx.lang = lang;
  ctx.t = catalogues[lang];
  ctx.reply(ctx.t.langSet, mainMenuButtons(ctx.t));
}

async function hotlinesReply(ctx: Ctx): Promise<void> {
  ctx.reply(renderHotlines(ctx.lang, await provinceOf(ctx)), mainMenuButtons(ctx.t));
}

/** The province a person is known to be in: that of their latest report, if any (nothing else is kept). */
async function provinceOf(ctx: Ctx): Promise<string | null> {
  const [row] = await ctx.deps.db
    .select({ province: cases.provinceCode })
    .from(cases)
    .where(filedByAny(await reporterTags(ctx.deps.sealer, ctx.user.id)))
    .orderBy(desc(cases.receivedAt))
    .limit(1);
  return row?.province ?? null;
}

async function topics(ctx: Ctx): Promise<void> {
  const list = renderTopicList(ctx.lang);
  ctx.reply(list.text, list.buttons);
}

/** Entry points owned by other features, reachable from the main menu. */
export interface MenuLinks {
  startReport?: (ctx: Ctx) => Promise<void>;
  /** "Huỷ" during a report: the report's own words (nothing was sent). */
  cancelReport?: (ctx: Ctx) => Promise<void>;
}

function notBuilt(ctx: Ctx, feature: string): void {
  ctx.reply(fill(ctx.t.notBuilt, { feature, emergency: emergencyLine(ctx.lang) }), mainMenuButtons(ctx.t));
}

export const createBasicsFeature = (links: MenuLinks = {}): Feature => ({
  name: 'basics',
  commands: {
    start: (ctx) => start(ctx),
    batdau: (ctx) => start(ctx),
    // Plain greetings and thanks (core/words.ts) pass the language they were said in.
    chao: start,
    camon: thanks,
    help,
    huongdan: help,
    menu: showMenu,
    cancel: (ctx) => cancel(ctx, links),
    huy: (ctx) => cancel(ctx, links),
    lang: async (ctx, arg) => {
      const wanted = arg.toLowerCase();
      if (wanted === 'en' || wanted === 'vi') return setLang(ctx, wanted);
      ctx.reply(ctx.t.langPrompt, [
        { label: 'Tiếng Việt', payload: 'lang:vi' },
        { label: 'English', payload: 'lang:en' },
      ]);
    },
    sos: hotlinesReply,
    khancap: hotlinesReply,
    about: async (ctx) => ctx.reply(ctx.t.about, mainMenuButtons(ctx.t)),
    gioithieu: async (ctx) => ctx.reply(ctx.t.about, mainMenuButtons(ctx.t)),
  },
  buttons: {
    menu: async (ctx, [action]) => {
      switch (action) {
        case 'main':
          return showMenu(ctx);
        case 'ask':
        case 'topics':
          return topics(ctx);
        case 'hotlines':
          return hotlinesReply(ctx);
        case 'about':
          ctx.reply(ctx.t.about, mainMenuButtons(ctx.t));
          return;
        case 'cancel':
          return cancel(ctx, links);
        case 'report':
          return links.startReport ? links.startReport(ctx) : notBuilt(ctx, ctx.t.menuReport);
        default:
          ctx.reply(ctx.t.expiredButton, mainMenuButtons(ctx.t));
      }
    },
    lang: async (ctx, [lang]) => setLang(ctx, lang === 'en' ? 'en' : 'vi'),
  },
});
