// Features of a message for the triage classifier (src/triage/model.ts), shared by the build-time
// training (src/triage/train.ts) and the run time, so both see a message the same way.
// The text is the one the rules see: chat shorthand already spelled out ("ko" → "không").
import { analyse } from '../knowledge/text';

/**
 * Folded syllable unigrams and bigrams ("khong tho"), plus the marked form of a syllable typed with
 * Vietnamese marks ("=hóc" is not "=học"), and a start-of-message bigram. Digits become "#" ("3 tuổi" and
 * "5 tuổi" are one feature). Each feature counts once per message.
 */
export function triageFeatures(text: string): string[] {
  const syl = analyse(text);
  const folded = syl.map((s) => (/^\d+$/.test(s.folded) ? '#' : s.folded));
  const out = new Set<string>();
  for (let i = 0; i < folded.length; i++) {
    const w = folded[i]!;
    out.add(w);
    if (/[^\u0000-\u007f]/u.test(syl[i]!.raw)) out.add(`=${syl[i]!.raw}`);
    out.add(i === 0 ? `^ ${w}` : `${folded[i - 1]} ${w}`);
  }
  return [...out];
}
