// `npx tsx scripts/tune-triage.ts [--folds 5]`: how the triage classifier generalises, to choose
// its thresholds (content/triage-train.yaml). Each training phrasing is scored by a model trained
// without its fold (cross-validation), combined with the rules, and the recall and false alarms are
// printed for a grid of thresholds; the dev set (test/fixtures/triage-dev.jsonl, never trained on)
// is scored by the full model. The aside set is not read here.
import { synonyms, triage } from '../src/knowledge/compiled.generated';
import { expandShorthand } from '../src/knowledge/text';
import { createTriage, type RuleDecision } from '../src/triage/classify';
import { framedOrGeneral } from '../src/triage/detect';
import { createTriageModel, type TriageScores, type TriageThresholds } from '../src/triage/model';
import type { TriageOutcome } from '../src/triage/outcome';
import { trainTriageModel } from '../src/triage/train';
import { readTriageSet } from './eval-triage';
import { trainingData } from './content/triage-model';

const args = process.argv.slice(2);
const folds = Number(args[args.indexOf('--folds') + 1] || 5) || 5;
const opt = (name: string) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : undefined);
const options = Object.fromEntries(
  ([['--l2', 'l2'], ['--scale', 'scale'], ['--question-share', 'questionShare'], ['--max-features', 'maxFeatures'], ['--min-count', 'minCount'], ['--iterations', 'iterations']] as const)
    .filter(([flag]) => opt(flag) !== undefined)
    .map(([flag, key]) => [key, opt(flag)]),
);
const rules = createTriage(triage());
const { examples, thresholds } = trainingData();

interface Item {
  want: 'danger' | 'disclosure' | 'question';
  rules: TriageOutcome;
  /** The rules' danger words stood only in general or prevention wording: the classifier may not overrule. */
  general: boolean;
  /** Why the rules' danger words were cancelled (general wording, the past, calm…), when they say question. */
  cancelled: string[];
  scores: TriageScores;
  text: string;
  /** How the rules' danger fired, per kind (src/triage/classify.ts RuleDecision.evidence); empty when not by the rules' own cues. */
  evidence: string[];
  /** The rules saw a real event (firm now, just happened, distress, cry, threat). */
  event: boolean;
  /** The rules' whole decision. */
  decision: RuleDecision;
}

const GATE = args.includes('--gate');
/** `--prefer p`: a question the classifier raises is a disclosure, not danger, when P(disclosure) > P(danger) < p. */
const PREFER = opt('--prefer');
const cv: Item[] = [];
for (let k = 0; k < folds; k++) {
  const train = examples.filter((_, i) => i % folds !== k);
  const model = createTriageModel(trainTriageModel(train, thresholds, options));
  examples.forEach((x, i) => {
    if (i % folds !== k) return;
    const { outcome, general, cancelled } = rules.judge(x.text);
    const decision = rules.decide(x.text);
    const { evidence = [], event = false } = decision;
    cv.push({ want: x.label.split(':')[0] as Item['want'], rules: outcome, general, cancelled, scores: model.score(x.text), text: x.text, evidence, event, decision });
  });
}
const full = createTriageModel(trainTriageModel(examples, thresholds, options));
const readItems = (path: string): Item[] =>
  readTriageSet(path).map((x) => {
    const text = expandShorthand(x.q, synonyms().shorthand);
    const { outcome, general, cancelled } = rules.judge(text);
    const decision = rules.decide(text);
    const { evidence = [], event = false } = decision;
    return { want: x.triage, rules: outcome, general, cancelled, scores: full.score(text), text, evidence, event, decision };
  });
const dev: Item[] = readItems('test/fixtures/triage-dev.jsonl');
// `--sets`: also our own tuning sets (never the asides, never test/fixtures/holdout).
const owns: Array<[string, Item[]]> = args.includes('--sets')
  ? ['triage-own', 'triage-own2', 'triage-own3', 'triage-own4', 'triage-own5', 'triage-own6'].map((n) => [n, readItems(`test/fixtures/${n}.jsonl`)])
  : [];

