// Public API of the guidance capability, bound to the content compiled by `npm run build:content`.
// The index is loaded (unpacked and MiniSearch.loadJS, never re-indexed) on first use.
import type { Button, Lang } from '../core/types';
import { triageModel } from '../triage/model.generated';
import * as compiled from './compiled.generated';
import { topicModel } from './topic-model.generated';
import { createKnowledge, type CompiledContent, type Knowledge } from './knowledge';
import { emergencyShortLine, inEmergencyOrder } from './render';
import type { AskResult, Decision } from './answer';
import type { Guide, Hotline } from './schema';

export type { AskResult, Decision } from './answer';
export type { Guide, Hotline } from './schema';

/**
 * The compiled content, each part parsed when first read: the guides and hotlines with the first
 * menu, the index, triage rules and classifier with the first question (createKnowledge's once()).
 */
export const compiledContent: CompiledContent = {
  get guides() {
    return compiled.guides();
  },
  get searchIndex() {
    return compiled.searchIndex();
  },
  get synonyms() {
    return compiled.synonyms();
  },
  get triage() {
    return compiled.triage();
  },
  get hotlines() {
    return compiled.hotlines();
  },
  get offtopic() {
    return compiled.offtopic();
  },
  get triageModel() {
    return triageModel();
  },
  get topicModel() {
    return topicModel();
  },
};

let instance: Knowledge | undefined;
function knowledge(): Knowledge {
  instance ??= createKnowledge(compiledContent);
  return instance;
}

/** Triage first, then search: emergency, a guide, "not sure" with suggestions, or out of scope. */
export function ask(text: string): AskResult {
  return knowledge().ask(text);
}

export function getGuide(slug: string): Guide | undefined {
  return knowledge().getGuide(slug);
}

export function listGuides(): Guide[] {
  return knowledge().listGuides();
}

export function hotlines(): Hotline[] {
  return knowledge().hotlines();
}

export function renderAnswer(result: Decision, lang: Lang): { text: string; buttons: Button[] } {
  return knowledge().renderAnswer(result, lang);
}

export function renderGuideFull(slug: string, lang: Lang): { text: string; buttons: Button[] } | null {
  return knowledge().renderGuideFull(slug, lang);
}

export function renderTopicList(lang: Lang): { text: string; buttons: Button[] } {
  return knowledge().renderTopicList(lang);
}

export function renderHotlines(lang: Lang, provinceCode?: string | null): string {
  return knowledge().renderHotlines(lang, provinceCode);
}

/** The numbers an emergency answer lists first, in order (content/hotlines.yaml `emergency_order`). */
export function emergencyHotlines(): Hotline[] {
  return inEmergencyOrder(compiled.hotlines().emergency_order, knowledge().hotlines());
}

/** "113 (Công an), 111 (…), 115 (…)": the emergency numbers on one line. */
export function emergencyLine(lang: Lang): string {
  return emergencyShortLine(emergencyHotlines(), lang);
}
