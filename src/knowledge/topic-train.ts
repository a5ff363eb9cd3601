// Build-time training of the topic classifier (src/knowledge/topic-model.ts): multinomial logistic
// regression with L2, fitted by src/ground/softmax-fit.ts (shared with src/triage/train.ts),
// so the same content always gives the same model. Weights are pruned to the strongest features,
// refitted and rounded to integers × scale to keep the Worker bundle small. Not imported at run time.
import { fitPruned, fitSoftmax, frequentFeatures, packWeights, type Fit, type PrunedFitOptions } from '../ground/softmax-fit';
import type { TopicModelData } from './topic-model';

export interface TopicExample {
  /** The example's features (see topicFeatures). */
  features: string[];
  /** The guide's slug. */
  label: string;
  /** How much the example counts (a sample question 1, a body sentence less). */
  weight: number;
}

export type TopicTrainOptions = PrunedFitOptions;

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
  const all = frequentFeatures(examples.map((x) => x.features), o.minCount);
  const C = classes.length;

  // Fit on every feature, keep the strongest, refit on those.
  const { kept, fit: final } = fitPruned(all, C, o.scale, o.maxFeatures, (vocab) => fitOn(examples, vocab, classes, o));

  return {
    classes,
    scale: o.scale,
    bias: [...final.b].map((v) => Math.round(v / o.scale) || 0),
    weights: packWeights(kept, final.w, C, o.scale, (c, q) => `${c.toString(36)}${q}`),
  };
}
