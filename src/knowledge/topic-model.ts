// The topic classifier at run time: multinomial logistic regression over the terms the search
// builds from a question (folded syllables, bigrams, synonym and English expansions; query.ts),
// trained at build time from each guide's title, summary, tags, headings and sample questions
// (src/knowledge/topic-train.ts, written to src/knowledge/topic-model.generated.ts by
// `npm run build:content`). No download, no dependency. answer.ts blends it with the search score.

import { packedWeights } from '../ground/packed-weights';

/** The compiled model: classes are guide slugs; weights are integers × scale. */
export interface TopicModelData {
  classes: string[];
  scale: number;
  bias: number[];
  /**
   * One line per feature: "feature\t<class><weight> <class><weight> …", the class as one base-36
   * digit (its index in `classes`), the weight a signed integer.
   */
  weights: string;
}

export interface TopicModel {
  /** P(guide | question) for every guide with any evidence; `known` says how many features the model knew. */
  classify(features: Iterable<string>): { probabilities: Map<string, number>; known: number };
  readonly classes: readonly string[];
}

export function createTopicModel(data: TopicModelData): TopicModel {
  // Each pair is the class as one base-36 digit, then the signed weight ("a3", "f-2").
  const weightsOf = packedWeights(data.weights, (p) => [parseInt(p[0]!, 36), Number(p.slice(1))]);
  const C = data.classes.length;

  return {
    classes: data.classes,
    classify(features) {
      const z = new Float64Array(C);
      for (let c = 0; c < C; c++) z[c] = data.bias[c]! * data.scale;
      let known = 0;
      const seen = new Set<string>();
      for (const f of features) {
        if (seen.has(f)) continue;
        seen.add(f);
        const w = weightsOf(f);
        if (!w) continue;
        known++;
        for (let k = 0; k < w.length; k += 2) z[w[k]!]! += w[k + 1]! * data.scale;
      }
      let max = -Infinity;
      for (let c = 0; c < C; c++) max = Math.max(max, z[c]!);
      let sum = 0;
      for (let c = 0; c < C; c++) sum += z[c] = Math.exp(z[c]! - max);
      const probabilities = new Map<string, number>();
      for (let c = 0; c < C; c++) probabilities.set(data.classes[c]!, z[c]! / sum);
      return { probabilities, known };
    },
  };
}
