// Build-time training of the topic classifier (src/knowledge/topic-model.ts): multinomial logistic
// regression with L2, fitted by src/ground/softmax-fit.ts (shared with src/triage/train.ts),
// so the same content always gives the same model. Weights are pruned to the strongest features,
// refitted and rounded to integers × scale to keep the Worker bundle small. Not imported at run time.
import { fitSoftmax, strongestFeatures, type Fit } from '../ground/softmax-fit';
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

function fitOn(examples: TopicExample[], vocab: string[], classes: string[], o: TopicTrainOptions): Fit {
  const index = new Map(vocab.map((f, i) => [f, i]));
  const rows = examples.map((x) => [...new Set(x.features)].flatMap((f) => (index.has(f) ? [index.get(f)!] : [])));
  const y = examples.map((x) => classes.indexOf(x.label));
  // Every guide is as likely a priori: the bias starts (and stays near) zero, whatever the number
  // of lines a guide happens to have.
  return fitSoftmax(rows, y, examples.map((x) => x.weight), vocab.length, new Float64Array(classes.length), o);
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
  const kept = strongestFeatures(all, first.w, C, o.scale, o.maxFeatures);
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
