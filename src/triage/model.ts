// The triage classifier at run time: multinomial logistic regression over the features of
// src/triage/features.ts, trained at build time from content/ (src/triage/train.ts, written to
// src/triage/model.generated.ts by `npm run build:content`). No download, no dependency.
//
// It is a second opinion after the rules (src/triage/classify.ts): it may raise a question to a
// disclosure or danger, or a disclosure to danger, above thresholds kept as data with the training
// phrasings (content/triage-train.yaml); it never lowers what the rules decided.
import { DANGER_KINDS, DISCLOSURE_KINDS, type DangerKind, type DisclosureKind, type TriageOutcome } from './outcome';
import { packedWeights } from '../ground/packed-weights';
import { triageFeatures } from './features';
import type { RuleDecision } from './classify';
import { chooseKind, contextWhy, inContext, type KindThresholds } from './kind';

/** The compiled model: classes "question", "danger:<kind>", "disclosure:<kind>"; weights are integers × scale. */
export interface TriageModelData {
  classes: string[];
  scale: number;
  bias: number[];
  /** One line per feature: "feature\tclass:weight class:weight …" (class by index, weight an integer). */
  weights: string;
  thresholds: TriageThresholds;
}

export interface TriageThresholds extends KindThresholds {
  /** P(danger) at or above which a question becomes danger. */
  danger: number;
  /** P(danger) + P(disclosure) at or above which a question becomes a disclosure. */
  disclosure: number;
  /** P(danger) at or above which a disclosure (by the rules) becomes danger. */
  disclosure_to_danger: number;
  /** Share of P(danger) the top danger kind needs to be named; below it the kind is `unspecified`. */
  kind: number;
}

export interface TriageScores {
  danger: number;
  disclosure: number;
  dangerKind: DangerKind;
  /** The top danger kind's share of P(danger). */
  dangerKindShare: number;
  /** Each danger kind's share of P(danger) (they sum to 1). */
  kindShares: Partial<Record<DangerKind, number>>;
  disclosureKind: DisclosureKind;
  /** Features that pushed most towards danger or disclosure, for scripts/triage-why.ts. */
  top: string[];
}

export interface TriageModel {
  score(text: string): TriageScores;
  /** The rules' outcome, raised when the classifier is confident enough; the reason, or null when unchanged. */
  combine(text: string, rules: TriageOutcome): { outcome: TriageOutcome; why: string | null };
  /**
   * The rules' decision with every kind that fired: a danger's kind chosen with the classifier
   * (src/triage/kind.ts), and otherwise as `combine`.
   */
  decide(text: string, rules: RuleDecision): { outcome: TriageOutcome; why: string | null };
  readonly thresholds: TriageThresholds;
}

const isDanger = (k: string): k is DangerKind => (DANGER_KINDS as readonly string[]).includes(k);
const isDisclosure = (k: string): k is DisclosureKind => (DISCLOSURE_KINDS as readonly string[]).includes(k);

