// Build-time fitting shared by the two classifiers (src/triage/train.ts, src/knowledge/topic-train.ts):
// multinomial logistic regression with L2, full-batch Adam from zero weights, so the same data
// always gives the same model; then a refit on the strongest features. Each
// trainer keeps its own features, class weights, starting bias and packing. Not imported at run time.

export interface FitOptions {
  l2: number;
  iterations: number;
  learningRate: number;
}

/** The options of a fit pruned to its strongest features and stored as integers. */
export interface PrunedFitOptions extends FitOptions {
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

export interface Fit {
  /** vocabSize × classCount, row-major. */
  w: Float64Array;
  b: Float64Array;
}

/**
 * Fits weights for `rows` (each the indexes of its features) labelled `y` (class indexes), each
 * example counting `weight`. `bias` is the starting bias, one per class; it is updated in place.
 */
export function fitSoftmax(rows: number[][], y: number[], weight: number[], vocabSize: number, bias: Float64Array, o: FitOptions): Fit {
  const C = bias.length;
  const n = weight.reduce((a, b) => a + b, 0);
  const w = new Float64Array(vocabSize * C);
  const b = bias;
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

/**
 * The features (of `vocab`, fitted as `w` over `classCount` classes) whose largest weight is at
 * least `minWeight`, the `max` strongest of them, sorted by name.
 */
function strongestFeatures(vocab: string[], w: Float64Array, classCount: number, minWeight: number, max: number): string[] {
  const C = classCount;
  const strength = vocab.map((f, i) => {
    let m = 0;
    for (let c = 0; c < C; c++) m = Math.max(m, Math.abs(w[i * C + c]!));
    return [f, m] as const;
  });
  return strength
    .filter(([, m]) => m >= minWeight)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([f]) => f)
    .sort();
}

/**
 * Fits on every feature of `vocab`, keeps the `max` strongest (largest weight at least
 * `minWeight`), sorted by name, and refits on those.
 */
export function fitPruned(vocab: string[], classCount: number, minWeight: number, max: number, fitOn: (vocab: string[]) => Fit): { kept: string[]; fit: Fit } {
  const first = fitOn(vocab);
  const kept = strongestFeatures(vocab, first.w, classCount, minWeight, max);
  return { kept, fit: fitOn(kept) };
}

/** The features found in at least `minCount` examples (each example's features counted once), sorted. */
export function frequentFeatures(examples: Iterable<string>[], minCount: number): string[] {
  const df = new Map<string, number>();
  for (const features of examples) for (const f of new Set(features)) df.set(f, (df.get(f) ?? 0) + 1);
  return [...df].filter(([, n]) => n >= minCount).map(([f]) => f).sort();
}

/**
 * The weights as text, one line per feature: the feature, a tab, then its non-zero weights rounded
 * to integers × `scale`, each written by `pair` (class index, integer weight), space-separated.
 */
export function packWeights(vocab: string[], w: Float64Array, classCount: number, scale: number, pair: (c: number, q: number) => string): string {
  const lines: string[] = [];
  vocab.forEach((f, i) => {
    const pairs: string[] = [];
    for (let c = 0; c < classCount; c++) {
      const q = Math.round(w[i * classCount + c]! / scale);
      if (q !== 0) pairs.push(pair(c, q));
    }
    if (pairs.length > 0) lines.push(`${f}\t${pairs.join(' ')}`);
  });
  return lines.join('\n');
}
