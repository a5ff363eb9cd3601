// Shapes answers for chat: text plus buttons. Emergency replies put the hotlines first, before
// anything else; every number comes from content/hotlines.yaml.
import type { Button, Lang } from '../core/types';
import type { Decision } from './answer';
import { markdownToChat } from './chat-text';
import { fill, messages } from './messages';
import type { Guide, Hotline, Hotlines, Source } from './schema';

export interface Rendered {
  text: string;
  buttons: Button[];
}

const MAX_RELATED = 3;
const MAX_SUGGESTIONS = 4;

/** A cite without its notes: a law's " — …" remark and a closing "(…)" gloss stay in the data. */
export function shortCite(source: Source): string {
  const cite = source.kind === 'law' ? source.cite.split(' — ')[0]! : source.cite;
  return cite.replace(/\s*\([^()]*\)\s*$/u, '').trim();
}

export interface Renderer {
  renderAnswer(result: Decision, lang: Lang): Rendered;
  renderGuideFull(slug: string, lang: Lang): Rendered | null;
  renderTopicList(lang: Lang): Rendered;
  renderHotlines(lang: Lang, provinceCode?: string | null): string;
}

/** The lines among `list` that `order` names, in that order (content/hotlines.yaml `emergency_order`). */
export function inEmergencyOrder(order: readonly string[], list: readonly Hotline[]): Hotline[] {
  return order.flatMap((n) => list.filter((h) => h.number === n));
}

/** "113 (Công an), 111 (…), 115 (…)": numbers with their short labels, for a one-line reminder. */
export function emergencyShortLine(list: readonly Hotline[], lang: Lang): string {
  return list.map((h) => `${h.number} (${h.label[lang].replace(/\s*\(.*\)\s*$/, '')})`).join(', ');
}

export function createRenderer(guides: readonly Guide[], hotlines: Hotlines): Renderer {
  const bySlug = new Map(guides.map((g) => [g.slug, g]));
  const titleOf = (g: Guide, lang: Lang) => (lang === 'en' ? g.title_en : g.title);
  const topicButton = (g: Guide, lang: Lang): Button => ({ label: titleOf(g, lang), payload: `topic:${g.slug}` });
  const allTopicsButton = (lang: Lang): Button => ({ label: messages[lang].allTopics, payload: 'menu:topics' });

  /**
   * One source, in a short line: the guide's first law or guidance source (a local plan only when
   * there is nothing else). The review state stays in the data and on the dashboard, not here.
   */
  function sourceLine(g: Guide, lang: Lang): string {
    const source = g.sources.find((s) => s.kind !== 'plan') ?? g.sources[0]!;
    return messages[lang].sourcePrefix + shortCite(source);
  }

  function relatedButtons(g: Guide, lang: Lang): Button[] {
    return g.related
      .map((slug) => bySlug.get(slug))
      .filter((r): r is Guide => r !== undefined)
      .slice(0, MAX_RELATED)
      .map((r) => topicButton(r, lang));
  }

  function hotlineLine(number: string, lang: Lang): string {
    const line = hotlines.national.find((h) => h.number === number);
    return line ? `📞 ${line.number} — ${line.label[lang]}` : `📞 ${number}`;
  }

  function emergency(topic: string | null, lang: Lang): Rendered {
    const m = messages[lang];
    const guide = topic ? bySlug.get(topic) : undefined;
    const lines = [
      ...hotlines.emergency_order.map((n) => hotlineLine(n, lang)),
      '',
      m.emergencyLead,
      m.emergencyReport,
    ];
    if (guide) lines.push('', fill(m.emergencyTopic, { title: titleOf(guide, lang) }));
    const buttons: Button[] = [{ label: m.reportNow, payload: 'menu:report' }];
    if (guide) buttons.push(topicButton(guide, lang));
    return { text: lines.join('\n'), buttons };
  }

  function answer(g: Guide, lang: Lang): Rendered {
    // The first sentence answers the question: the summary comes first, the title is on "Xem thêm".
    const summary = lang === 'en' ? g.summary_en : g.summary;
    return {
      text: [summary, '', sourceLine(g, lang)].join('\n'),
      buttons: [{ label: messages[lang].more, payload: `guide:full:${g.slug}` }, ...relatedButtons(g, lang)],
    };
  }

  return {
    renderAnswer(result: Decision, lang: Lang): Rendered {
      const m = messages[lang];
      switch (result.kind) {
        case 'emergency':
          return emergency(result.topic, lang);
        case 'answer': {
          const g = bySlug.get(result.topic);
          if (g) return answer(g, lang);
          return { text: m.unsureNoSuggestion, buttons: [allTopicsButton(lang)] };
        }
        case 'unsure': {
          const suggested = result.suggestions
            .map((s) => bySlug.get(s))
            .filter((g): g is Guide => g !== undefined)
            .slice(0, MAX_SUGGESTIONS)
            .map((g) => topicButton(g, lang));
          return {
            text: suggested.length > 0 ? m.unsure : m.unsureNoSuggestion,
            buttons: [...suggested, allTopicsButton(lang)],
          };
        }
        case 'offtopic':
          return { text: fill(m.offtopic, { emergency: emergencyShortLine(inEmergencyOrder(hotlines.emergency_order, hotlines.national), lang) }), buttons: [allTopicsButton(lang)] };
      }
    },

    renderGuideFull(slug: string, lang: Lang): Rendered | null {
      const g = bySlug.get(slug);
      if (!g) return null;
      const head = lang === 'en' ? [g.title_en, '', g.summary_en, '', messages.en.fullInVietnamese, ''] : [];
      return {
        text: [...head, g.title, '', markdownToChat(g.body), '', sourceLine(g, lang)].join('\n'),
        buttons: [...relatedButtons(g, lang), allTopicsButton(lang)],
      };
    },

    renderTopicList(lang: Lang): Rendered {
      return { text: messages[lang].topicListIntro, buttons: guides.map((g) => topicButton(g, lang)) };
    },

    renderHotlines(lang: Lang, provinceCode?: string | null): string {
      const m = messages[lang];
      const lines = [m.hotlinesTitle, ...hotlines.national.map((h) => `📞 ${h.number} — ${h.label[lang]}`)];
      // A provincial line only for people in that province (known from their report), and only once
      // someone has confirmed the number: an unverified number is never shown to anyone.
      const local = hotlines.provincial.filter((h) => h.verified && h.province_code !== undefined && h.province_code === provinceCode);
      if (local.length > 0) {
        lines.push('', m.provincialTitle);
        for (const h of local) lines.push(`• ${h.province}: ${h.number} — ${h.label[lang]}`);
      }
      return lines.join('\n');
    },
  };
}
