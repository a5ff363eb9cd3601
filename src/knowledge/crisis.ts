// The first reply to a child in danger or to a disclosure of abuse, from content/crisis.yaml:
// the first action, 1–3 steps, the right number first (numbers from hotlines.yaml, as tappable
// calls too), then [Báo tin ngay] and the matching guide. A follow-up never repeats it word for word.
import type { Button, Call, Lang } from '../core/types';
import type { DangerKind, DisclosureKind, TriageOutcome } from '../triage/outcome';
import type { CrisisContent, CrisisReplyText } from './crisis-schema';
import { fill, messages } from './messages';
import type { Guide, Hotlines } from './schema';

export type CrisisOutcome = Exclude<TriageOutcome, { triage: 'question' }>;

export interface CrisisReply {
  text: string;
  buttons: Button[];
  calls: Call[];
  tone: 'urgent' | 'disclosure';
  /** The guide this reply points to. */
  guide: string;
}

export interface CrisisRenderer {
  /** The first reply. */
  first(outcome: CrisisOutcome): CrisisReply;
  /** What to say when the first reply was already given: the number again in other words, and the next useful thing. */
  followUp(outcome: CrisisOutcome): CrisisReply;
}

export const REPORT_PAYLOAD = 'menu:report';

export function createCrisisRenderer(content: CrisisContent, hotlines: Hotlines, guides: readonly Guide[]): CrisisRenderer {
  const bySlug = new Map(guides.map((g) => [g.slug, g]));
  const labelOf = (number: string, lang: Lang) => hotlines.national.find((h) => h.number === number)?.label[lang] ?? number;
  const shortLabel = (label: string) => label.replace(/\s*\(.*\)\s*$/, '');
  const numbersFill = (numbers: string[]) => Object.fromEntries(numbers.map((n, i) => [`n${i + 1}`, n]));
  const calls = (numbers: string[], lang: Lang): Call[] => numbers.map((n) => ({ number: n, label: shortLabel(labelOf(n, lang)) }));
  // Plain digits after the phone sign: Telegram and phones link them; the web turns them into tel: links.
  const numberLines = (numbers: string[], lang: Lang) => numbers.map((n) => `📞 ${n} — ${labelOf(n, lang)}`);
  const steps = (list: string[], values: Record<string, string>) => list.map((s, i) => `${i + 1}. ${fill(s, values)}`);
  const sourceLine = (ids: string[], lang: Lang) => {
    const first = ids.map((id) => content.sources[id]).find((s) => s !== undefined);
    // The short form: a closing "(…)" gloss stays in the data.
    return first ? messages[lang].sourcePrefix + first.cite.replace(/\s*\([^()]*\)\s*$/u, '') : '';
  };
  const guideButton = (slug: string, lang: Lang): Button[] => {
    const g = bySlug.get(slug);
    return g ? [{ label: lang === 'en' ? g.title_en : g.title, payload: `topic:${g.slug}` }] : [];
  };
  const reportButton = (lang: Lang): Button => ({ label: messages[lang].reportNow, payload: REPORT_PAYLOAD });

  function danger(kind: DangerKind, voice: 'child' | 'adult', lang: Lang): CrisisReply {
    const d = content.danger[kind];
    const values = numbersFill(d.numbers);
    const m = messages[lang];
    let reply: CrisisReplyText = d[lang];
    let lead = reply.lead;
    if (voice === 'child') {
      if (d.child) reply = d.child[lang];
      lead = d.child ? reply.lead : `${content.child_default[lang]} ${reply.lead}`;
    }
    const lines = [
      `🚨 ${fill(lead, values)}`,
      '',
      ...steps(reply.steps, values),
      '',
      ...numberLines(d.numbers, lang),
      '',
      voice === 'child' ? m.crisisAfterChild : m.crisisAfter,
    ];
    if (voice === 'adult') lines.push(sourceLine(d.sources, lang));
    return {
      text: lines.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n').trim(),
      buttons: [reportButton(lang), ...guideButton(d.guide, lang)],
      calls: calls(d.numbers, lang),
      tone: 'urgent',
      guide: d.guide,
    };
  }

  function disclosure(kind: DisclosureKind, voice: 'child' | 'adult', lang: Lang): CrisisReply {
    const dis = content.disclosure;
    const k = dis.kinds[kind];
    const v = dis[voice][lang];
    const values = numbersFill(dis.numbers);
    const own = voice === 'child' ? (lang === 'en' ? k.child_en : k.child_vi) : k[lang];
    const lines = [fill(v.lead, values), '', ...steps([...v.steps, ...own], values), '', ...numberLines(dis.numbers, lang), '', fill(v.after, values)];
    if (voice === 'adult') lines.push(sourceLine(k.sources, lang));
    return {
      text: lines.join('\n').trim(),
      buttons: [reportButton(lang), ...guideButton(k.guide, lang)],
      calls: calls(dis.numbers, lang),
      tone: 'disclosure',
      guide: k.guide,
    };
  }

  function numbersOf(outcome: CrisisOutcome): string[] {
    return outcome.triage === 'danger' ? content.danger[outcome.kind].numbers : content.disclosure.numbers;
  }

  return {
    first(outcome) {
      return outcome.triage === 'danger' ? danger(outcome.kind, outcome.voice, outcome.lang) : disclosure(outcome.kind, outcome.voice, outcome.lang);
    },
    followUp(outcome) {
      const base = this.first(outcome);
      const { lang, voice } = outcome;
      const m = messages[lang];
      const [n1] = numbersOf(outcome);
      const g = bySlug.get(base.guide);
      const call = fill(voice === 'child' ? m.crisisAgainChild : outcome.triage === 'danger' ? m.crisisAgainDanger : m.crisisAgainDisclosure, {
        number: n1!,
        label: labelOf(n1!, lang),
      });
      const lines = [call];
      if (g && voice === 'adult') lines.push('', fill(m.crisisNext, { title: lang === 'en' ? g.title_en : g.title }), lang === 'en' ? g.summary_en : g.summary);
      if (voice === 'adult') lines.push('', outcome.triage === 'danger' ? m.crisisReportOffer : m.crisisReportOfferDisclosure);
      const related = (g?.related ?? [])
        .map((slug) => bySlug.get(slug))
        .filter((r): r is Guide => r !== undefined)
        .slice(0, 2)
        .map((r) => ({ label: lang === 'en' ? r.title_en : r.title, payload: `topic:${r.slug}` }));
      return {
        text: lines.join('\n'),
        buttons: [reportButton(lang), ...(g ? [{ label: m.readFullGuide, payload: `guide:full:${g.slug}` }] : []), ...related],
        calls: base.calls,
        tone: base.tone,
        guide: base.guide,
      };
    },
  };
}
