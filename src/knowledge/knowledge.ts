// Assembles the guidance capability from compiled content: triage, search, decisions, rendering.
// A factory (not module state) so tests can run it on small fixture guides.
import { once } from '../ground/once';
import { createDetector } from '../triage/detect';
import type { TriageModelData } from '../triage/model';
import { createAsker, type Asker } from './answer';
import { createRenderer, type Renderer } from './render';
import type { Guide, Hotline, Hotlines, Offtopic, Synonyms, TriageRules } from './schema';
import { createSearcher, type Searcher } from './search';
import type { PackedIndex } from './search-index';
import { createTopicModel, type TopicModelData } from './topic-model';

export interface CompiledContent {
  guides: Guide[];
  searchIndex: PackedIndex;
  synonyms: Synonyms;
  triage: TriageRules;
  hotlines: Hotlines;
  offtopic: Offtopic;
  /** The triage classifier (src/triage/model.generated.ts); without it, triage is rules only. */
  triageModel?: TriageModelData;
  /** The topic classifier (src/knowledge/topic-model.generated.ts); without it, the search alone ranks. */
  topicModel?: TopicModelData;
}

export interface Knowledge extends Asker, Renderer {
  getGuide(slug: string): Guide | undefined;
  listGuides(): Guide[];
  hotlines(): Hotline[];
  searcher: Searcher;
}

export function createKnowledge(content: CompiledContent): Knowledge {
  // The index (unpacked into MiniSearch), the compiled triage rules and the asker are made on the
  // first question, not with the rest: a menu, a topic or the hotlines never need them, and on a
  // Worker the first request of a fresh isolate (often /start) would otherwise pay for them.
  const searcher = once(() => createSearcher(content.searchIndex, content.synonyms));
  const asker = once(() => createAsker(searcher(), createDetector(content.triage, content.triageModel), content.offtopic, content.synonyms.shorthand, content.topicModel && createTopicModel(content.topicModel)));
  // The guides (the largest part of the content) are parsed with the first guide, topic list or
  // answer: /start and the menu show only the hotlines.
  const renderer = once(() => createRenderer(content.guides, content.hotlines));
  const bySlug = once(() => new Map(content.guides.map((g) => [g.slug, g])));
  const allLines = once((): Hotline[] => [...content.hotlines.national, ...content.hotlines.provincial]);
  return {
    ask: (text) => asker().ask(text),
    renderAnswer: (result, lang) => renderer().renderAnswer(result, lang),
    renderGuideFull: (slug, lang) => renderer().renderGuideFull(slug, lang),
    renderTopicList: (lang) => renderer().renderTopicList(lang),
    renderHotlines: (lang, provinceCode) => renderer().renderHotlines(lang, provinceCode),
    get searcher() {
      return searcher();
    },
    getGuide: (slug) => bySlug().get(slug),
    listGuides: () => [...content.guides],
    hotlines: () => [...allLines()],
  };
}
