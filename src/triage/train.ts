// Build-time training of the triage classifier (src/triage/model.ts): multinomial logistic
// regression with L2, full-batch Adam from zero weights, so the same data always gives the same
// model. The weights are pruned to the strongest features, refitted, and rounded to integers
// × scale to keep the Worker bundle small. Not imported at run time.
import { triageFeatures } from './features';
import type { TriageModelData, TriageThresholds } from './model';

export interface TrainExample {
  /** The message, chat shorthand already spelled out. */
  text: string;
  /** "question", "danger:<kind>" or "disclosure:<kind>". */
  label: string;
}

export interface TrainOptions {
  /** A feature must occur in at least this many examples. */
  minCount: number;
  /** Features kept after pruning. */
  maxFeatures: number;
  l2: number;
  iterations: number;
  learningRate: number;
  /** Weights are stored as integers × scale; smaller ones are dropped. */
  scale: number;
  /**
   * The share of the training weight the questions carry. Most messages are questions, and a
   * message of unknown words must fall to the prior: with danger split over many classes, an
   * unweighted prior would make "lãi suất ngân hàng" look like danger.
   */
  questionShare: number;
}

export const TRAIN_DEFAULTS: TrainOptions = {
  minCount: 2,
  // 2,500 features, less L2 and weights in steps of 3/16 (session 8, 2,437 phrasings): in
  // cross-validation danger 95.2% → 95.8%, false alarms 68 → 60 of 916, and it stays under 25 KiB
  // gzipped (1,500 features, L2 3e-4, steps of 1/8 before; docs/triage.md).
  maxFeatures: 2500,
  l2: 1e-4,
  iterations: 250,
  learningRate: 0.05,
  scale: 3 / 16,
  questionShare: 0.75,
};

interface Fitted {
  classes: string[];
  vocab: string[];
  /** vocab.length × classes.length, row-major. */
  w: Float64Array;
  b: Float64Array;
}

function fit(rows: number[][], y: number[], weight: number[], vocabSize: number, classCount: number, o: TrainOptions): { w: Float64Array; b: Float64Array } {
  const C = classCount;
  const n = weight.reduce((a, b) => a + b, 0);
  const w = new Float64Array(vocabSize * C);
  // The bias starts at the log of each class's (weighted) share, so a message of words the model
  // never saw gets the prior, not a uniform spread over the classes (which would favour danger,
  // split into many more classes than question).
  const b = new Float64Array(C);
  const share = new Float64Array(C);
  y.forEach((c, i) => (share[c]! += weight[i]!));
  for (let c = 0; c < C; c++) b[c] = Math.log((share[c]! + 0.5) / (n + 0.5 * C));
  const gw = new Float64Array(w.length);
  const gb = new Float64Array(C);
  const mw = new Float64Array(w.length);
  const vw = new Float64Array(w.length);
  const mb = new Float64Array(C);
  const vb = new Float64Array(C);
  const z = new Float64Array(C);
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
  for (let it = 1; it <= o.iterations; it++) {
    gw.fill(0);
    gb.fill(0);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      for (let c = 0; c < C; c++) z[c] = b[c]!;
      for (const f of row) for (let c = 0; c < C; c++) z[c]! += w[f * C + c]!;
      let max = -Infinity;
      for (let c = 0; c < C; c++) max = Math.max(max, z[c]!);
      let sum = 0;
      for (let c = 0; c < C; c++) sum += z[c] = Math.exp(z[c]! - max);
      for (let c = 0; c < C; c++) {
        const g = (weight[i]! * (z[c]! / sum - (c === y[i] ? 1 : 0))) / n;
        gb[c]! += g;
        for (const f of row) gw[f * C + c]! += g;
      }
    }
    const lr = (o.learningRate * Math.sqrt(1 - beta2 ** it)) / (1 - beta1 ** it);
    for (let k = 0; k < w.length; k++) {
      const g = gw[k]! + o.l2 * w[k]!;
      mw[k] = beta1 * mw[k]! + (1 - beta1) * g;
      vw[k] = beta2 * vw[k]! + (1 - beta2) * g * g;
      w[k]! -= (lr * mw[k]!) / (Math.sqrt(vw[k]!) + eps);
    }
    for (let c = 0; c < C; c++) {
      mb[c] = beta1 * mb[c]! + (1 - beta1) * gb[c]!;
      vb[c] = beta2 * vb[c]! + (1 - beta2) * gb[c]! * gb[c]!;
      b[c]! -= (lr * mb[c]!) / (Math.sqrt(vb[c]!) + eps);
    }
  }
  return { w, b };
}

function fitOn(examples: TrainExample[], vocab: string[], classes: string[], o: TrainOptions): Fitted {
  const index = new Map(vocab.map((f, i) => [f, i]));
  const rows = examples.map((x) => triageFeatures(x.text).flatMap((f) => (index.has(f) ? [index.get(f)!] : [])));
  const y = examples.map((x) => classes.indexOf(x.label));
  const questions = examples.filter((x) => x.label === 'question').length;
  const alarms = examples.length - questions;
  const q = questions === 0 || alarms === 0 ? 1 : (o.questionShare / (1 - o.questionShare)) * (alarms / questions);
  const weight = examples.map((x) => (x.label === 'question' ? q : 1));
  const { w, b } = fit(rows, y, weight, vocab.length, classes.length, o);
  return { classes, vocab, w, b };
}

/** Trains the model on labelled examples; deterministic (sorted vocabulary and classes, no randomness). */
export function trainTriageModel(
  examples: TrainExample[],
  thresholds: TriageThresholds,
  options: Partial<TrainOptions> = {},
): TriageModelData {
  const o = { ...TRAIN_DEFAULTS, ...options };
  const classes = [...new Set(['question', ...examples.map((x) => x.label)])].sort((a, b) =>
    a === 'question' ? -1 : b === 'question' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const df = new Map<string, number>();
  for (const x of examples) for (const f of triageFeatures(x.text)) df.set(f, (df.get(f) ?? 0) + 1);
  const all = [...df].filter(([, n]) => n >= o.minCount).map(([f]) => f).sort();
  const C = classes.length;

  // Fit on every feature, keep the strongest, refit on those.
  const first = fitOn(examples, all, classes, o);
  const strength = all.map((f, i) => {
    let m = 0;
    for (let c = 0; c < C; c++) m = Math.max(m, Math.abs(first.w[i * C + c]!));
    return [f, m] as const;
  });
  const kept = strength
    .filter(([, m]) => m >= o.scale)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, o.maxFeatures)
    .map(([f]) => f)
    .sort();
  const final = fitOn(examples, kept, classes, o);

  const lines: string[] = [];
  kept.forEach((f, i) => {
    const pairs: string[] = [];
    for (let c = 0; c < C; c++) {
      const q = Math.round(final.w[i * C + c]! / o.scale);
      if (q !== 0) pairs.push(`${c}:${q}`);
    }
    if (pairs.length > 0) lines.push(`${f}\t${pairs.join(' ')}`);
  });
  return {
    classes,
    scale: o.scale,
    bias: [...final.b].map((v) => Math.round(v / o.scale)),
    weights: lines.join('\n'),
    thresholds,
  };
}
