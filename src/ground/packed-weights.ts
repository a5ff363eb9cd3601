// The run-time reader of a classifier's weights as src/ground/softmax-fit.ts packs them: one line per
// feature, "feature\t<pair> <pair> …", each pair a class index and an integer weight in the model's
// own spelling. Shared by the triage and topic classifiers.

/**
 * The weights of a feature as [class, weight, class, weight, …], or undefined for a feature the model
 * does not know. Lines are split at load, a feature's pairs parsed on first use: a cold start or a
 * question parses only what it meets.
 */
export function packedWeights(text: string, pair: (p: string) => [number, number]): (feature: string) => Int32Array | undefined {
  const lines = new Map<string, string>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) lines.set(line.slice(0, tab), line.slice(tab + 1));
  }
  const parsed = new Map<string, Int32Array>();
  return (f) => {
    let w = parsed.get(f);
    if (w) return w;
    const line = lines.get(f);
    if (line === undefined) return undefined;
    const pairs = line.split(' ');
    w = new Int32Array(pairs.length * 2);
    pairs.forEach((p, i) => {
      const [c, q] = pair(p);
      w![2 * i] = c;
      w![2 * i + 1] = q;
    });
    parsed.set(f, w);
    return w;
  };
}