function decide(x: Item, t: TriageThresholds): 'danger' | 'disclosure' | 'question' {
  // As the bot decides (src/triage/detect.ts): the classifier may raise even a question that general
  // wording made of danger words; `--gate` shows what the dropped gate against that would do.
  if (x.rules.triage === 'danger' || (GATE && x.general)) return x.rules.triage;
  const s = x.scores;
  if (s.danger >= (x.rules.triage === 'question' ? t.danger : t.disclosure_to_danger) && (PREFER === undefined || x.rules.triage !== 'question' || s.danger >= PREFER || s.danger >= s.disclosure)) return 'danger';
  if (x.rules.triage === 'question' && s.danger + s.disclosure >= t.disclosure) return 'disclosure';
  return x.rules.triage;
}

function measure(items: Item[], t: TriageThresholds | null) {
  let d = 0, dn = 0, x = 0, xc = 0, xn = 0, fa = 0, qn = 0;
  for (const it of items) {
    const got = t ? decide(it, t) : it.rules.triage;
    if (it.want === 'danger') { dn++; if (got === 'danger') d++; }
    else if (it.want === 'disclosure') { xn++; if (got === 'disclosure') x++; if (got !== 'question') xc++; }
    else { qn++; if (got !== 'question') fa++; }
  }
  const p = (a: number, n: number) => `${((100 * a) / n).toFixed(1)}%`.padStart(6);
  return `danger ${p(d, dn)}  disclosure ${p(x, xn)} (caught ${p(xc, xn)})  false alarms ${p(fa, qn)} (${fa}/${qn})`;
}

