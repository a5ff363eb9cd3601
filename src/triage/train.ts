// Build-time training of the triage classifier (src/triage/model.ts): multinomial logistic
// regression with L2, full-batch Adam from zero weights, so the same data always gives the same
// model. The weights are pruned to the strongest features, refitted, and rounded to integers
// × scale to keep the Worker bundle small. Not imported at run time.
import { fitPruned, fitSoftmax, frequentFeatures, packWeights, type PrunedFitOptions } from '../ground/softmax-fit';
import { triageFeatures } from './features';
import type { TriageModelData, TriageThresholds } from './model';

export interface TrainExample {
  /** The message, chat shorthand already spelled out. */
  text: string;
  /** "question", "danger:<kind>" or "disclosure:<kind>". */
  label: string;
}

export interface TrainOptions extends PrunedFitOptions {
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

function fitOn(examples: TrainExample[], vocab: string[], classes: string[], o: TrainOptions): Fitted {
  const index = new Map(vocab.map((f, i) => [f, i]));
  const rows = examples.map((x) => triageFeatures(x.text).flatMap((f) => (index.has(f) ? [index.get(f)!] : [])));
  const y = examples.map((x) => classes.indexOf(x.label));
  const questions = examples.filter((x) => x.label === 'question').length;
  const alarms = examples.length - questions;
  const q = questions === 0 || alarms === 0 ? 1 : (o.questionShare / (1 - o.questionShare)) * (alarms / questions);
  const weight = examples.map((x) => (x.label === 'question' ? q : 1));
  // The bias starts at the log of each class's (weighted) share, so a message of words the model
  // never saw gets the prior, not a uniform spread over the classes (which would favour danger,
  // split into many more classes than question).
  const C = classes.length;
  const n = weight.reduce((a, b) => a + b, 0);
  const share = new Float64Array(C);
  y.forEach((c, i) => (share[c]! += weight[i]!));
  const bias = new Float64Array(C);
  for (let c = 0; c < C; c++) bias[c] = Math.log((share[c]! + 0.5) / (n + 0.5 * C));
  const { w, b } = fitSoftmax(rows, y, weight, vocab.length, bias, o);
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
  const all = frequentFeatures(examples.map((x) => triageFeatures(x.text)), o.minCount);
  const C = classes.length;

  // Fit on every feature, keep the strongest, refit on those.
  const { kept, fit: final } = fitPruned(all, C, o.scale, o.maxFeatures, (vocab) => fitOn(examples, vocab, classes, o));

  return {
    classes,
    scale: o.scale,
    bias: [...final.b].map((v) => Math.round(v / o.scale)),
    weights: packWeights(kept, final.w, C, o.scale, (c, q) => `${c}:${q}`),
    thresholds,
  };
}
