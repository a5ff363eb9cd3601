// The numbers a reporter is told to call, from content/hotlines.yaml (never spelled out in code).
import type { Lang } from '../core/types';
import { hotlines } from '../knowledge';
import { hotlines as compiledHotlines } from '../knowledge/compiled.generated';

/** "113 (Công an), 111 (Tổng đài…), 115 (…)": the emergency numbers, in the content's emergency order. */
export function callNowLine(lang: Lang): string {
  const all = hotlines();
  return compiledHotlines.emergency_order
    .map((n) => all.find((h) => h.number === n))
    .filter((h) => h !== undefined)
    .map((h) => `${h.number} (${h.label[lang]})`)
    .join(', ');
}