export function createTriageModel(data: TriageModelData): TriageModel {
  // Each pair is "class:weight".
  const weightsOf = packedWeights(data.weights, (p) => {
    const colon = p.indexOf(':');
    return [Number(p.slice(0, colon)), Number(p.slice(colon + 1))];
  });
  const group = data.classes.map((c) => (c.startsWith('danger:') ? 1 : c.startsWith('disclosure:') ? 2 : 0));
  const kindOf = data.classes.map((c) => c.slice(c.indexOf(':') + 1));
  const t = data.thresholds;

  function score(text: string): TriageScores {
    const z = data.bias.map((b) => b * data.scale);
    const contrib: Array<[string, number]> = [];
    for (const f of triageFeatures(text)) {
      const w = weightsOf(f);
      if (!w) continue;
      // How far this feature pushes towards an alarm: its largest alarm weight against the question's.
      let alarm = 0;
      let question = 0;
      for (let k = 0; k < w.length; k += 2) {
        const c = w[k]!;
        const v = w[k + 1]!;
        z[c]! += v * data.scale;
        if (group[c] === 0) question = v;
        else alarm = Math.max(alarm, v);
      }
      contrib.push([f, alarm - question]);
    }
    const max = Math.max(...z);
    const e = z.map((v) => Math.exp(v - max));
    const sum = e.reduce((a, b) => a + b, 0);
    let danger = 0;
    let disclosure = 0;
    let dk = -1;
    let xk = -1;
    const kindShares: Partial<Record<DangerKind, number>> = {};
    e.forEach((v, c) => {
      const p = v / sum;
      if (group[c] === 1) {
        danger += p;
        if (isDanger(kindOf[c]!)) kindShares[kindOf[c] as DangerKind] = p;
        if (dk < 0 || v > e[dk]!) dk = c;
      } else if (group[c] === 2) {
        disclosure += p;
        if (xk < 0 || v > e[xk]!) xk = c;
      }
    });
    const dangerKind = dk >= 0 && isDanger(kindOf[dk]!) ? (kindOf[dk] as DangerKind) : 'unspecified';
    const disclosureKind = xk >= 0 && isDisclosure(kindOf[xk]!) ? (kindOf[xk] as DisclosureKind) : 'other';
    const top = contrib
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .filter(([, v]) => v > 0)
      .map(([f]) => f);
    for (const k of Object.keys(kindShares) as DangerKind[]) kindShares[k] = kindShares[k]! / (danger || 1);
    return { danger, disclosure, dangerKind, dangerKindShare: dk >= 0 ? e[dk]! / sum / (danger || 1) : 0, kindShares, disclosureKind, top };
  }

  function combine(text: string, rules: TriageOutcome): { outcome: TriageOutcome; why: string | null } {
    if (rules.triage === 'danger') return { outcome: rules, why: null };
    const s = score(text);
    const { voice, lang } = rules;
    const because = (what: string) => `classifier: ${what} (danger ${s.danger.toFixed(2)}, disclosure ${s.disclosure.toFixed(2)}; ${s.top.join(', ')})`;
    const dangerAt = rules.triage === 'question' ? t.danger : t.disclosure_to_danger;
    if (s.danger >= dangerAt) {
      const kind = s.dangerKindShare >= t.kind ? s.dangerKind : 'unspecified';
      return { outcome: { triage: 'danger', kind, voice, lang }, why: because(`danger ${kind}`) };
    }
    if (rules.triage === 'question' && s.danger + s.disclosure >= t.disclosure) {
      return { outcome: { triage: 'disclosure', kind: s.disclosureKind, voice, lang }, why: because(`disclosure ${s.disclosureKind}`) };
    }
    return { outcome: rules, why: null };
  }

  function decide(text: string, rules: RuleDecision): { outcome: TriageOutcome; why: string | null } {
    const o = rules.outcome;
    if (o.triage !== 'danger') return contexted(combine(text, o), rules);
    const s = score(text);
    const kind = chooseKind(rules, s.kindShares, t);
    if (kind === null || kind === o.kind) return contexted({ outcome: o, why: null }, rules);
    const share = (k: DangerKind) => (s.kindShares[k] ?? 0).toFixed(2);
    return contexted({ outcome: { ...o, kind }, why: `classifier: kind ${kind} ${share(kind)} over ${o.kind} ${share(o.kind)}` }, rules);
  }

  /** A circumstance told in the message names the kind over the one chosen (src/triage/kind.ts). */
  function contexted(d: { outcome: TriageOutcome; why: string | null }, rules: RuleDecision): { outcome: TriageOutcome; why: string | null } {
    if (d.outcome.triage !== 'danger') return d;
    const kind = inContext(d.outcome.kind, rules.context);
    if (kind === d.outcome.kind) return d;
    const why = `context: kind ${kind} over ${d.outcome.kind}, ${contextWhy(d.outcome.kind, rules.context)}`;
    return { outcome: { ...d.outcome, kind }, why: d.why ? `${d.why}; ${why}` : why };
  }

  return { score, combine, decide, thresholds: t };
}