console.log(`${examples.length} phrasings, ${folds}-fold cross-validation; dev ${dev.length} messages`);
console.log(`combined       cv: ${measure(cv, thresholds)}\n               dev: ${measure(dev, thresholds)}`);
console.log(`rules only     cv: ${measure(cv, null)}\n               dev: ${measure(dev, null)}`);
{
  // Threshold-free: how well P(danger) ranks the dangers the rules left a question above the
  // questions they left alone (AUC), and the false alarms it costs to raise 85% of those dangers.
  const left = cv.filter((x) => x.rules.triage === 'question');
  const pos = left.filter((x) => x.want === 'danger').map((x) => x.scores.danger).sort((a, b) => b - a);
  const neg = left.filter((x) => x.want === 'question').map((x) => x.scores.danger);
  let auc = 0;
  for (const p of pos) for (const q of neg) auc += p > q ? 1 : p === q ? 0.5 : 0;
  const cut = pos[Math.floor(pos.length * 0.85)]!;
  const alarmPos = left.filter((x) => x.want !== 'question').map((x) => x.scores.danger + x.scores.disclosure).sort((a, b) => b - a);
  const negA = left.filter((x) => x.want === 'question').map((x) => x.scores.danger + x.scores.disclosure);
  let aucA = 0;
  for (const p of alarmPos) for (const q of negA) aucA += p > q ? 1 : p === q ? 0.5 : 0;
  console.log(`ranking        cv: P(danger) AUC ${(auc / pos.length / neg.length).toFixed(4)} (${pos.length} dangers left by the rules), 85% of them cost ${neg.filter((q) => q >= cut).length} false alarms; P(alarm) AUC ${(aucA / alarmPos.length / negA.length).toFixed(4)}`);
}
for (const [name, items] of owns) console.log(`${name.padEnd(14)} rules: ${measure(items, null)}\n${''.padEnd(14)}  both: ${measure(items, thresholds)}`);
for (const danger of args.includes("--grid") ? [0.35, 0.4, 0.45, 0.55, 0.65] : []) {
  for (const disclosure of [0.4, 0.45, 0.5, 0.6]) {
    const t = { ...thresholds, danger, disclosure };
    console.log(`d≥${danger} a≥${disclosure}  cv: ${measure(cv, t)}\n               dev: ${measure(dev, t)}`);
  }
}
if (args.includes('--choose')) {
  // The thresholds that cost least in cross-validation, where a missed danger costs as much as
  // `--danger-cost` false alarms (default 10) and a disclosure left a question `--disclosure-cost`
  // (default 3): recall first, but not at any price. Chosen on the training phrasings only.
  const dangerCost = opt('--danger-cost') ?? 10;
  const disclosureCost = opt('--disclosure-cost') ?? 3;
  const cost = (t: TriageThresholds) => {
    let c = 0;
    for (const x of cv) {
      const got = decide(x, t);
      if (x.want === 'danger' && got !== 'danger') c += dangerCost;
      else if (x.want === 'disclosure' && got === 'question') c += disclosureCost;
      else if (x.want === 'question' && got !== 'question') c += 1;
    }
    return c;
  };
  const steps = (from: number, to: number) => Array.from({ length: Math.round((to - from) / 0.05) + 1 }, (_, i) => +(from + 0.05 * i).toFixed(2));
  let best: { t: TriageThresholds; c: number } | undefined;
  for (const danger of steps(0.2, 0.7)) for (const disclosure of steps(0.25, 0.7)) for (const d2 of [0.75, 0.8, 0.85, 0.9, 0.95]) {
    const t = { ...thresholds, danger, disclosure, disclosure_to_danger: d2 };
    const c = cost(t);
    if (!best || c < best.c) best = { t, c };
  }
  console.log(`cheapest (danger miss ${dangerCost}, disclosure miss ${disclosureCost}, false alarm 1): ${JSON.stringify(best!.t)}, cost ${best!.c}`);
  console.log(`  cv: ${measure(cv, best!.t)}\n  dev: ${measure(dev, best!.t)}`);
  console.log(`current ${JSON.stringify(thresholds)}, cost ${cost(thresholds)}`);
}
for (const d2 of [0.7, 0.8, 0.9, 0.95]) {
  const t = { ...thresholds, disclosure_to_danger: d2 };
  console.log(`disclosure→danger ≥${d2}  cv: ${measure(cv, t)}  dev: ${measure(dev, t)}`);
}
if (args.includes('--misses')) {
  for (const x of cv) {
    const got = decide(x, thresholds);
    if ((x.want === 'question') !== (got === 'question') || (x.want === 'danger') !== (got === 'danger'))
      console.log(`  cv ${x.want} → ${got}${got !== x.rules.triage ? ' (classifier)' : ''} (d ${x.scores.danger.toFixed(2)} x ${x.scores.disclosure.toFixed(2)})  ${x.text}`);
  }
  for (const [name, items] of [['dev', dev] as const, ...owns]) {
    for (const x of items) {
      const got = decide(x, thresholds);
      if ((x.want === 'question') !== (got === 'question') || (x.want === 'danger') !== (got === 'danger'))
        console.log(`  ${name} ${x.want} → ${got}${got !== x.rules.triage ? ' (classifier)' : ''} (d ${x.scores.danger.toFixed(2)} x ${x.scores.disclosure.toFixed(2)})  ${x.text}`);
    }
  }
}
if (args.includes('--veto')) {
  // What a veto would cost: the rules say disclosure (never danger: a danger is never lowered) but
  // the classifier gives it P(question) at or above v; it would become a question.
  for (const v of [0.9, 0.95, 0.97, 0.98, 0.99]) {
    const count = (items: Item[]) => {
      let lost = 0, saved = 0;
      for (const x of items) {
        if (x.rules.triage !== 'disclosure' || 1 - x.scores.danger - x.scores.disclosure < v) continue;
        if (x.want === 'question') saved++;
        else lost++;
      }
      return `false alarms removed ${saved}, alarms lost ${lost}`;
    };
    console.log(`veto P(question) ≥ ${v}: cv ${count(cv)}; dev ${count(dev)}${owns.map(([n, items]) => `; ${n} ${count(items)}`).join('')}`);
  }
}
if (args.includes('--weak-veto')) {
  // A veto on weak rule dangers (src/triage/detect.ts): the rules fired danger only on a child named
  // near the danger word, or on a "now" in another clause, and the classifier gives P(danger) < v.
  // Counted: dangers lost, disclosures the veto leaves a question, false alarms removed.
  const WEAK = new Set((args[args.indexOf('--weak') + 1] ?? 'child').split(','));
  for (const v of [0.005, 0.01, 0.015, 0.02, 0.03, 0.05]) {
    const count = (items: Item[]) => {
      let lost = 0, lostX = 0, saved = 0;
      for (const x of items) {
        if (x.rules.triage !== 'danger' || x.evidence.length === 0 || !x.evidence.every((e) => WEAK.has(e)) || x.scores.danger >= v) continue;
        const after = x.scores.danger + x.scores.disclosure >= thresholds.disclosure ? 'disclosure' : 'question';
        if (x.want === 'danger') lost++;
        if (x.want === 'danger' && args.includes('--show')) console.log(`    lost at ${v}: ${x.want} d ${x.scores.danger.toFixed(4)} [${x.evidence}] ${x.text}`);
        else if (x.want === 'disclosure' && after === 'question') lostX++;
        else if (x.want === 'question' && after === 'question') saved++;
      }
      return `lost ${lost} dangers, ${lostX} disclosures; removed ${saved} false alarms`;
    };
    console.log(`weak veto P(danger) < ${v}: cv ${count(cv)}; dev ${count(dev)}${owns.map(([n, items]) => `; ${n} ${count(items)}`).join('')}`);
  }
}
if (args.includes('--shape-veto')) {
  // The second look at rule alarms in framed or general questions (src/triage/detect.ts shapeVetoed,
  // session 11): asked, nothing says now, no event, no danger phrase, and P(danger) + P(disclosure) < v.
  for (const v of [0.01, 0.02, 0.03, 0.05, 0.1]) {
    const count = (items: Item[]) => {
      let lost = 0, lostX = 0, saved = 0;
      for (const x of items) {
        if (!framedOrGeneral(x.decision, x.text) || x.scores.danger + x.scores.disclosure >= v) continue;
        if (x.want === 'question') saved++;
        else if (x.want === 'danger') lost++;
        else lostX++;
        if (x.want !== 'question' && args.includes('--show')) console.log(`    lost at ${v}: ${x.want} ${(x.scores.danger + x.scores.disclosure).toFixed(4)} ${x.text}`);
      }
      return `lost ${lost} dangers, ${lostX} disclosures; removed ${saved} false alarms`;
    };
    console.log(`shape veto P(alarm) < ${v}: cv ${count(cv)}; dev ${count(dev)}${owns.map(([n, items]) => `; ${n} ${count(items)}`).join('')}`);
  }
}
if (args.includes('--event-gate')) {
  // A gate on raises: the rules left a question because general (or any) wording cancelled its danger
  // words, and nothing in the message says a real event; the classifier may not raise it to danger
  // (mode 'danger': it may still raise a disclosure) or at all (mode 'all').
  for (const which of ['general', 'any'] as const) for (const mode of ['danger', 'all'] as const) {
    const count = (items: Item[]) => {
      let lost = 0, lostX = 0, saved = 0;
      for (const x of items) {
        if (x.rules.triage !== 'question' || x.event || (which === 'general' ? !x.general : x.cancelled.length === 0)) continue;
        const was = decide(x, thresholds);
        const now = mode === 'all' ? 'question' : was === 'danger' ? (x.scores.danger + x.scores.disclosure >= thresholds.disclosure ? 'disclosure' : 'question') : was;
        if (was === now) continue;
        if (x.want === 'danger') {
          lost++;
          if (args.includes('--show')) console.log(`    lost [${which} ${mode}] d ${x.scores.danger.toFixed(3)} ${x.text}`);
        } else if (x.want === 'disclosure' && now === 'question') lostX++;
        else if (x.want === 'question' && now === 'question') saved++;
      }
      return `lost ${lost} dangers, ${lostX} disclosures; removed ${saved} false alarms`;
    };
    console.log(`event gate [${which}, ${mode}]: cv ${count(cv)}; dev ${count(dev)}${owns.map(([n, items]) => `; ${n} ${count(items)}`).join('')}`);
  }
}
if (args.includes('--soft-gate')) {
  // A soft gate: where the rules cancelled danger words (general wording, the past, calm, a repeat…),
  // the classifier needs P(danger) ≥ g to raise danger. Counted per reason: dangers lost, false alarms saved.
  const reasons = [...new Set([...cv, ...dev].flatMap((x) => x.cancelled))].sort();
  for (const reason of ['any', ...reasons]) {
    for (const g of [0.5, 0.7, 0.9, 0.95]) {
      const count = (items: Item[]) => {
        let lost = 0, lostX = 0, saved = 0;
        for (const x of items) {
          if (x.rules.triage !== 'question' || x.cancelled.length === 0 || (reason !== 'any' && !x.cancelled.includes(reason))) continue;
          // Gated: no raise at all (neither danger nor disclosure) unless P(danger) ≥ g.
          const raised = decide(x, thresholds) !== 'question';
          if (!raised || x.scores.danger >= g) continue;
          if (x.want === 'danger' && decide(x, thresholds) === 'danger') lost++;
          else if (x.want === 'disclosure') lostX++;
          if (x.want === 'question') saved++;
        }
        return `lost ${lost} dangers (${lostX} disclosure alarms), saved ${saved} false alarms`;
      };
      console.log(`soft gate [${reason}] P(danger) ≥ ${g}: cv ${count(cv)}; dev ${count(dev)}${owns.map(([n, items]) => `; ${n} ${count(items)}`).join('')}`);
    }
  }
}
if (args.includes('--kinds')) {
  // Cross-validated recall per labelled kind, rules only → combined; and how often a danger the
  // classifier raised names the labelled kind (or leaves it unspecified).
  const labels = examples.map((x) => x.label);
  const per = new Map<string, [number, number, number]>();
  let raised = 0, kindRight = 0, unspecified = 0;
  cv.forEach((x) => {
    const label = labels[examples.findIndex((e) => e.text === x.text)]!;
    if (x.want === 'question') return;
    const t = per.get(label) ?? [0, 0, 0];
    t[0] += x.rules.triage === x.want ? 1 : 0;
    const got = decide(x, thresholds);
    t[1] += got === x.want ? 1 : 0;
    t[2]++;
    per.set(label, t);
    if (x.want === 'danger' && x.rules.triage !== 'danger' && got === 'danger') {
      raised++;
      const kind = x.scores.dangerKindShare >= thresholds.kind ? x.scores.dangerKind : 'unspecified';
      if (kind === label.split(':')[1]) kindRight++;
      else if (kind === 'unspecified') unspecified++;
    }
  });
  for (const [label, [r, c, n]] of [...per].sort()) console.log(`  ${label.padEnd(26)} ${r}/${n} → ${c}/${n}`);
  console.log(`  raised to danger by the classifier: ${raised}, kind right ${kindRight}, unspecified ${unspecified}`);
}
// Words the model never saw must stay a question.
for (const q of ['lãi suất ngân hàng tháng này', 'giá vàng hôm nay', '']) {
  const s = full.score(q);
  console.log(`unknown words "${q}": P(danger) ${s.danger.toFixed(2)}, P(disclosure) ${s.disclosure.toFixed(2)}`);
}
