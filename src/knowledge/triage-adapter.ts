// TEMPORARY: the triage contract (src/triage/outcome.ts) over today's detectEmergency, until the
// real classifyTriage lands in src/triage. Danger only; no disclosures; voice and language guessed.
import { detectEmergency } from '../triage';
import type { DangerKind, TriageOutcome } from '../triage/outcome';
import { looksEnglish } from './text';

const KIND: Record<string, DangerKind> = {
  drowning_now: 'drowning',
  suicide: 'suicide',
  sexual_assault: 'sexual_abuse',
  abduction: 'abduction',
  missing_now: 'abduction',
  severe_injury: 'injury',
  violence_now: 'violence',
  danger_now: 'violence',
};

export function classifyTriage(text: string): TriageOutcome {
  const lang = looksEnglish(text) ? 'en' : 'vi';
  const voice = /^\s*(em|con|mình|tôi)\s+(bị|đang|muốn)\b/iu.test(text) && !/\b(con|bé|cháu)\s+(tôi|mình|em)\b/iu.test(text) ? 'child' : 'adult';
  const d = detectEmergency(text);
  if (d.emergency && d.kind) return { triage: 'danger', kind: KIND[d.kind] ?? 'violence', voice, lang };
  return { triage: 'question', kind: null, voice, lang };
}
