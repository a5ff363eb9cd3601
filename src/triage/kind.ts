// Which danger kind a message is about, when the rules (src/triage/classify.ts) and the classifier
// (src/triage/model.ts) both have a say. The kind picks the first reply's steps and number, so a
// child pulled from water must get drowning (CPR, 115), not the generic reply.
//
// - The rules' kind stands when only one kind's cues fired: in cross-validation and on our sets a
//   single rule kind is right far more often than the classifier where they disagree (a swallowed
//   magnet the classifier calls choking, a child on a rooftop ledge it calls an injury); except
//   for a few neighbours listed as data, where the classifier must be sure (`kind_override`).
// - When several kinds fired ("bố đánh, chảy máu đầu": violence and injury), the first in the
//   order of content/triage.yaml names it unless the classifier clearly prefers another of them:
//   its share of P(danger) at least `kind_switch` and `kind_switch_ratio` times the first's.
// - When only signs of distress ("không thở", "lịm đi") or a bare cry for help named the danger,
//   the classifier's top kind is taken when its share is at least `kind_after_distress` (a child
//   "vừa được kéo lên từ hồ bơi, không thở" is a drowning, not a sudden illness).
// The thresholds are data (content/triage-train.yaml), chosen with scripts/cv-kind.ts.
import type { KindContext, RuleDecision } from './classify';
import type { DangerKind } from './outcome';

export interface KindThresholds {
  /** Share of P(danger) another kind the rules fired needs to replace the first. */
  kind_switch: number;
  /** …and how many times the first kind's share it needs. */
  kind_switch_ratio: number;
  /** Share of P(danger) the classifier's top kind needs to name a danger found by distress or a cry alone. */
  kind_after_distress: number;
  /** Share of P(danger) a neighbour (below) needs to replace the one kind the rules fired. */
  kind_override?: number;
  /**
   * Kinds a single rule kind may give way to when the classifier is sure: pairs the rules confuse
   * whose replies start with the same number ("không liên lạc được" after a goodbye message is read as
   * a missing child; a teenager held abroad for a debt as an abduction).
   */
  kind_neighbours?: Partial<Record<DangerKind, DangerKind[]>>;
}

/** The danger kind, from what the rules fired and the classifier's share of P(danger) per kind. */
export function chooseKind(rules: RuleDecision, shares: Partial<Record<DangerKind, number>>, t: KindThresholds): DangerKind | null {
  if (rules.outcome.triage !== 'danger') return null;
  const first = rules.outcome.kind;
  const share = (k: DangerKind) => shares[k] ?? 0;
  if (rules.by === 'distress' || rules.by === 'cry') {
    let top: DangerKind | undefined;
    for (const k of Object.keys(shares) as DangerKind[]) if (top === undefined || share(k) > share(top)) top = k;
    return top !== undefined && top !== 'unspecified' && share(top) >= t.kind_after_distress ? top : first;
  }
  if (rules.kinds.length === 1) {
    const near = t.kind_neighbours?.[first] ?? [];
    const sure = near.filter((k) => share(k) >= (t.kind_override ?? 1.01) && share(k) >= t.kind_switch_ratio * share(first));
    return sure.sort((a, b) => share(b) - share(a))[0] ?? first;
  }
  let best = first;
  for (const k of rules.kinds) {
    if (k !== first && share(k) >= t.kind_switch && share(k) >= t.kind_switch_ratio * share(first) && share(k) > share(best)) best = k;
  }
  return best;
}

/**
 * The kind a circumstance told in the message names (content/triage.yaml `kind_context`), taken in
 * order: the first circumstance told that is of this kind keeps it, or that lists this kind among
 * those it outranks replaces it ("ngã xuống ao" + "không thở" makes an injury or a sudden illness a
 * drowning; a beating going on keeps violence though the child is home alone). Never changes
 * whether it is a danger.
 */
export function inContext(kind: DangerKind, context: readonly KindContext[] | undefined): DangerKind {
  return deciding(kind, context)?.kind ?? kind;
}

/** Why the circumstance changed the kind, for explanations. */
export function contextWhy(kind: DangerKind, context: readonly KindContext[] | undefined): string {
  return deciding(kind, context)?.why ?? '';
}

function deciding(kind: DangerKind, context: readonly KindContext[] | undefined): KindContext | undefined {
  return context?.find((c) => c.kind === kind || c.over.includes(kind));
}
