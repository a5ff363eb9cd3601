// Build-time training of the topic classifier (src/knowledge/topic-model.ts): multinomial logistic
// regression with L2, full-batch Adam from zero weights (the house style of src/triage/train.ts),
// so the same content always gives the same model. Weights are pruned to the strongest features,
// refitted and rounded to integers × scale to keep the Worker bundle small. Not imported at run time.
import type { TopicModelData } from './topic-model';

export interface TopicExample {
  /** The example's features (see topicFeatures). */
  features: string[];
  /** The guide's slug. */
  label: string;
  /** How much the example counts (a sample question 1, a body sentence less). */
  weight: number;
}

export interface TopicTrainOptions {
  /** A feature must occur in at least this many examples. */
  minCount: number;
  /** Features kept after pruning. */
  maxFeatures: number;
  l2: number;
  iterations: number;
  learningRate: number;
  /** Weights are stored as integers × scale; smaller ones are dropped. */
  scale: number;
}

export const TOPIC_TRAIN_DEFAULTS: TopicTrainOptions = {
  minCount: 2,
  // Chosen by cross-validation over the sample questions (scripts/topic-cv.ts, 8 folds): 1,000
  // features in steps of 1/4 were as good as 3,000 in steps of 1/8 (blend 82.7% against 81.6%) at a
  // third of the size.
  maxFeatures: 1000,
  l2: 3e-4,
  iterations: 200,
  learningRate: 0.05,
  scale: 1 / 4,
};

interface Fitted {
  w: Float64Array;
  b: Float64Array;
}

function fit(rows: number[][], y: number[], weight: number[], vocabSize: number, C: number, o: TopicTrainOptions): Fitted {
  const n = weight.reduce((a, b) => a + b, 0);
  const w = new Float64Array(vocabSize * C);
  // Every guide is as likely a priori: the bias starts (and stays near) zero, whatever the number
  // of lines a guide happens to have.
  const b = new Float64Array(C);
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

function fitOn(examples: TopicExample[], vocab: string[], classes: string[], o: TopicTrainOptions): Fitted {
  const index = new Map(vocab.map((f, i) => [f, i]));
  const rows = examples.map((x) => [...new Set(x.features)].flatMap((f) => (index.has(f) ? [index.get(f)!] : [])));
  const y = examples.map((x) => classes.indexOf(x.label));
  return fit(rows, y, examples.map((x) => x.weight), vocab.length, classes.length, o);
}

/** Trains the model; deterministic (sorted vocabulary and classes, no randomness). */
export function trainTopicModel(examples: TopicExample[], options: Partial<TopicTrainOptions> = {}): TopicModelData {
  const o = { ...TOPIC_TRAIN_DEFAULTS, ...options };
  const classes = [...new Set(examples.map((x) => x.label))].sort();
  const df = new Map<string, number>();
  for (const x of examples) for (const f of new Set(x.features)) df.set(f, (df.get(f) ?? 0) + 1);
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
      if (q !== 0) pairs.push(`${c.toString(36)}${q}`);
    }
    if (pairs.length > 0) lines.push(`${f}\t${pairs.join(' ')}`);
  });
  return {
    classes,
    scale: o.scale,
    bias: [...final.b].map((v) => Math.round(v / o.scale) || 0),
    weights: lines.join('\n'),
  };
}
