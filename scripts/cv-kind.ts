// `npx tsx scripts/cv-kind.ts [--folds 5]`: how often the danger kind is right, the rules' kind
// against the kind chosen with the classifier (src/triage/kind.ts), in k-fold cross-validation on
// the training phrasings (each danger phrasing the rules call danger is scored by a model trained
// without its fold), for a grid of the kind thresholds (content/triage-train.yaml). Also the tuning
// sets, scored by the full model. Never the asides, never test/fixtures/holdout.
import { synonyms, triage } from '../src/knowledge/compiled.generated';
import { expandShorthand } from '../src/knowledge/text';
import { createTriage, type RuleDecision } from '../src/triage/classify';
import { chooseKind, inContext, type KindThresholds } from '../src/triage/kind';
import { createTriageModel } from '../src/triage/model';
import type { DangerKind } from '../src/triage/outcome';
import { trainTriageModel } from '../src/triage/train';
import { readTriageSet } from './eval-triage';
import { trainingData } from './content/triage-model';

const args = process.argv.slice(2);
const folds = Number(args[args.indexOf('--folds') + 1] || 5) || 5;
const rules = createTriage(triage());
const { examples, thresholds } = trainingData();

interface Item {
  want: string;
  rules: RuleDecision;
  shares: Partial<Record<DangerKind, number>>;
  text: string;
}

const cv: Item[] = [];
/** Danger phrasings the rules miss and the classifier raises: its top kind and that kind's share of P(danger). */
const raised: Array<{ want: string; top: string; share: number; rules: RuleDecision }> = [];
for (let k = 0; k < folds; k++) {
  const model = createTriageModel(trainTriageModel(examples.filter((_, i) => i % folds !== k), thresholds));
  examples.forEach((x, i) => {
    if (i % folds !== k || !x.label.startsWith('danger:')) return;
    const d = rules.decide(x.text);
    const sc = model.score(x.text);
    if (d.outcome.triage !== 'danger') {
      // Raised by the classifier (src/triage/model.ts combine): its top kind names it above `kind`.
      const at = d.outcome.triage === 'question' ? thresholds.danger : thresholds.disclosure_to_danger;
      if (sc.danger >= at) raised.push({ want: x.label.slice('danger:'.length), top: sc.dangerKind, share: sc.dangerKindShare, rules: d });
      return;
    }
    cv.push({ want: x.label.slice('danger:'.length), rules: d, shares: sc.kindShares, text: x.text });
  });
}
const full = createTriageModel(trainTriageModel(examples, thresholds));
const sets: Array<[string, Item[]]> = ['triage-dev', 'triage-own', 'triage-own2', 'triage-own3', 'triage-kind-own'].map((n) => [
  n,
  readTriageSet(`test/fixtures/${n}.jsonl`).flatMap((x) => {
    if (x.triage !== 'danger') return [];
    const text = expandShorthand(x.q, synonyms().shorthand);
    const d = rules.decide(text);
    return d.outcome.triage === 'danger' ? [{ want: x.kind ?? '?', rules: d, shares: full.score(text).kindShares, text }] : [];
  }),
]);

/** With `context`, the circumstances of content/triage.yaml `kind_context` then name the kind (session 11). */
let context = false;
const right = (items: Item[], t: KindThresholds | null) =>
  items.filter((x) => {
    const k = t ? chooseKind(x.rules, x.shares, t)! : x.rules.outcome.kind!;
    return (context ? inContext(k as DangerKind, x.rules.context) : k) === x.want;
  }).length;
const row = (t: KindThresholds | null) =>
  [['cv', cv] as [string, Item[]], ...sets].map(([n, items]) => `${n} ${right(items, t)}/${items.length}`).join('  ');

console.log(`${folds}-fold cross-validation: ${cv.length} danger phrasings the rules call danger`);
console.log(`rules' kind            ${row(null)}`);
const chosen: KindThresholds = thresholds;
console.log(`chosen, no neighbours   ${row({ ...chosen, kind_neighbours: {} })}`);
console.log(`chosen ${chosen.kind_switch}/${chosen.kind_switch_ratio}/${chosen.kind_after_distress}       ${row(chosen)}`);
for (const at of [0.7, 0.9]) console.log(`neighbours at ${at}       ${row({ ...chosen, kind_override: at })}`);
context = true;
console.log(`rules' kind + context  ${row(null)}`);
console.log(`chosen + context       ${row(chosen)}`);
{
  const named = (x: (typeof raised)[number], ctx: boolean) => {
    const k = (x.share >= thresholds.kind ? x.top : 'unspecified') as DangerKind;
    return ctx ? inContext(k, x.rules.context) : k;
  };
  const ok = (ctx: boolean) => raised.filter((x) => named(x, ctx) === x.want).length;
  console.log(`raised by the classifier, kind right: ${ok(false)}/${raised.length}, with context ${ok(true)}/${raised.length}`);
}
context = false;
if (args.includes('--grid')) {
  for (const kind_switch of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
    for (const kind_switch_ratio of [1, 1.5, 2, 3, 5]) {
      for (const kind_after_distress of [0.3, 0.5, 0.7, 1.01]) {
        const t = { kind_switch, kind_switch_ratio, kind_after_distress };
        console.log(`grid ${kind_switch}/${kind_switch_ratio}/${kind_after_distress}`.padEnd(23) + row(t));
      }
    }
  }
}
console.log(`raised by the classifier: ${raised.length}; by the share its top kind needs (else unspecified): right / unspecified / another kind`);
for (const at of [0.2, 0.3, 0.4, 0.5, 0.6, 0.7]) {
  const named = raised.filter((x) => x.share >= at);
  const ok = named.filter((x) => x.top === x.want).length;
  console.log(`  kind ≥ ${at}: ${ok + raised.filter((x) => x.share < at && x.want === 'unspecified').length} / ${raised.length - named.length} / ${named.length - ok}`);
}
if (args.includes("--misses")) {
  for (const x of cv) {
    const got = inContext(chooseKind(x.rules, x.shares, chosen)!, x.rules.context);
    if (got !== x.want) console.log(`cv miss ${got} (want ${x.want}; rules ${x.rules.kinds.join(',')} by ${x.rules.by})  ${x.text}`);
  }
}
if (args.includes('--pairs')) {
  // One kind fired by the rules, and the classifier prefers another: by pair, how often it is right.
  for (const at of [0.7, 0.8, 0.9]) {
    const pairs = new Map<string, [number, number]>();
    for (const x of cv) {
      if (x.rules.by !== 'rules' || x.rules.kinds.length !== 1) continue;
      const top = (Object.entries(x.shares) as Array<[DangerKind, number]>).sort((a, b) => b[1] - a[1])[0];
      if (!top || top[0] === x.rules.outcome.kind || top[1] < at) continue;
      const key = `${x.rules.outcome.kind} → ${top[0]}`;
      const p = pairs.get(key) ?? [0, 0];
      p[x.want === top[0] ? 0 : 1]++;
      if (x.want === x.rules.outcome.kind) p[1] += 0;
      pairs.set(key, p);
    }
    console.log(`single rule kind, classifier's other kind at ≥ ${at}: pair right/wrong`);
    for (const [k, [r, w]] of [...pairs].sort((a, b) => b[1][0] + b[1][1] - a[1][0] - a[1][1])) console.log(`  ${k}: ${r}/${w}`);
  }
}
