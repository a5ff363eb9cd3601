// The emergency view of triage, for callers that only ask "is this an emergency?":
// `emergency` is true exactly when the triage outcome is danger now (src/triage/classify.ts).
import type { TriageRules } from '../knowledge/schema';
import { createTriage, type RuleDecision, type Triage } from './classify';
import { createTriageModel, type TriageModelData } from './model';
import type { TriageOutcome } from './outcome';
import { messageShape } from './shape';
import type { VoiceReading } from './voice';

export interface Detection {
  emergency: boolean;
  /** The danger kind when `emergency`, else null. */
  kind: string | null;
  /** The full outcome: danger, disclosure or question, with kind, voice and language. */
  outcome: TriageOutcome;
}

export interface Detector {
  detect(text: string): Detection;
  classify(text: string): TriageOutcome;
  /** The outcome and why: the rule that fired, and the classifier's reason when it raised the outcome. */
  explain(text: string): { outcome: TriageOutcome; why: string };
  /** Who is writing, with the evidence each side (src/triage/voice.ts). */
  voice(text: string): VoiceReading;
  /** Guides a reply of this kind may point to, the usual one first. */
  topicsFor(kind: string, triage?: 'danger' | 'disclosure'): string[];
}

/**
 * Below this P(danger) the classifier vetoes a weak rule danger (session 10, docs/triage.md): in
 * 5-fold cross-validation on the training phrasings the lowest real danger with such weak evidence
 * scored 0.014, and none below 0.01.
 */
export const WEAK_DANGER_VETO = 0.005;

/**
 * A danger the rules found on weak evidence only — every kind that fired did so on a child named near
 * the danger word ("con", "bé", "my son"), with no "now", "just happened", sign of distress, cry,
 * threat, phrase of its own or grave child term anywhere in the message ("có nên cho con mang điện
 * thoại để gọi khi bị lạc không") — and that the classifier finds far-fetched (P(danger) below
 * WEAK_DANGER_VETO) is not danger: it goes on as the rules' question (the classifier may still raise
 * it to a disclosure). The reason, or null when the danger stands.
 */
export function vetoed(d: RuleDecision, pDanger: number): string | null {
  if (!weakDanger(d) || pDanger >= WEAK_DANGER_VETO) return null;
  return `weak danger vetoed: only a child near the danger word, classifier P(danger) ${pDanger.toFixed(4)} < ${WEAK_DANGER_VETO}`;
}

/** A rule danger whose every kind fired only on a child named near the danger word (see vetoed). */
function weakDanger(d: RuleDecision): boolean {
  if (d.outcome.triage !== 'danger' || d.by !== 'rules' || d.event !== false) return false;
  return !!d.evidence && d.evidence.length > 0 && d.evidence.every((e) => e === 'child');
}

/**
 * Below this P(danger) + P(disclosure) the classifier takes a second look at a rule alarm in a
 * message shaped like a question about a film, a game, homework or children in general (session 11,
 * docs/triage.md). In 5-fold cross-validation on the training phrasings and on every tuning set, the
 * lowest real danger or disclosure of that shape scored 0.19, the false alarms it removes up to 0.03.
 */
export const SHAPE_VETO = 0.03;

/**
 * A rule alarm (a danger the rules' own cues found, but not on a danger phrase, or a disclosure) in a message that nothing in the
 * rules reads as a real event (no firm "now", "just happened", distress, cry or threat) and whose whole
 * shape is a question about something framed or general: it is asked ("?", a final "không/gì/sao", an
 * opening "how/why/is…"), it is about a film, the news, a game, a play or homework, or about children
 * in general with no child of the writer's named, and no word of it says now (src/triage/shape.ts).
 * "Phim Squid Game có nhiều cảnh giết người, con 10 tuổi xem được không?", "Are button batteries really
 * that dangerous for kids?". When the classifier also finds it far-fetched (P(alarm) below SHAPE_VETO)
 * it is a question. The reason, or null when the alarm stands.
 */
export function shapeVetoed(d: RuleDecision, text: string, pAlarm: number): string | null {
  if (!framedOrGeneral(d, text) || pAlarm >= SHAPE_VETO) return null;
  return `a question about ${messageShape(text).frame ? 'a film, game, the news or homework' : 'children in general'}, nothing says now; classifier P(alarm) ${pAlarm.toFixed(4)} < ${SHAPE_VETO}`;
}

/** Does the second look of shapeVetoed apply, whatever the classifier says? (also for scripts/tune-triage.ts --shape-veto) */
export function framedOrGeneral(d: RuleDecision, text: string): boolean {
  if (d.outcome.triage === 'question' || d.event !== false) return false;
  // A danger phrase of its own ("a child drowning", "bỏng nặng") is the rules' full statement of it.
  if (d.outcome.triage === 'danger' && (d.by !== 'rules' || d.evidence?.includes('phrase'))) return false;
  const s = messageShape(text);
  return s.ask && !s.now && (s.frame || (s.general && !s.mine));
}

/**
 * Rules first (content/triage.yaml); with a model (src/triage/model.ts), the classifier may then
 * raise a question to a disclosure or danger, or a disclosure to danger. Without one, rules only.
 * It may raise a question even where general or prevention wording cancelled the danger words: a
 * gate that stopped it there saved a false alarm or two in a few hundred messages and lost a danger on
 * two sets, and recall comes first (docs/triage.md).
 */
export function createDetector(rules: TriageRules, model?: TriageModelData): Detector {
  const triage: Triage = createTriage(rules);
  const second = model ? createTriageModel(model) : undefined;
  /** The rules' decision, with a weak or framed alarm the classifier finds far-fetched read as the rules' question (see vetoed, shapeVetoed). */
  const ruled = (text: string): { decision: RuleDecision; vetoed: string | null } => {
    const decision = triage.decide(text);
    // The classifier is asked only about a weak danger: scoring every message here too would double
    // its cost per message (decide scores it again).
    let why: string | null = null;
    if (second && weakDanger(decision)) why = vetoed(decision, second.score(text).danger);
    if (second && !why && framedOrGeneral(decision, text)) {
      const s = second.score(text);
      why = shapeVetoed(decision, text, s.danger + s.disclosure);
    }
    if (!why) return { decision, vetoed: null };
    const question: TriageOutcome = { triage: 'question', kind: null, voice: decision.outcome.voice, lang: decision.outcome.lang };
    return { decision: { outcome: question, kinds: [], by: null, event: false }, vetoed: why };
  };
  const classify = (text: string): TriageOutcome => {
    if (!second) return triage.classify(text);
    return second.decide(text, ruled(text).decision).outcome;
  };
  return {
    detect(text: string): Detection {
      const outcome = classify(text);
      return outcome.triage === 'danger'
        ? { emergency: true, kind: outcome.kind, outcome }
        : { emergency: false, kind: null, outcome };
    },
    classify,
    explain(text) {
      const byRules = triage.explain(text);
      if (!second) return byRules;
      const { decision, vetoed: veto } = ruled(text);
      const raised = second.decide(text, decision);
      const rulesWhy = veto ? `${byRules.why}; ${veto}` : byRules.why;
      if (!raised.why) return { outcome: raised.outcome, why: rulesWhy };
      const how = decision.outcome.triage === 'danger' ? 'kind chosen by the' : 'raised by the';
      return { outcome: raised.outcome, why: `${rulesWhy}; ${how} ${raised.why}` };
    },
    voice: (text) => triage.voice(text),
    topicsFor: (kind, t) => triage.topicsFor(kind, t),
  };
}
