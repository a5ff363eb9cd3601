// The topic classifier at run time: multinomial logistic regression over the terms the search
// builds from a question (folded syllables, bigrams, synonym and English expansions; query.ts),
// trained at build time from each guide's title, summary, tags, headings and sample questions
// (src/knowledge/topic-train.ts, written to src/knowledge/topic-model.generated.ts by
// `npm run build:content`). No download, no dependency. answer.ts blends it with the search score.

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
  // Lines are split at load, their weights parsed on first use: a question parses only what it meets.
  const lines = new Map<string, string>();
  for (const line of data.weights.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) lines.set(line.slice(0, tab), line.slice(tab + 1));
  }
  const parsed = new Map<string, Int32Array>();
  const weightsOf = (f: string): Int32Array | undefined => {
    let w = parsed.get(f);
    if (w) return w;
    const line = lines.get(f);
    if (line === undefined) return undefined;
    const pairs = line.split(' ');
    w = new Int32Array(pairs.length * 2);
    pairs.forEach((p, i) => {
      w![2 * i] = parseInt(p[0]!, 36);
      w![2 * i + 1] = Number(p.slice(1));
    });
    parsed.set(f, w);
    return w;
  };
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
